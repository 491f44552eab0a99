package shop.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.json.Json;
import shop.domain.Domain;
import shop.domain.FaultSettings;
import shop.flow.OrderFlow;
import shop.flow.OrderView;
import shop.infra.PortInUse;
import shop.infra.Ports;

/**
 * The shop's HTTP API. Every flow sits behind the same routes; a client may choose one per order with
 * {@code "impl"}, otherwise the first flow is used.
 */
public final class ShopServer implements AutoCloseable {
    public static final int DEFAULT_PORT = 7070;
    public static final String LOOPBACK = "127.0.0.1";
    public static final long MAX_BODY_BYTES = 64 * 1024;
    private static final Logger log = LoggerFactory.getLogger(ShopServer.class);

    private final Domain domain;
    private final PrometheusMeterRegistry registry;
    private final Map<String, OrderFlow> flows;
    private final ObjectMapper json = Json.mapper();
    private final OrderBook book = new OrderBook();
    private final Javalin app;
    private final String host;

    private ShopServer(Domain domain, PrometheusMeterRegistry registry, List<OrderFlow> flows, String host, int port,
                       OpenTelemetry openTelemetry) {
        if (flows.isEmpty()) {
            throw new IllegalArgumentException("the shop needs at least one flow");
        }
        this.domain = domain;
        this.host = host;
        this.registry = registry;
        this.flows = new LinkedHashMap<>();
        flows.forEach(flow -> this.flows.put(flow.name(), flow));
        HttpMetrics http = new HttpMetrics(registry);
        HttpTracing tracing = new HttpTracing(openTelemetry);
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.jetty.host = host;
            config.jsonMapper(new JavalinJackson(json, false));
            config.routes.before(tracing::start);
            config.routes.before(http::start);
            config.routes.after(http::stop);
            config.routes.after(tracing::end);
            config.routes.post("/orders", this::placeOrder);
            config.routes.get("/orders", this::recentOrders);
            config.routes.get("/orders/{id}", this::getOrder);
            config.routes.get("/health", ctx -> ctx.json(Map.of("status", "UP", "flows", this.flows.keySet())));
            config.routes.get("/metrics", ctx -> writeMetrics(ctx, registry));
            config.routes.get("/faults", ctx -> ctx.json(domain.faults().settings()));
            config.routes.put("/faults", this::putFaults);
            config.routes.exception(ApiError.class, (e, ctx) -> error(ctx, e.status(), e.field(), e.getMessage()));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), null,
                    e.getStatus() == 413 ? "body too large: at most " + MAX_BODY_BYTES + " bytes" : e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                log.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
                error(ctx, 500, null, "internal error: " + e.getClass().getSimpleName());
            });
            config.routes.error(404, ctx -> {
                if (ctx.result() == null) {
                    error(ctx, 404, null, "no such route: " + ctx.method() + " " + ctx.path());
                }
            });
            config.routes.error(405, ctx -> error(ctx, 405, null, "method not allowed: " + ctx.method() + " " + ctx.path()));
        });
        if (host.equals(LOOPBACK)) {
            Ports.requireFree(port, "shop HTTP API", "--port or PORT");
        }
        try {
            app.start(port);
        } catch (RuntimeException e) {
            throw new PortInUse(port, "shop HTTP API", "--port or PORT");
        }
    }

    /** Starts the API on 127.0.0.1:port (0 picks a free port); the first flow is the default. */
    public static ShopServer start(Domain domain, PrometheusMeterRegistry registry, List<OrderFlow> flows, int port) {
        return start(domain, registry, flows, LOOPBACK, port);
    }

    public static ShopServer start(Domain domain, PrometheusMeterRegistry registry, List<OrderFlow> flows, String host,
                                   int port) {
        return start(domain, registry, flows, host, port, GlobalOpenTelemetry.get());
    }

    /** @param openTelemetry where the server spans go (a no-op one exports nothing) */
    public static ShopServer start(Domain domain, PrometheusMeterRegistry registry, List<OrderFlow> flows, String host,
                                   int port, OpenTelemetry openTelemetry) {
        return new ShopServer(domain, registry, flows, host, port == 0 ? Ports.pickFree() : port, openTelemetry);
    }

    public int port() {
        return app.port();
    }

    /** Where a client on this machine reaches the API. */
    public String baseUrl() {
        return "http://" + (host.equals("0.0.0.0") ? LOOPBACK : host) + ":" + port();
    }

    private void placeOrder(Context ctx) {
        OrderRequest request = OrderRequest.parse(readBody(ctx), domain.catalog(), flows.keySet());
        String impl = request.impl().orElse(flows.keySet().iterator().next());
        Optional<OrderBook.Placed> earlier = book.claim(request.order(), impl);
        if (earlier.isPresent()) {
            ctx.status(200).json(Map.of("id", request.order().id(), "impl", earlier.get().impl(), "duplicate", true));
            return;
        }
        flows.get(impl).place(request.order());
        ctx.status(201).json(Map.of("id", request.order().id(), "impl", impl,
                "totalCents", request.order().totalCents(), "status", "PENDING"));
    }

    private void getOrder(Context ctx) {
        String id = ctx.pathParam("id");
        ctx.json(view(id).orElseThrow(() -> new ApiError(404, "id", "no order with id \"" + id + "\"")));
    }

    private void recentOrders(Context ctx) {
        ctx.json(book.recentIds().stream().map(this::view).flatMap(Optional::stream).toList());
    }

    /** The flow's view; PENDING at step "placed" while the flow has not reported on the order yet. */
    private Optional<OrderView> view(String id) {
        return book.find(id).map(placed -> flows.get(placed.impl()).view(id).orElseGet(placed::pendingView));
    }

    /** Prometheus text, or OpenMetrics (with exemplars) when the scraper asks for it in Accept. */
    static void writeMetrics(Context ctx, PrometheusMeterRegistry registry) {
        String accept = ctx.header("Accept");
        boolean openMetrics = accept != null && accept.contains("application/openmetrics-text");
        ctx.contentType(openMetrics
                ? "application/openmetrics-text; version=1.0.0; charset=utf-8"
                : "text/plain; version=0.0.4; charset=utf-8");
        ctx.result(registry.scrape(openMetrics ? "application/openmetrics-text" : "text/plain"));
    }

    private void putFaults(Context ctx) {
        FaultSettings next = parse(ctx, () -> json.readValue(ctx.body(), FaultSettings.class));
        if (next == null) {
            throw new ApiError(400, null, "the body must be a JSON object of fault settings");
        }
        try {
            domain.faults().apply(next);
        } catch (IllegalArgumentException e) {
            String field = e.getMessage().substring(0, Math.max(0, e.getMessage().indexOf(':')));
            throw new ApiError(400, field, e.getMessage());
        }
        ctx.json(domain.faults().settings());
    }

    private JsonNode readBody(Context ctx) {
        return parse(ctx, () -> json.readTree(ctx.body()));
    }

    private <T> T parse(Context ctx, JsonCall<T> call) {
        try {
            return call.read();
        } catch (UnrecognizedPropertyException e) {
            throw ApiError.badField(path(e), "unknown field");
        } catch (MismatchedInputException e) {
            throw ApiError.badField(path(e), "wrong type or value (" + e.getOriginalMessage() + ")");
        } catch (JsonProcessingException e) {
            throw new ApiError(400, null, "malformed JSON: " + e.getOriginalMessage());
        }
    }

    private interface JsonCall<T> {
        T read() throws JsonProcessingException;
    }

    private static String path(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }

    private static void error(Context ctx, int status, String field, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("field", field);
        body.put("status", status);
        ctx.status(status).json(body);
    }

    @Override
    public void close() {
        app.stop();
    }
}
