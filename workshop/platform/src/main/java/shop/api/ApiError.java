package shop.api;

/**
 * A client mistake, answered with a 4xx and a JSON body {@code {"error": ..., "field": ...}}.
 *
 * @param field the JSON field at fault (e.g. "lines[0].quantity"), or null
 */
public final class ApiError extends RuntimeException {
    private final int status;
    private final String field;

    public ApiError(int status, String field, String message) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
    }

    public static ApiError badField(String field, String problem) {
        return new ApiError(400, field, field + ": " + problem);
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }
}
