package org.hostarea.forms.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ContentDispositionTest {

    @Test
    void aPlainNameIsGivenTwice() {
        assertEquals("attachment; filename=\"id-card.pdf\"; filename*=UTF-8''id-card.pdf", MeFormsResource.contentDisposition("id-card.pdf"));
    }

    @Test
    void nonAsciiNamesTravelPercentEncodedWithAnAsciiStandIn() {
        String header = MeFormsResource.contentDisposition("Ausweis Müller 身份证.pdf");
        assertEquals("attachment; filename=\"Ausweis M_ller ___.pdf\"; filename*=UTF-8''Ausweis%20M%C3%BCller%20%E8%BA%AB%E4%BB%BD%E8%AF%81.pdf",
                header);
        assertTrue(header.chars().allMatch(c -> c >= 0x20 && c < 0x7f), "only visible ASCII in the header");
    }

    @Test
    void quotesAndBackslashesCannotBreakOutOfTheParameter() {
        String header = MeFormsResource.contentDisposition("a\"; filename=evil.html\\.pdf");
        assertEquals("attachment; filename=\"a_; filename=evil.html_.pdf\"; filename*=UTF-8''a%22%3B%20filename%3Devil.html%5C.pdf", header);
    }
}
