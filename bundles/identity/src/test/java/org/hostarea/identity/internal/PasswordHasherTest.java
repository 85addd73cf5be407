package org.hostarea.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private static final Argon2Parameters CHEAP = new Argon2Parameters(64, 1, 1);
    private final PasswordHasher hasher = new PasswordHasher(CHEAP, new SecureRandom());

    @Test
    void productionDefaultsAreOwaspsArgon2idMinimum() {
        PasswordHasher production = new PasswordHasher(Argon2Parameters.OWASP, new SecureRandom());
        String hash = production.hash("correct horse battery staple");
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertTrue(production.verify("correct horse battery staple", hash));
    }

    @Test
    void hashesArePhcStringsWithRandomSalt() {
        String first = hasher.hash("secret password");
        String second = hasher.hash("secret password");
        assertTrue(first.matches("\\$argon2id\\$v=19\\$m=64,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), first);
        assertNotEquals(first, second, "salted");
        assertFalse(first.contains("secret"));
    }

    @Test
    void verifiesOnlyTheRightPassword() {
        String hash = hasher.hash("secret password");
        assertTrue(hasher.verify("secret password", hash));
        assertFalse(hasher.verify("secret passwore", hash));
        assertFalse(hasher.verify("", hash));
        assertFalse(hasher.verify("secret password", "$argon2id$garbage"));
    }

    @Test
    void noStoredHashNeverVerifies() {
        assertFalse(hasher.verify("anything", null));
        assertFalse(hasher.verify("", null));
    }

    @Test
    void longPasswordsAreNotTruncated() {
        String base = "x".repeat(200);
        String hash = hasher.hash(base + "a");
        assertTrue(hasher.verify(base + "a", hash));
        assertFalse(hasher.verify(base + "b", hash));
        assertFalse(hasher.verify(base, hash));
    }

    @Test
    void unicodeIsNormalised() {
        String composed = "contrase\u00f1a-segura";
        String decomposed = "contrasen\u0303a-segura";
        assertTrue(hasher.verify(decomposed, hasher.hash(composed)));
    }

    @Test
    void hashesOfOtherParametersStillVerifyAndAskForARehash() {
        PasswordHasher stronger = new PasswordHasher(new Argon2Parameters(128, 2, 1), new SecureRandom());
        String old = hasher.hash("secret password");
        assertTrue(stronger.verify("secret password", old), "parameters travel in the hash");
        assertTrue(stronger.needsRehash(old));
        assertFalse(stronger.needsRehash(stronger.hash("secret password")));
        assertEquals(CHEAP, hasher.parameters());
    }
}
