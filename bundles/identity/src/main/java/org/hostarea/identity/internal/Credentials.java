package org.hostarea.identity.internal;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.hostarea.core.UnavailableException;

import org.hostarea.core.FieldChecks;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Password rules and hashing with the configured Argon2id parameters. Rules (NIST 800-63B): a minimum
 * length (configurable, at least 8), a maximum of {@link #MAX_LENGTH} characters so that hashing cost
 * stays bounded, and no composition rules. A configuration change applies to the next hash; existing
 * hashes are upgraded at the next successful login.
 */
@Component(service = Credentials.class, configurationPid = IdentityConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = IdentityConfiguration.class)
public class Credentials {

    static final int MAX_LENGTH = 256;
    private static final long QUEUE_WAIT_SECONDS = 10;

    private final SecureRandom random = new SecureRandom();
    private volatile PasswordHasher hasher;
    private volatile int minLength;
    /** Bounds the Argon2id runs in flight: each takes its memory cost, and logins are unauthenticated. */
    private volatile Semaphore slots;

    @Activate
    public Credentials(IdentityConfiguration config) {
        configure(config);
    }

    @Modified
    void configure(IdentityConfiguration config) {
        this.minLength = Math.max(8, config.password_minLength());
        this.slots = new Semaphore(Math.max(1, config.argon2_maxConcurrent()), true);
        this.hasher = new PasswordHasher(new Argon2Parameters(config.argon2_memoryKib(), config.argon2_iterations(),
                config.argon2_parallelism()), random);
    }

    /** Records a field error if the new password breaks the rules; returns it unchanged otherwise. */
    String checkNewPassword(FieldChecks checks, String field, String password) {
        if (password == null || password.isEmpty()) {
            checks.reject(field, "is required");
        } else if (password.codePointCount(0, password.length()) < minLength) {
            checks.reject(field, "must be at least " + minLength + " characters");
        } else if (password.length() > MAX_LENGTH) {
            checks.reject(field, "must be at most " + MAX_LENGTH + " characters");
        }
        return password;
    }

    String hash(String password) {
        return bounded(() -> hasher.hash(password));
    }

    /** See {@link PasswordHasher#verify}: constant work whether or not there is a stored hash. */
    boolean verify(String password, String storedHash) {
        return bounded(() -> hasher.verify(password, storedHash));
    }

    /**
     * Runs a hash when one of the slots is free, waiting a while for one; a flood of logins thus queues
     * instead of exhausting memory, and beyond the wait gets 503 {@code overloaded} with Retry-After.
     */
    private <T> T bounded(Supplier<T> work) {
        Semaphore current = slots;
        try {
            if (!current.tryAcquire(QUEUE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new UnavailableException("overloaded", "Too many logins at once; try again shortly.", Duration.ofSeconds(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("overloaded", "Interrupted while waiting.", Duration.ofSeconds(5));
        }
        try {
            return work.get();
        } finally {
            current.release();
        }
    }

    boolean needsRehash(String storedHash) {
        return hasher.needsRehash(storedHash);
    }
}
