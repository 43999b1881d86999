package vn.ishc.kit.problem;

import java.util.List;

/**
 * Thrown by the service layer to answer with a problem document. The detail and field messages
 * are message keys, resolved in the caller's language by {@link ProblemMappers}.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String typeSlug;
    private final String detailKey;
    private final Object[] detailArgs;
    private final List<KeyedFieldError> fieldErrors;

    /** A field whose message is a key in messages.properties, with its arguments. */
    public record KeyedFieldError(String field, String messageKey, Object... args) {
    }

    public ProblemException(int status, String typeSlug, String detailKey, Object... detailArgs) {
        this(status, typeSlug, detailKey, detailArgs, List.of());
    }

    private ProblemException(int status, String typeSlug, String detailKey, Object[] detailArgs, List<KeyedFieldError> fieldErrors) {
        super(detailKey);
        this.status = status;
        this.typeSlug = typeSlug;
        this.detailKey = detailKey;
        this.detailArgs = detailArgs;
        this.fieldErrors = fieldErrors;
    }

    public static ProblemException invalid(List<KeyedFieldError> errors) {
        return new ProblemException(400, "validation", "problem.validation.detail", new Object[0], List.copyOf(errors));
    }

    public static ProblemException invalid(String field, String messageKey, Object... args) {
        return invalid(List.of(new KeyedFieldError(field, messageKey, args)));
    }

    public static ProblemException notFound(String detailKey, Object... args) {
        return new ProblemException(404, "not-found", detailKey, args);
    }

    public static ProblemException forbidden(String detailKey, Object... args) {
        return new ProblemException(403, "forbidden", detailKey, args);
    }

    public static ProblemException conflict(String detailKey, Object... args) {
        return new ProblemException(409, "conflict", detailKey, args);
    }

    public int status() {
        return status;
    }

    public String typeSlug() {
        return typeSlug;
    }

    public String detailKey() {
        return detailKey;
    }

    public Object[] detailArgs() {
        return detailArgs;
    }

    public List<KeyedFieldError> fieldErrors() {
        return fieldErrors;
    }
}
