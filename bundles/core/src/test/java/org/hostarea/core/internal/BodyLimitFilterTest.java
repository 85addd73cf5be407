package org.hostarea.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import javax.ws.rs.WebApplicationException;

import org.junit.jupiter.api.Test;

class BodyLimitFilterTest {

    @Test
    void aBodyUpToTheLimitIsReadWhole() throws IOException {
        byte[] body = new byte[100];
        try (InputStream in = new BodyLimitFilter.Limited(new ByteArrayInputStream(body), 100)) {
            assertArrayEquals(body, in.readAllBytes());
        }
    }

    @Test
    void oneBytePastTheLimitIsRefusedWith413() {
        InputStream in = new BodyLimitFilter.Limited(new ByteArrayInputStream(new byte[101]), 100);
        WebApplicationException refused = assertThrows(WebApplicationException.class, in::readAllBytes);
        assertEquals(413, refused.getResponse().getStatus());
    }

    @Test
    void singleByteReadsAreCountedToo() throws IOException {
        InputStream in = new BodyLimitFilter.Limited(new ByteArrayInputStream(new byte[3]), 2);
        in.read();
        in.read();
        assertThrows(WebApplicationException.class, in::read);
    }
}
