package org.hostarea.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DomainNamesTest {

    @Test
    void storesTheLowerCaseAsciiFormWithoutTheRootDot() {
        assertEquals(Optional.of("example.com"), DomainNames.normalize(" Example.COM. "));
        assertEquals(Optional.of("sub.my-shop.co.uk"), DomainNames.normalize("sub.my-shop.co.uk"));
    }

    @Test
    void convertsInternationalisedNamesAndBack() {
        assertEquals(Optional.of("xn--mnchen-3ya.de"), DomainNames.normalize("München.de"));
        assertEquals(Optional.of("xn--espaa-rta.es"), DomainNames.normalize("españa.es"));
        assertEquals("münchen.de", DomainNames.toUnicode("xn--mnchen-3ya.de"));
        assertEquals(Optional.of("xn--mnchen-3ya.de"), DomainNames.normalize("xn--mnchen-3ya.de"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "localhost", "-bad.com", "bad-.com", "a..com", ".com", "exa mple.com", "exa_mple.com",
            "example.123", "1.2.3.4", "user@example.com", "http://example.com", "example.com/path", "ex\nample.com",
            "ex'ample.com", "ex%ample.com"})
    void refusesWhatIsNotAHostName(String name) {
        assertEquals(Optional.empty(), DomainNames.normalize(name), name);
    }

    @Test
    void boundsLabelsAndTheWholeName() {
        String label63 = "a".repeat(63);
        assertTrue(DomainNames.normalize(label63 + ".com").isPresent());
        assertEquals(Optional.empty(), DomainNames.normalize("a" + label63 + ".com"));
        String longest = (label63 + ".").repeat(3) + "a".repeat(58) + ".de";
        assertEquals(253, longest.length());
        assertTrue(DomainNames.normalize(longest).isPresent());
        assertEquals(Optional.empty(), DomainNames.normalize("a" + longest));
        assertEquals(Optional.empty(), DomainNames.normalize(null));
    }

    @Property
    void normalizingIsIdempotentAndYieldsOnlyHostNameCharacters(@ForAll String any) {
        DomainNames.normalize(any).ifPresent(stored -> {
            assertEquals(Optional.of(stored), DomainNames.normalize(stored));
            assertTrue(stored.matches("[a-z0-9.-]{4,253}"), stored);
        });
        DomainNames.normalize(any + ".example").ifPresent(stored -> assertTrue(stored.endsWith(".example"), stored));
    }
}
