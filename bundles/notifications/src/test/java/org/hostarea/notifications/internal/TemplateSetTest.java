package org.hostarea.notifications.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;

import org.junit.jupiter.api.Test;

class TemplateSetTest {

    private static final Mustache.Compiler PLAIN = Mustache.compiler().escapeHTML(false).nullValue("");
    private static final Mustache.Compiler ESCAPING = Mustache.compiler().escapeHTML(true).nullValue("");

    private final TemplateSet set = new TemplateSet("k", "en", PLAIN.compile("Hi {{name}}"), PLAIN.compile("Dear {{name}}"),
            ESCAPING.compile("<p>Dear {{name}}</p>"), 0);

    @Test
    void valuesAreTextNeverTemplateCode() {
        RenderedMessage out = set.render(Map.of("name", "{{7*7}} {{#x}}y{{/x}}"));
        assertEquals("Dear {{7*7}} {{#x}}y{{/x}}", out.text());
        assertEquals("Hi {{7*7}} {{#x}}y{{/x}}", out.subject());
    }

    @Test
    void htmlIsEscapedInTheHtmlPartOnly() {
        RenderedMessage out = set.render(Map.of("name", "<script>alert(1)</script> & Co"));
        assertEquals("<p>Dear &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co</p>", out.html());
        assertEquals("Dear <script>alert(1)</script> & Co", out.text());
    }

    @Test
    void theSubjectStaysOneLine() {
        assertEquals("Hi Ana Bcc: victim@example.org", set.render(Map.of("name", "Ana\r\nBcc: victim@example.org")).subject());
    }

    @Test
    void aMissingValueIsAnError() {
        assertThrows(MustacheException.class, () -> set.render(Map.of()));
    }
}
