package org.parallax.app.annotation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.parallax.core.annotation.AnnotationCreated;

/** {@code parallax_annotations_created_total} on {@code /q/metrics}: annotations this process wrote. */
// Created at start so the counters are scraped as 0 before anything happened, not missing.
@Startup
@ApplicationScoped
public class AnnotationMetrics {

    private final Counter created;

    public AnnotationMetrics(MeterRegistry registry) {
        this.created = Counter.builder("parallax.annotations.created")
                .description("Annotations written (created, imported or replies), counted once committed")
                .register(registry);
    }

    void onCreated(@Observes(during = TransactionPhase.AFTER_SUCCESS) AnnotationCreated event) {
        created.increment();
    }
}
