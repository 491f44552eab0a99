package shop.api;

import java.nio.ByteBuffer;
import java.util.regex.Pattern;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the requests Jetty rejects before the API sees them (a malformed request line, a URI or headers too
 * large, an unknown HTTP version, a body cut short) in the API's JSON, not Jetty's HTML page. Jetty's message can
 * be an exception's toString(), so only a plain-words reason ("No Host") is passed on.
 */
final class JsonErrorHandler extends ErrorHandler {
    private static final Pattern PLAIN_REASON = Pattern.compile("[A-Za-z][A-Za-z0-9 -]{0,80}");

    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(describe(code, message).toJson()), callback);
    }

    static ErrorBody describe(int code, String jettyReason) {
        String reason = jettyReason != null && PLAIN_REASON.matcher(jettyReason).matches()
                && !jettyReason.equalsIgnoreCase(HttpStatus.getMessage(code)) ? ": " + jettyReason : "";
        return switch (code) {
            case 400 -> new ErrorBody("bad request" + (reason.isEmpty()
                    ? ": a malformed request line, header, or body framing" : reason), null, code);
            case 408 -> new ErrorBody("request timeout: the request did not arrive in time", null, code);
            case 413 -> new ErrorBody("body too large: at most " + HttpLimits.MAX_BODY_BYTES + " bytes", "body", code);
            case 414 -> new ErrorBody("URI too long: the request line and headers may use at most "
                    + HttpLimits.MAX_HEADER_BYTES + " bytes", "uri", code);
            case 431 -> new ErrorBody("headers too large: at most " + HttpLimits.MAX_HEADER_BYTES + " bytes",
                    "headers", code);
            case 505 -> new ErrorBody("HTTP version not supported: use HTTP/1.1", null, code);
            default -> new ErrorBody(HttpStatus.getMessage(code) + reason, null, code);
        };
    }
}
