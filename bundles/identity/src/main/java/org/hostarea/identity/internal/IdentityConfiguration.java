package org.hostarea.identity.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Tunables of the identity bundle, PID {@code org.hostarea.identity} ({@code etc/org.hostarea.identity.cfg}). */
@ObjectClassDefinition(name = "Hostarea identity", description = "Password hashing, password rules and session lifetimes.")
public @interface IdentityConfiguration {

    String PID = "org.hostarea.identity";

    @AttributeDefinition(name = "Argon2id memory (KiB)", description = "OWASP minimum: 19456 (19 MiB).", min = "8")
    int argon2_memoryKib() default 19456;

    @AttributeDefinition(name = "Argon2id iterations", min = "1")
    int argon2_iterations() default 2;

    @AttributeDefinition(name = "Argon2id parallelism", min = "1")
    int argon2_parallelism() default 1;

    @AttributeDefinition(name = "Concurrent Argon2id runs", description = "At most this many hashes at once (each "
            + "takes the memory above); further logins wait up to 10 s, then get 503. 0: one per processor core.", min = "0")
    int argon2_maxConcurrent() default 0;

    @AttributeDefinition(name = "Minimum password length", description = "At least 8 (NIST 800-63B).", min = "8")
    int password_minLength() default 12;

    @AttributeDefinition(name = "Session idle timeout (minutes)", min = "1")
    int session_idleTimeoutMinutes() default 30;

    @AttributeDefinition(name = "Session absolute timeout (minutes)", min = "1")
    int session_absoluteTimeoutMinutes() default 720;

    @AttributeDefinition(name = "Reset link lifetime (minutes)", min = "1")
    int reset_tokenMinutes() default 30;

    @AttributeDefinition(name = "Reset link", description = "The page of the customer area that takes the token; "
            + "{token} is replaced by it.")
    String reset_linkTemplate() default "http://localhost:8181/reset-password?token={token}";

    @AttributeDefinition(name = "Reset mails per hour", description = "Per account; further requests are answered "
            + "alike but send nothing.", min = "1")
    int reset_maxPerHour() default 3;

    @AttributeDefinition(name = "Email change link", description = "The customer-area page that confirms a new login "
            + "email; {token} is replaced by it.")
    String emailChange_linkTemplate() default "http://localhost:8181/confirm-email?token={token}";

    @AttributeDefinition(name = "Email change link lifetime (hours)", min = "1")
    int emailChange_tokenHours() default 24;

    @AttributeDefinition(name = "Invitation link", description = "The customer-area page that takes the token; "
            + "{token} is replaced by it.")
    String invitation_linkTemplate() default "http://localhost:8181/accept-invitation?token={token}";

    @AttributeDefinition(name = "Invitation lifetime (days)", min = "1")
    int invitation_validDays() default 7;

    @AttributeDefinition(name = "Free failures", description = "Failed logins per account or source before each "
            + "further attempt has to wait.", min = "0")
    int bruteforce_freeFailures() default 3;

    @AttributeDefinition(name = "Free failures per source", description = "The same for one source address, which "
            + "many customers may share (offices, carrier NAT).", min = "0")
    int bruteforce_sourceFreeFailures() default 20;

    @AttributeDefinition(name = "Wait increment (s)", description = "The first wait; it doubles with each further failure.", min = "1")
    int bruteforce_waitIncrementSeconds() default 2;

    @AttributeDefinition(name = "Longest wait (s)", min = "1")
    int bruteforce_maxWaitSeconds() default 60;

    @AttributeDefinition(name = "Lockout after (failures)", description = "Failures on one account that lock it "
            + "temporarily; the owner is told by email.", min = "1")
    int bruteforce_lockoutFailures() default 10;

    @AttributeDefinition(name = "Lockout after (failures from one source)", min = "1")
    int bruteforce_sourceLockoutFailures() default 50;

    @AttributeDefinition(name = "Lockout (minutes)", min = "1")
    int bruteforce_lockoutMinutes() default 15;

    @AttributeDefinition(name = "Quiet period (minutes)", description = "Failures are forgotten after this long "
            + "without one.", min = "1")
    int bruteforce_quietMinutes() default 60;

    @AttributeDefinition(name = "Security log retention (days)", min = "30", description = "Security events older than this are "
            + "deleted by the daily identity purge (expired sessions are deleted by it too).")
    int securityLog_retentionDays() default 400;
}
