package org.parallax.core.user;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Password rules after NIST SP 800-63B: length is what counts (at least 15 characters, since a password
 * is the only factor here; up to 256), any characters including spaces and emoji, no composition rules,
 * and a check against passwords known from breaches and against the username.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 15;
    public static final int MAX_LENGTH = 256;

    private static final Set<String> BREACHED = load();

    private PasswordPolicy() {
    }

    public static void check(String username, String password) throws Accounts.Rejected {
        if (password == null) {
            throw new Accounts.Rejected("Choose a password of at least " + MIN_LENGTH + " characters.");
        }
        String normalized = Normalizer.normalize(password, Normalizer.Form.NFKC);
        int length = normalized.codePointCount(0, normalized.length());
        if (length < MIN_LENGTH) {
            throw new Accounts.Rejected("Choose a password of at least " + MIN_LENGTH
                    + " characters; a few unrelated words make a good one.");
        }
        if (length > MAX_LENGTH) {
            throw new Accounts.Rejected("Passwords can be at most " + MAX_LENGTH + " characters.");
        }
        String lower = normalized.toLowerCase(Locale.ROOT);
        if (BREACHED.contains(lower)) {
            throw new Accounts.Rejected("That password appears in lists of breached passwords; choose another.");
        }
        if (!username.isEmpty() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw new Accounts.Rejected("The password must not contain the username.");
        }
        if (normalized.codePoints().distinct().count() < 4) {
            throw new Accounts.Rejected("That password repeats too few characters; choose another.");
        }
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/breached-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("breached-passwords.txt missing from the classpath");
            }
            Set<String> words = new HashSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
