package org.hostarea.itests;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import javax.mail.Message;
import javax.mail.Part;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** A real SMTP server (GreenMail) inside the container, where the email plugin delivers during tests. */
public final class Mailbox {

    private final int port;
    private GreenMail smtp;

    public Mailbox(int port) {
        this.port = port;
    }

    public void start() {
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    public void stop() {
        smtp.stop();
    }

    public List<MimeMessage> all() {
        return Arrays.asList(smtp.getReceivedMessages());
    }

    /** The first received mail that matches, waiting for it. */
    public MimeMessage await(String what, Predicate<MimeMessage> matches) {
        return org.awaitility.Awaitility.await(what).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> all().stream().filter(matches).findFirst().orElse(null), mail -> mail != null);
    }

    /** The first received mail to this address whose subject contains the text. */
    public MimeMessage awaitTo(String address, String subjectPart) {
        return await(subjectPart + " to " + address, mail -> to(mail, address) && subject(mail).contains(subjectPart));
    }

    public long count(Predicate<MimeMessage> matches) {
        return all().stream().filter(matches).count();
    }

    public static boolean to(MimeMessage mail, String address) {
        try {
            return Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain-text part of a mail. */
    public static String text(MimeMessage mail) {
        try {
            Object content = content(mail);
            return content instanceof MimeMultipart parts ? content(parts.getBodyPart(0)).toString() : content.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Jakarta Mail finds its content handlers through the context class loader: in OSGi, its own. */
    public static Object content(Part part) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Session.class.getClassLoader());
        try {
            return part.getContent();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
