package org.hostarea.identity.internal;

/**
 * Argon2id cost parameters. The defaults are OWASP's minimum recommendation (m=19 MiB, t=2, p=1); tests
 * configure a cheap profile.
 */
record Argon2Parameters(int memoryKib, int iterations, int parallelism) {

    static final Argon2Parameters OWASP = new Argon2Parameters(19456, 2, 1);

    Argon2Parameters {
        if (memoryKib < 8 * parallelism || iterations < 1 || parallelism < 1) {
            throw new IllegalArgumentException("invalid Argon2id parameters m=" + memoryKib + " t=" + iterations + " p=" + parallelism);
        }
    }
}
