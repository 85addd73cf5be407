package org.hostarea.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SecretTokensTest {

    private final SecretTokens tokens = new SecretTokens(new SecureRandom());

    @Test
    void tokensCarry256RandomBits() {
        String token = tokens.newToken();
        assertEquals(43, token.length());
        assertEquals(32, Base64.getUrlDecoder().decode(token).length);
        assertTrue(SecretTokens.wellFormed(token));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertTrue(seen.add(tokens.newToken()));
        }
    }

    @Test
    void onlyTheHashIsStored() {
        String token = tokens.newToken();
        String hash = SecretTokens.hash(token);
        assertTrue(hash.matches("[0-9a-f]{64}"), hash);
        assertEquals(hash, SecretTokens.hash(token));
        assertNotEquals(hash, SecretTokens.hash(tokens.newToken()));
        assertFalse(hash.contains(token));
    }

    @Test
    void malformedTokensAreRecognisedWithoutLookup() {
        assertFalse(SecretTokens.wellFormed(null));
        assertFalse(SecretTokens.wellFormed("short"));
        assertFalse(SecretTokens.wellFormed("A".repeat(42) + "="));
        assertFalse(SecretTokens.wellFormed("' OR 1=1 --" + "A".repeat(32)));
    }
}
