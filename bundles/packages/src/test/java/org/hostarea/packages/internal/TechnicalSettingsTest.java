package org.hostarea.packages.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.hostarea.core.ValidationException;
import org.hostarea.packages.PlanType;
import org.junit.jupiter.api.Test;

class TechnicalSettingsTest {

    @Test
    void defaultsUntilChangedAndStoresOnlyWhatDiffers() {
        Map<String, String> stored = new HashMap<>();
        assertEquals("8.3", TechnicalSettings.effective(PlanType.HOSTING, stored).get("phpVersion"));
        TechnicalSettings.apply(PlanType.HOSTING, stored, TechnicalSettings.check(PlanType.HOSTING, Map.of("phpVersion", "8.2")));
        assertEquals(Map.of("phpVersion", "8.2"), stored);
        TechnicalSettings.apply(PlanType.HOSTING, stored, TechnicalSettings.check(PlanType.HOSTING, Map.of("phpVersion", "")));
        assertTrue(stored.isEmpty());
    }

    @Test
    void refusesUnknownKeysAndBadValuesNamingEach() {
        ValidationException e = assertThrows(ValidationException.class, () -> TechnicalSettings.check(PlanType.HOSTING,
                Map.of("phpVersion", "5.6", "spamFilter", "true", "documentRoot", "/a/../../etc")));
        assertEquals(3, e.errors().size());
        assertThrows(ValidationException.class, () -> TechnicalSettings.check(PlanType.EMAIL, Map.of("catchAllAddress", "not mail")));
        assertThrows(ValidationException.class, () -> TechnicalSettings.check(PlanType.DOMAIN,
                Map.of("forwardUrl", "javascript:alert(1)")));
        assertEquals("https://example.com/x", TechnicalSettings.check(PlanType.DOMAIN, Map.of("forwardUrl", "https://example.com/x"))
                .get("forwardUrl"));
    }

    @Test
    void appPathsAreAbsoluteWithoutDotSegments() {
        assertTrue(TechnicalSettings.validAppPath("/blog"));
        assertTrue(TechnicalSettings.validAppPath("/"));
        assertFalse(TechnicalSettings.validAppPath("blog"));
        assertFalse(TechnicalSettings.validAppPath("/../etc"));
        assertFalse(TechnicalSettings.validAppPath("/a/./b"));
        assertFalse(TechnicalSettings.validAppPath("/a b"));
    }

    @Test
    void ipAddressesAreLiteralsOnly() {
        assertEquals("192.0.2.10", PackageChecks.ipAddress("192.0.2.10"));
        assertEquals("2001:db8::1", PackageChecks.ipAddress("2001:DB8::1"));
        assertEquals("2001:db8:0:0:0:0:0:1", PackageChecks.ipAddress("2001:db8:0:0:0:0:0:1"));
        assertNull(PackageChecks.ipAddress("256.0.0.1"));
        assertNull(PackageChecks.ipAddress("2001:db8::1::2"));
        assertNull(PackageChecks.ipAddress("example.com"));
        assertNull(PackageChecks.ipAddress("1:2:3:4:5:6:7:8:9"));
    }
}
