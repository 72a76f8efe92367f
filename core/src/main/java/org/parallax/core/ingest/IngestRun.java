package org.parallax.core.ingest;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One run of the ingest pipeline and what it did. */
@Entity
@Table(name = "ingest_run")
public class IngestRun extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(nullable = false)
    public String origin;

    @Column(name = "new_count", nullable = false)
    public int newCount;

    @Column(name = "unchanged_count", nullable = false)
    public int unchangedCount;

    @Column(name = "near_duplicate_count", nullable = false)
    public int nearDuplicateCount;

    @Column(name = "failed_count", nullable = false)
    public int failedCount;
}
