package org.parallax.core.annotation;

/** Fired inside the transaction that wrote a new annotation (created, imported or a reply). */
public record AnnotationCreated(long annotationId) {
}
