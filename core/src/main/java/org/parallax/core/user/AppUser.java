package org.parallax.core.user;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** A person who can log in. The password is a bcrypt hash in Modular Crypt Format; never the password. */
@Entity
@Table(name = "app_user")
@UserDefinition
public class AppUser extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Always lower-case (a check constraint holds it), so login matches case-insensitively. */
    @Username
    @Column(nullable = false)
    public String username;

    @Password
    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    /** The hash is of the password's digest ({@link PasswordHashing}); false for hashes made before V100. */
    @Column(name = "password_prehashed", nullable = false)
    public boolean passwordPrehashed;

    /** Comma-separated: {@code reader}, {@code editor}, {@code admin}. */
    @Roles
    @Column(nullable = false)
    public String roles;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<AppUser> findByUsername(String username) {
        return find("username", Accounts.normalizeUsername(username)).firstResultOptional();
    }

    public boolean hasRole(String role) {
        for (String r : roles.split(",")) {
            if (r.strip().equals(role)) {
                return true;
            }
        }
        return false;
    }
}
