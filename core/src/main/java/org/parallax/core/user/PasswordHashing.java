package org.parallax.core.user;

import io.quarkus.elytron.security.common.BcryptUtil;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Base64;

/**
 * bcrypt over the password's SHA-256. bcrypt itself reads only the first 72 bytes of its input, so two
 * passwords of up to 256 characters ({@link PasswordPolicy}) that share their first 72 bytes (18 emoji, or a
 * long passphrase) would be the same password. The digest, base64-encoded, is 44 ASCII characters: every
 * character of the password counts, and no NUL byte reaches bcrypt. Passwords are NFKC-normalised first, so
 * the same password typed on another keyboard matches.
 */
public final class PasswordHashing {

    private PasswordHashing() {
    }

    public static String hash(String password, int cost) {
        return BcryptUtil.bcryptHash(prehash(password), cost);
    }

    /**
     * @param prehashed whether {@code hash} was made by {@link #hash}; older hashes are of the normalised
     *                  password itself (and ignore what lies past its 72nd byte)
     */
    public static boolean matches(String password, String hash, boolean prehashed) {
        return BcryptUtil.matches(prehashed ? prehash(password) : normalize(password), hash);
    }

    static String prehash(String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalize(password).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String normalize(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }
}
