package org.hostarea.notify.email.internal;

import java.util.Locale;
import java.util.Properties;

import javax.mail.Address;
import javax.mail.AuthenticationFailedException;
import javax.mail.MessagingException;
import javax.mail.SendFailedException;
import javax.mail.Session;
import javax.mail.Transport;
import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import org.hostarea.notifications.OutgoingMessage;
import org.hostarea.notifications.spi.Delivery;
import org.hostarea.notifications.spi.DeliveryException;
import org.hostarea.notifications.spi.NotificationChannel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The email channel: a multipart text + HTML message per delivery over SMTP, with connect and read
 * timeouts so a dead server only delays the dispatcher's thread. The {@code Message-ID} is derived
 * from the stable message id, so a redelivery after a crash can be recognised as the same mail.
 * Addresses are parsed strictly; a malformed one fails the message permanently.
 */
@Component(service = NotificationChannel.class, configurationPid = EmailConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = EmailConfiguration.class)
public class EmailChannel implements NotificationChannel {

    private final Session session;
    private final InternetAddress from;
    private final InternetAddress replyTo;
    private final String messageIdDomain;

    @Activate
    public EmailChannel(EmailConfiguration config) throws AddressException {
        this.from = new InternetAddress(config.from(), true);
        this.replyTo = config.replyTo().isBlank() ? null : new InternetAddress(config.replyTo(), true);
        this.messageIdDomain = config.messageIdDomain();
        this.session = withMailClassLoader(() -> Session.getInstance(properties(config), authenticator(config)));
    }

    @Override
    public String type() {
        return OutgoingMessage.EMAIL;
    }

    @Override
    public void deliver(Delivery delivery) throws DeliveryException {
        withMailClassLoader(() -> {
            send(delivery);
            return null;
        });
    }

    private void send(Delivery delivery) throws DeliveryException {
        MimeMessage mail;
        try {
            mail = compose(delivery);
        } catch (MessagingException e) {
            throw new DeliveryException("cannot compose the mail: " + e.getMessage(), true, e);
        }
        try {
            Transport.send(mail);
        } catch (SendFailedException e) {
            boolean rejected = e.getValidSentAddresses() == null && e.getInvalidAddresses() != null
                    && e.getInvalidAddresses().length > 0;
            throw new DeliveryException("SMTP refused the mail: " + e.getMessage(), rejected, e);
        } catch (AuthenticationFailedException e) {
            throw new DeliveryException("SMTP authentication failed", false, e);
        } catch (MessagingException e) {
            throw new DeliveryException("SMTP unavailable: " + e.getMessage(), false, e);
        }
    }

    MimeMessage compose(Delivery delivery) throws MessagingException {
        String messageId = "<" + delivery.messageId() + "@" + messageIdDomain + ">";
        MimeMessage mail = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        mail.setFrom(from);
        if (replyTo != null) {
            mail.setReplyTo(new Address[] {replyTo});
        }
        InternetAddress[] to = new InternetAddress[delivery.recipients().size()];
        for (int i = 0; i < to.length; i++) {
            to[i] = new InternetAddress(delivery.recipients().get(i), true);
        }
        mail.setRecipients(javax.mail.Message.RecipientType.TO, to);
        mail.setSubject(delivery.subject(), "UTF-8");
        mail.setSentDate(java.util.Date.from(delivery.createdAt()));
        mail.setHeader("Content-Language", delivery.language());
        if (delivery.html() == null) {
            mail.setText(delivery.text(), "UTF-8");
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(delivery.text(), "UTF-8");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(delivery.html(), "UTF-8", "html");
            mail.setContent(new MimeMultipart("alternative", text, html));
        }
        mail.saveChanges();
        return mail;
    }

    private static Properties properties(EmailConfiguration config) {
        Properties p = new Properties();
        String security = config.security().strip().toUpperCase(Locale.ROOT);
        String protocol = "SSL".equals(security) ? "smtps" : "smtp";
        p.put("mail.transport.protocol", protocol);
        p.put("mail." + protocol + ".host", config.host());
        p.put("mail." + protocol + ".port", Integer.toString(config.port()));
        p.put("mail." + protocol + ".connectiontimeout", Integer.toString(config.connectTimeoutMillis()));
        p.put("mail." + protocol + ".timeout", Integer.toString(config.timeoutMillis()));
        p.put("mail." + protocol + ".writetimeout", Integer.toString(config.timeoutMillis()));
        p.put("mail." + protocol + ".auth", Boolean.toString(!config.username().isBlank()));
        switch (security) {
            case "NONE" -> { }
            case "STARTTLS" -> {
                p.put("mail.smtp.starttls.enable", "true");
                p.put("mail.smtp.starttls.required", "true");
                p.put("mail.smtp.ssl.checkserveridentity", "true");
            }
            case "SSL" -> {
                p.put("mail.smtps.ssl.enable", "true");
                p.put("mail.smtps.ssl.checkserveridentity", "true");
            }
            default -> throw new IllegalArgumentException("security must be NONE, STARTTLS or SSL, not " + config.security());
        }
        return p;
    }

    private static javax.mail.Authenticator authenticator(EmailConfiguration config) {
        if (config.username().isBlank()) {
            return null;
        }
        javax.mail.PasswordAuthentication credentials = new javax.mail.PasswordAuthentication(config.username(), config.password());
        return new javax.mail.Authenticator() {
            @Override
            protected javax.mail.PasswordAuthentication getPasswordAuthentication() {
                return credentials;
            }
        };
    }

    /**
     * Jakarta Mail finds its providers and content handlers (which pick the transfer encoding) through the
     * context class loader; in OSGi that must be its own, for composing as much as for sending.
     */
    private static <T, E extends Exception> T withMailClassLoader(MailAction<T, E> action) throws E {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Session.class.getClassLoader());
        try {
            return action.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @FunctionalInterface
    private interface MailAction<T, E extends Exception> {
        T run() throws E;
    }
}
