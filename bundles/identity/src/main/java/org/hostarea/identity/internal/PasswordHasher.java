package org.hostarea.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters.Builder;

/**
 * Argon2id password hashes in the PHC string format ({@code $argon2id$v=19$m=..,t=..,p=..$salt$hash}),
 * with Bouncy Castle. The parameters travel inside each hash, so changing the configuration never
 * locks anybody out; {@link #needsRehash} tells when a stored hash is below the current parameters.
 * Passwords are Unicode-normalised (NFKC) and never truncated.
 */
final class PasswordHasher {

    private static final Pattern PHC = Pattern.compile(
            "^\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,4}),p=(\\d{1,3})\\$([A-Za-z0-9+/]{11,64})\\$([A-Za-z0-9+/]{16,128})$");
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final Argon2Parameters parameters;
    private final SecureRandom random;
    /** A hash of a random password with the current parameters: verified against when there is no real one. */
    private final String decoy;

    PasswordHasher(Argon2Parameters parameters, SecureRandom random) {
        this.parameters = parameters;
        this.random = random;
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        this.decoy = hash(B64.encodeToString(secret));
    }

    Argon2Parameters parameters() {
        return parameters;
    }

    String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, parameters, HASH_BYTES);
        return "$argon2id$v=19$m=" + parameters.memoryKib() + ",t=" + parameters.iterations() + ",p="
                + parameters.parallelism() + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /**
     * Checks a password against a stored hash in constant time. With no stored hash ({@code null}: unknown
     * account or no password yet) it does the same work against a decoy and answers {@code false}, so
     * the caller cannot tell the cases apart by timing.
     */
    boolean verify(String password, String stored) {
        if (stored == null) {
            verifyPhc(password, decoy);
            return false;
        }
        return verifyPhc(password, stored);
    }

    /** Whether the stored hash was made with other parameters than the current ones. */
    boolean needsRehash(String stored) {
        Matcher m = PHC.matcher(stored);
        return !m.matches() || !parameters.equals(new Argon2Parameters(Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
    }

    private boolean verifyPhc(String password, String stored) {
        Matcher m = PHC.matcher(stored);
        if (!m.matches()) {
            verifyPhc(password, decoy); // the same work as for a real hash
            return false;
        }
        Argon2Parameters params = new Argon2Parameters(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
        byte[] salt = B64D.decode(m.group(4));
        byte[] expected = B64D.decode(m.group(5));
        byte[] actual = derive(password, salt, params, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] derive(String password, byte[] salt, Argon2Parameters params, int length) {
        org.bouncycastle.crypto.params.Argon2Parameters bc = new Builder(
                org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id)
                .withVersion(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(params.memoryKib())
                .withIterations(params.iterations())
                .withParallelism(params.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(bc);
        byte[] passwordBytes = Normalizer.normalize(password, Normalizer.Form.NFKC).getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[length];
        try {
            generator.generateBytes(passwordBytes, out);
            return out;
        } finally {
            Arrays.fill(passwordBytes, (byte) 0);
        }
    }
}
