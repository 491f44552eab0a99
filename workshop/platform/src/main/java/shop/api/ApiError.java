package shop.api;

/**
 * A request the shop refuses, answered with a JSON body {@code {"error": ..., "field": ..., "status": ...}}: a 4xx
 * for a client mistake, a 503 when a flow cannot take an order right now. The message never names a Java class.
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
