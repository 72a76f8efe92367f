package org.parallax.core.annotation;

/** Why an annotation request was refused; the web layer turns each kind into its HTTP status. */
public abstract sealed class AnnotationProblem extends RuntimeException {

    private AnnotationProblem(String message) {
        super(message);
    }

    /** No such annotation, or one the user may not see: the two are indistinguishable on purpose. */
    public static final class NotFound extends AnnotationProblem {
        public NotFound(long id) {
            super("No annotation " + id);
        }
    }

    /** The user may see the annotation but not change it (another user's shared annotation). */
    public static final class NotYours extends AnnotationProblem {
        public NotYours() {
            super("Only its author can change an annotation.");
        }
    }

    /** The request itself is wrong: a quote not in the article, a bad tag, a note too long. */
    public static final class Invalid extends AnnotationProblem {
        public Invalid(String message) {
            super(message);
        }
    }

    /** The edit was based on an older version: nothing was written; both versions go back to the user. */
    public static final class Conflict extends AnnotationProblem {
        private final transient AnnotationData current;

        public Conflict(AnnotationData current) {
            super("This annotation was changed by someone else (now at version " + current.version()
                    + "); nothing was overwritten.");
            this.current = current;
        }

        public AnnotationData current() {
            return current;
        }
    }

    /** Deleted longer ago than the restore window. */
    public static final class Gone extends AnnotationProblem {
        public Gone(long id) {
            super("Annotation " + id + " was deleted too long ago to be restored.");
        }
    }
}
