package org.hostarea.identity.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;

import org.hostarea.core.FieldChecks;
import org.hostarea.core.ValidationException;
import org.junit.jupiter.api.Test;

class CredentialsTest {

    private final Credentials credentials = new Credentials(config());

    @Test
    void theShippedListHasTenThousandCommonPasswords() {
        int size = CommonPasswords.load().size();
        assertTrue(size > 9_900 && size <= 10_000, "the top 10,000, case variants folded together: " + size);
        assertTrue(CommonPasswords.load().contains("PASSWORD"), "case-insensitive");
    }

    @Test
    void acceptsLongPassphrasesWithoutCompositionRules() {
        assertValid("correct horse battery staple");
        assertValid("aaaaaaaaaaaa");
        assertValid("ñandú-contraseña");
        assertValid("x".repeat(256));
    }

    @Test
    void refusesShortCommonLongAndOwnLogin() {
        assertInvalid("short", "must be at least 12 characters");
        assertInvalid("123qweasdzxc", "most common");
        assertInvalid("x".repeat(257), "at most 256");
        assertInvalid("ana@example.org", "must not be your login");
        assertInvalid("", "is required");
    }

    @Test
    void countsCharactersNotUtf16Units() {
        assertValid("\uD83D\uDD11".repeat(12)); // 12 emoji keys are 12 characters
        assertInvalid("\uD83D\uDD11".repeat(11), "at least 12");
    }

    private void assertValid(String password) {
        FieldChecks checks = new FieldChecks();
        credentials.checkNewPassword(checks, "password", password, "ana@example.org", "12345674");
        checks.throwIfAny();
    }

    private void assertInvalid(String password, String message) {
        FieldChecks checks = new FieldChecks();
        credentials.checkNewPassword(checks, "password", password, "ana@example.org", "12345674");
        ValidationException e = assertThrows(ValidationException.class, checks::throwIfAny);
        assertTrue(e.errors().get(0).message().contains(message), e.errors().get(0).message());
        assertFalse(e.errors().get(0).message().contains(password.isEmpty() ? "\u0000" : password), "never echoes the password");
    }

    static IdentityConfiguration config() {
        return new IdentityConfiguration() {
            @Override public Class<? extends Annotation> annotationType() { return IdentityConfiguration.class; }
            @Override public int argon2_memoryKib() { return 64; }
            @Override public int argon2_iterations() { return 1; }
            @Override public int argon2_parallelism() { return 1; }
            @Override public int argon2_maxConcurrent() { return 2; }
            @Override public int password_minLength() { return 12; }
            @Override public int session_idleTimeoutMinutes() { return 30; }
            @Override public int session_absoluteTimeoutMinutes() { return 720; }
            @Override public int reset_tokenMinutes() { return 30; }
            @Override public String reset_linkTemplate() { return "https://x/{token}"; }
            @Override public int reset_maxPerHour() { return 3; }
            @Override public String invitation_linkTemplate() { return "https://x/{token}"; }
            @Override public String emailChange_linkTemplate() { return "https://x/{token}"; }
            @Override public int emailChange_tokenHours() { return 24; }
            @Override public int invitation_validDays() { return 7; }
            @Override public int bruteforce_freeFailures() { return 3; }
            @Override public int bruteforce_sourceFreeFailures() { return 20; }
            @Override public int bruteforce_waitIncrementSeconds() { return 2; }
            @Override public int bruteforce_maxWaitSeconds() { return 60; }
            @Override public int bruteforce_lockoutFailures() { return 10; }
            @Override public int bruteforce_sourceLockoutFailures() { return 50; }
            @Override public int bruteforce_lockoutMinutes() { return 15; }
            @Override public int bruteforce_quietMinutes() { return 60; }
            @Override public int securityLog_retentionDays() { return 400; }
        };
    }
}
