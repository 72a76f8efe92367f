package org.parallax.core.ingest;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** An input that could not be ingested, with the one-line reason a user was shown. */
@Entity
@Table(name = "ingest_error")
public class IngestError extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "run_id")
    public IngestRun run;

    @Column(nullable = false)
    public String input;

    @Column(nullable = false)
    public String message;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
