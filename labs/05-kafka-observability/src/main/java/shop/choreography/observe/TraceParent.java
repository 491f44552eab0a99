package shop.choreography.observe;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import shop.lab.Todo;

/**
 * A W3C trace context ({@code traceparent: 00-<trace id>-<span id>-01}), carried in record headers so that one
 * order is one trace: the order API starts it, and every handler continues it with a span of its own.
 */
public record TraceParent(String traceId, String spanId) {
    public static final String HEADER = "traceparent";
    private static final Pattern FORMAT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]");

    public static TraceParent newTrace() {
        return new TraceParent(randomHex(16), randomHex(8));
    }

    /** The current span's trace (the HTTP request that places an order, the record being handled), or a new one. */
    public static TraceParent current() {
        SpanContext current = Span.current().getSpanContext();
        return current.isValid() ? new TraceParent(current.getTraceId(), current.getSpanId()) : newTrace();
    }

    /** The next hop of the same trace: same trace id, a new span id. */
    public TraceParent child() {
        // TODO 1: the next hop of the same trace: the same trace id, and a span id of its own (randomHex makes one).
        throw new Todo(1, "make a child span of this trace (TraceParent.java)");
        // end TODO 1
    }

    /** @return null if the header is missing or not a valid traceparent */
    public static TraceParent parse(String header) {
        // TODO 1: the header read back (FORMAT says what a valid one looks like). No header, or anything FORMAT does
        //   not match, gives null, never an exception: a bad header must not stop a consumer.
        throw new Todo(1, "read a traceparent header (TraceParent.java)");
        // end TODO 1
    }

    public String header() {
        return "00-" + traceId + "-" + spanId + "-01";
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // all zeros is invalid
        return HexFormat.of().formatHex(random);
    }
}
