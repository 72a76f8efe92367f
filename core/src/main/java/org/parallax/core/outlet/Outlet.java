package org.parallax.core.outlet;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** A publisher: one row per outlet, whichever way it was recognised (domain, byline, text signature). */
@Entity
@Table(name = "outlet")
public class Outlet extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String name;

    public String domain;

    public String country;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    public static Optional<Outlet> findByName(String name) {
        return find("lower(name) = lower(?1)", name).firstResultOptional();
    }

    public static Optional<Outlet> findByDomain(String domain) {
        return find("domain", domain).firstResultOptional();
    }
}
