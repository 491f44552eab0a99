package shop.api;

import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** RED metrics per route ({@code http.server.requests}), timed in before/after handlers. */
final class HttpMetrics {
    private static final String START = "shop.http.start";

    private final MeterRegistry registry;

    HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void start(Context ctx) {
        ctx.attribute(START, Timer.start(registry));
    }

    void stop(Context ctx) {
        Timer.Sample sample = ctx.attribute(START);
        if (sample == null) {
            return;
        }
        int status = ctx.statusCode();
        sample.stop(Timer.builder("http.server.requests")
                .description("HTTP requests to the shop")
                .tag("method", ctx.method().name())
                .tag("uri", route(ctx))
                .tag("status", Integer.toString(status))
                .tag("outcome", status >= 500 ? "SERVER_ERROR" : status >= 400 ? "CLIENT_ERROR" : "SUCCESS")
                .publishPercentileHistogram()
                .register(registry));
    }

    // tag::route-tag[]
    /** The route template ("/orders/{id}"), never the raw path, so ids do not explode the tag values. */
    private static String route(Context ctx) {
        try {
            var matched = ctx.endpoints().matchedHttpEndpoint();
            return matched == null ? "NOT_FOUND" : matched.path;
        } catch (RuntimeException notMatched) {
            return "NOT_FOUND";
        }
    }
    // end::route-tag[]
}
