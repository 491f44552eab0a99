package shop.api;

import io.javalin.http.Context;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * A server span per request, continuing the caller's {@code traceparent} if it sent one, and current while the
 * request is handled: a flow started from it (a Temporal workflow, the direct flow's steps) joins the trace, and
 * timers recorded inside it carry the trace id as an exemplar.
 */
final class HttpTracing {
    private static final String SPAN = "shop.http.span";
    private static final String SCOPE = "shop.http.scope";
    private static final TextMapGetter<Context> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Context ctx) {
            return ctx.headerMap().keySet();
        }

        @Override
        public String get(Context ctx, String key) {
            return ctx == null ? null : ctx.header(key);
        }
    };

    private final OpenTelemetry openTelemetry;
    private final Tracer tracer;

    HttpTracing(OpenTelemetry openTelemetry) {
        this.openTelemetry = openTelemetry;
        this.tracer = openTelemetry.getTracer("shop.http");
    }

    void start(Context ctx) {
        io.opentelemetry.context.Context parent = openTelemetry.getPropagators().getTextMapPropagator()
                .extract(io.opentelemetry.context.Context.current(), ctx, HEADERS);
        Span span = tracer.spanBuilder(ctx.method().name() + " " + ctx.path()).setParent(parent)
                .setSpanKind(SpanKind.SERVER).startSpan();
        ctx.attribute(SPAN, span);
        ctx.attribute(SCOPE, span.makeCurrent());
    }

    /** Names the span after the route and ends it; runs after the HTTP timer, so the timer sees the span. */
    void end(Context ctx) {
        Span span = ctx.attribute(SPAN);
        Scope scope = ctx.attribute(SCOPE);
        if (span == null) {
            return;
        }
        var matched = ctx.endpoints().matchedHttpEndpoint();
        span.updateName(ctx.method().name() + " " + (matched == null ? "NOT_FOUND" : matched.path));
        span.setAttribute("http.response.status_code", ctx.statusCode());
        if (ctx.statusCode() >= 500) {
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
        if (scope != null) {
            scope.close();
        }
    }
}
