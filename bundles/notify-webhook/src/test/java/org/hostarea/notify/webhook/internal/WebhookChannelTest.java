package org.hostarea.notify.webhook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.hostarea.notifications.spi.Delivery;
import org.junit.jupiter.api.Test;

class WebhookChannelTest {

    @Test
    void signsTimestampAndBodyWithHmacSha256() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                WebhookSignature.hmac("Jefe", "what do ya want for nothing?"));
        String header = WebhookSignature.header("s".repeat(32), 1700000000L, "{}");
        assertEquals("t=1700000000,v1=" + WebhookSignature.hmac("s".repeat(32), "1700000000.{}"), header);
    }

    @Test
    void onlyHttpUrlsAreAccepted() {
        assertEquals(2, WebhookChannel.parseUrls("https://a.example/hook, http://127.0.0.1:9000/x").size());
        for (String bad : new String[] {"file:///etc/passwd", "ftp://a.example/", "javascript:alert(1)", "", "https:///nohost"}) {
            assertThrows(IllegalArgumentException.class, () -> WebhookChannel.parseUrls(bad), bad);
        }
    }

    @Test
    void theEventCarriesItsStableId() {
        Delivery delivery = new Delivery("msg-1", "acc-1", "billing.invoice-issued", "de", List.of(), "Rechnung", "Text",
                null, Instant.parse("2026-01-09T10:00:00Z"), 2);
        String body = WebhookChannel.body(delivery);
        assertTrue(body.startsWith("{\"id\":\"msg-1\",\"type\":\"billing.invoice-issued\",\"accountId\":\"acc-1\""), body);
        assertTrue(body.contains("\"createdAt\":\"2026-01-09T10:00:00Z\""), body);
    }
}
