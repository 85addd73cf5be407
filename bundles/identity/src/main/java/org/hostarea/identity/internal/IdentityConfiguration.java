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
            + "takes the memory above); further logins wait up to 10 s, then get 503.", min = "1")
    int argon2_maxConcurrent() default 4;

    @AttributeDefinition(name = "Minimum password length", description = "At least 8 (NIST 800-63B).", min = "8")
    int password_minLength() default 12;

    @AttributeDefinition(name = "Session idle timeout (minutes)", min = "1")
    int session_idleTimeoutMinutes() default 30;

    @AttributeDefinition(name = "Session absolute timeout (minutes)", min = "1")
    int session_absoluteTimeoutMinutes() default 720;
}
