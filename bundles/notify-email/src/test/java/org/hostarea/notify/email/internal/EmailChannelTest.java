package org.hostarea.notify.email.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Instant;
import java.util.List;

import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.hostarea.notifications.spi.Delivery;
import org.hostarea.notifications.spi.DeliveryException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmailChannelTest {

    private GreenMail smtp;

    @BeforeEach
    void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    @Test
    void sendsTextAndHtmlWithAStableMessageId() throws Exception {
        EmailChannel channel = new EmailChannel(config(smtp.getSmtp().getPort()));
        channel.deliver(delivery("msg-42", List.of("ana@example.org"), "<p>Hola Ana</p>"));

        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(1, received.length);
        MimeMessage mail = received[0];
        assertEquals("<msg-42@test.example>", mail.getMessageID());
        assertEquals("Aviso: mañana", mail.getSubject());
        assertEquals("es", mail.getHeader("Content-Language", null));
        assertEquals("Hosting <noreply@test.example>", mail.getFrom()[0].toString());
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        assertEquals(2, parts.getCount());
        assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
        assertEquals("Hola Ana, mañana.", parts.getBodyPart(0).getContent().toString().strip());
        assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
        assertFalse("7bit".equals(parts.getBodyPart(0).getHeader("Content-Transfer-Encoding")[0]), "UTF-8 text is encoded");
    }

    @Test
    void aDeadServerIsATransientFailure() throws Exception {
        EmailChannel channel = new EmailChannel(config(1));
        DeliveryException e = assertThrows(DeliveryException.class,
                () -> channel.deliver(delivery("msg-1", List.of("ana@example.org"), null)));
        assertFalse(e.permanent());
    }

    @Test
    void aMalformedAddressFailsForGood() throws Exception {
        EmailChannel channel = new EmailChannel(config(smtp.getSmtp().getPort()));
        DeliveryException e = assertThrows(DeliveryException.class,
                () -> channel.deliver(delivery("msg-2", List.of("not an address"), null)));
        assertTrue(e.permanent());
        assertEquals(0, smtp.getReceivedMessages().length);
    }

    private static Delivery delivery(String id, List<String> to, String html) {
        return new Delivery(id, "acc-1", "staff.notice", "es", to, "Aviso: mañana", "Hola Ana, mañana.", html,
                Instant.parse("2026-01-09T10:00:00Z"), 1);
    }

    private static EmailConfiguration config(int port) {
        return new EmailConfiguration() {
            @Override public Class<? extends Annotation> annotationType() { return EmailConfiguration.class; }
            @Override public String host() { return "127.0.0.1"; }
            @Override public int port() { return port; }
            @Override public String security() { return "NONE"; }
            @Override public String username() { return ""; }
            @Override public String password() { return ""; }
            @Override public String from() { return "Hosting <noreply@test.example>"; }
            @Override public String replyTo() { return ""; }
            @Override public int connectTimeoutMillis() { return 2000; }
            @Override public int timeoutMillis() { return 5000; }
            @Override public String messageIdDomain() { return "test.example"; }
        };
    }
}
