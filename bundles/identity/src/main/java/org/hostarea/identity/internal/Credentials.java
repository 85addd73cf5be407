package org.hostarea.identity.internal;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
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
 * Password rules and hashing with the configured Argon2id parameters. Rules (NIST 800-63B 5.1.1.2,
 * ASVS 5 6.2): a minimum length (configurable, at least 8) counted in characters after Unicode
 * normalisation, a maximum of {@link #MAX_LENGTH} so that hashing cost stays bounded, no composition
 * rules, not one of the 10,000 most common passwords, not the account's own login. A configuration
 * change applies to the next hash; existing hashes are upgraded at the next successful login.
 */
@Component(service = Credentials.class, configurationPid = IdentityConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = IdentityConfiguration.class)
public class Credentials {

    static final int MAX_LENGTH = 256;
    /** The longest password input accepted at all (256 characters may take up to 4 UTF-16 units each after NFKC). */
    static final int MAX_INPUT = 4 * MAX_LENGTH;
    private static final long QUEUE_WAIT_SECONDS = 10;

    private final SecureRandom random = new SecureRandom();
    private final CommonPasswords common = CommonPasswords.load();
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
        // hashing is CPU work: more hashes at once than cores only add memory (19 MiB each) and latency
        int slots = config.argon2_maxConcurrent() > 0 ? config.argon2_maxConcurrent() : Runtime.getRuntime().availableProcessors();
        this.slots = new Semaphore(slots, true);
        this.hasher = new PasswordHasher(new Argon2Parameters(config.argon2_memoryKib(), config.argon2_iterations(),
                config.argon2_parallelism()), random);
    }

    /**
     * Records a field error if the new password breaks the rules; returns it unchanged otherwise.
     *
     * @param context the account's own identifiers (email, customer number, username) it must not equal
     */
    String checkNewPassword(FieldChecks checks, String field, String password, String... context) {
        if (password == null || password.isEmpty()) {
            checks.reject(field, "is required");
            return password;
        }
        String normalised = Normalizer.normalize(password, Normalizer.Form.NFKC);
        int length = normalised.codePointCount(0, normalised.length());
        if (length < minLength) {
            checks.reject(field, "must be at least " + minLength + " characters");
        } else if (length > MAX_LENGTH || password.length() > MAX_INPUT) {
            checks.reject(field, "must be at most " + MAX_LENGTH + " characters");
        } else if (common.contains(normalised)) {
            checks.reject(field, "is one of the most common passwords; choose another");
        } else if (Arrays.stream(context).anyMatch(word -> word != null && word.equalsIgnoreCase(normalised.strip()))) {
            checks.reject(field, "must not be your login");
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
