package org.parallax.core.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Registration and administration of accounts. */
@ApplicationScoped
@Transactional
public class Accounts {

    public static final String READER = "reader";
    public static final String EDITOR = "editor";
    public static final String ADMIN = "admin";

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");

    /** bcrypt work factor; 12 in production (~0.25 s a hash here). Tests lower it to keep the suite quick. */
    private final int bcryptCost;

    public Accounts(AccountsConfig config) {
        this.bcryptCost = config.bcryptCost();
    }

    /** Thrown with a message that tells the person what to change. */
    public static final class Rejected extends Exception {
        public Rejected(String message) {
            super(message);
        }
    }

    public static String normalizeUsername(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    public AppUser register(String username, String password) throws Rejected {
        return create(username, password, READER);
    }

    /** Creates the account or, if it exists, makes it an admin with the new password. */
    public AppUser createOrPromoteAdmin(String username, String password) throws Rejected {
        Optional<AppUser> existing = AppUser.findByUsername(username);
        if (existing.isEmpty()) {
            return create(username, password, READER + "," + EDITOR + "," + ADMIN);
        }
        PasswordPolicy.check(normalizeUsername(username), password);
        AppUser user = existing.get();
        setPassword(user, password);
        user.roles = READER + "," + EDITOR + "," + ADMIN;
        return user;
    }

    private AppUser create(String username, String password, String roles) throws Rejected {
        String name = normalizeUsername(username);
        if (!USERNAME.matcher(name).matches()) {
            throw new Rejected("Usernames are 3 to 32 characters: letters, digits, dot, dash or underscore, "
                    + "starting with a letter or digit.");
        }
        PasswordPolicy.check(name, password);
        if (AppUser.findByUsername(name).isPresent()) {
            throw new Rejected("That username is taken; choose another.");
        }
        AppUser user = new AppUser();
        user.username = name;
        setPassword(user, password);
        user.roles = roles;
        user.createdAt = Instant.now();
        user.persist();
        return user;
    }

    private String hash(String password) {
        return PasswordHashing.hash(password, bcryptCost);
    }

    /**
     * After a successful login with a hash made before V100 (of the password itself, of which bcrypt read
     * only 72 bytes): the hash is replaced by one of the password's digest, while the password is at hand.
     */
    public void upgradeHash(String username, String password) {
        AppUser.findByUsername(username).filter(u -> !u.passwordPrehashed).ifPresent(user -> setPassword(user, password));
    }

    public Optional<AppUser> find(String username) {
        return AppUser.findByUsername(username);
    }

    /** Whether this is the account's password; for a change of password, which asks for the current one. */
    public boolean passwordMatches(String username, String password) {
        return AppUser.findByUsername(username)
                .filter(user -> PasswordHashing.matches(password == null ? "" : password, user.passwordHash,
                        user.passwordPrehashed))
                .isPresent();
    }

    /**
     * Sets a new password, under the same rules as at registration. The caller has checked the current one
     * ({@link #passwordMatches}).
     *
     * @throws Rejected when the new password breaks the rules or is the current one
     */
    public void changePassword(String username, String password) throws Rejected {
        AppUser user = existing(username);
        PasswordPolicy.check(user.username, password);
        if (PasswordHashing.matches(password, user.passwordHash, user.passwordPrehashed)) {
            throw new Rejected("That is the password you have now; choose a new one.");
        }
        setPassword(user, password);
    }

    /**
     * An administrator gives an account a new password, for someone who forgot theirs (there is no mail to
     * send a reset link with); the administrator passes it on. Same rules as at registration.
     *
     * @throws Rejected for an unknown account, or a password that breaks the rules
     */
    public void resetPassword(String username, String password) throws Rejected {
        AppUser user = existing(username);
        PasswordPolicy.check(user.username, password);
        setPassword(user, password);
    }

    private static AppUser existing(String username) throws Rejected {
        return AppUser.findByUsername(username)
                .orElseThrow(() -> new Rejected("No account is named “" + username + "”."));
    }

    /** Hashes the password's digest ({@link PasswordHashing}); the caller has checked it against the policy. */
    private void setPassword(AppUser user, String password) {
        user.passwordHash = hash(password);
        user.passwordPrehashed = true;
    }

    /** Every account, by name, for administrators. */
    public List<AppUser> all() {
        return AppUser.list("order by username");
    }

    /**
     * Gives an account one of the three levels: {@code reader} (reads and annotates), {@code editor} (also
     * adds, corrects and removes articles and corrects stories) or {@code admin} (also manages accounts). Each
     * level includes the ones before it. Takes effect on the account's next request: roles are read from the
     * database on every request, not kept in the session cookie.
     *
     * @throws Rejected for an unknown account or level, or when it would leave no administrator
     */
    public AppUser setRole(String username, String role) throws Rejected {
        String level = role == null ? "" : role.strip().toLowerCase(Locale.ROOT);
        String roles = switch (level) {
            case READER -> READER;
            case EDITOR -> READER + "," + EDITOR;
            case ADMIN -> READER + "," + EDITOR + "," + ADMIN;
            default -> throw new Rejected("Choose reader, editor or admin, not “" + role + "”.");
        };
        AppUser user = existing(username);
        if (user.hasRole(ADMIN) && !level.equals(ADMIN)) {
            // Locked, so that two administrators taking the role from each other at once cannot both succeed.
            List<AppUser> admins = AppUser.<AppUser>find("roles like ?1 order by id", "%" + ADMIN + "%")
                    .withLock(LockModeType.PESSIMISTIC_WRITE).stream().filter(u -> u.hasRole(ADMIN)).toList();
            if (admins.size() == 1) {
                throw new Rejected("“" + user.username + "” is the only administrator; make another account an "
                        + "administrator first.");
            }
        }
        user.roles = roles;
        return user;
    }

    /** The highest of reader, editor and admin this account holds. */
    public static String level(AppUser user) {
        return user.hasRole(ADMIN) ? ADMIN : user.hasRole(EDITOR) ? EDITOR : READER;
    }

    public long count() {
        return AppUser.count();
    }
}
