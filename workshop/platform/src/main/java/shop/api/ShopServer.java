package shop.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import shop.domain.Order;
import shop.flow.OrderFlow;
import shop.flow.OrderIdTaken;
import shop.flow.OrderListener;
import shop.flow.OrderView;
import shop.flow.PlacementGate;
import shop.infra.PortInUse;
import shop.infra.Ports;
import shop.observe.Tracing;
import shop.travel.ShopTrips;

/**
 * The shop's HTTP API. Every flow sits behind the same routes; a client may choose one per order with
 * {@code "impl"}, otherwise the first flow is used. Bad input gets a 4xx with an {@link ErrorBody}; requests that
 * change state pass the {@link CrossSiteGuard}; {@link HttpLimits} bounds what one client can hold.
 */
public final class ShopServer implements AutoCloseable {
    public static final int DEFAULT_PORT = 7070;
    public static final String LOOPBACK = "127.0.0.1";
    public static final long MAX_BODY_BYTES = HttpLimits.MAX_BODY_BYTES;
    private static final Logger log = LoggerFactory.getLogger(ShopServer.class);

    private final Domain domain;
    private final PrometheusMeterRegistry registry;
    private final Map<String, OrderFlow> flows;
    private final ObjectMapper json = Json.mapper();
    private final OrderBook book = new OrderBook();
    private final OrderLookup lookup;
    private final PlacementGate placements;
    private final TripRoutes trips;
    private final Javalin app;
    private volatile boolean stopping;
    private final String host;
    private ConsoleRoutes console;

    private ShopServer(Domain domain, PrometheusMeterRegistry registry, List<OrderFlow> flows, String host, int port,
                       OpenTelemetry openTelemetry, PlacementGate placements, ShopTrips shopTrips) {
        if (flows.isEmpty()) {
            throw new IllegalArgumentException("the shop needs at least one flow");
        }
        this.domain = domain;
        this.host = host;
        this.registry = registry;
        this.placements = placements;
        this.flows = new LinkedHashMap<>();
        flows.forEach(flow -> this.flows.put(flow.name(), flow));
        this.lookup = new OrderLookup(this.flows, book, () -> stopping);
        this.trips = new TripRoutes(shopTrips);
        HttpMetrics http = new HttpMetrics(registry);
        HttpTracing tracing = new HttpTracing(openTelemetry);
        CrossSiteGuard crossSite = CrossSiteGuard.forServer(host, port);
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            HttpLimits.apply(config, host, port);
            config.jsonMapper(new JavalinJackson(json, false));
            config.routes.before(tracing::start);
            config.routes.before(http::start);
            config.routes.before(crossSite::check);
            config.routes.after(http::stop);
            config.routes.after(tracing::end);
            config.routes.post("/orders", this::placeOrder);
            config.routes.get("/orders", this::recentOrders);
            config.routes.get("/orders/{id}", this::getOrder);
            config.routes.get("/health", ctx -> ctx.json(Map.of("status", "UP", "flows", this.flows.keySet())));
            config.routes.get("/metrics", ctx -> writeMetrics(ctx, registry));
            config.routes.get("/faults", ctx -> ctx.json(domain.faults().settings()));
            config.routes.put("/faults", this::putFaults);
            ProcessRoutes.register(config.routes, domain, this.flows.keySet(), this::baseUrl);
            console = ConsoleRoutes.register(config.routes, this.flows, lookup::find, lookup::recent, domain.catalog(), registry);
            trips.register(config.routes);
            OrderControlRoutes.register(config.routes, this.flows, lookup::find);
            config.routes.exception(ApiError.class, (e, ctx) -> error(ctx, new ErrorBody(e.getMessage(), e.field(), e.status())));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, httpError(ctx, e.getStatus())));
            config.routes.exception(Exception.class, (e, ctx) -> {
                log.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
                error(ctx, new ErrorBody("internal error; the shop's log has the details", null, 500));
            });
            config.routes.error(404, ctx -> {
                if (ctx.result() == null) {
                    error(ctx, httpError(ctx, 404));
                }
            });
            config.routes.error(405, ctx -> error(ctx, httpError(ctx, 405)));
        });
        if (host.equals(LOOPBACK)) {
            Ports.requireFree(port, "shop HTTP API", "--port or PORT");
        }
        try {
            app.start();
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
        return start(domain, registry, flows, host, port, openTelemetry, new PlacementGate(OrderListener.NONE));
    }

    /**
     * @param placements the flows' listener, through which orders are placed: an order whose placing fails is then
     *                   not counted as placed
     */
    public static ShopServer start(Domain domain, PrometheusMeterRegistry registry, List<OrderFlow> flows, String host,
                                   int port, OpenTelemetry openTelemetry, PlacementGate placements) {
        return start(domain, registry, flows, host, port, openTelemetry, placements, ShopTrips.direct(registry));
    }

    /** @param trips the trip flows behind POST /trips; the server stops them when it stops */
    public static ShopServer start(Domain domain, PrometheusMeterRegistry registry, List<OrderFlow> flows, String host,
                                   int port, OpenTelemetry openTelemetry, PlacementGate placements, ShopTrips trips) {
        return new ShopServer(domain, registry, flows, host, port == 0 ? Ports.pickFree() : port, openTelemetry,
                placements, trips);
    }

    public int port() {
        return app.port();
    }

    /** Where a client on this machine reaches the API. */
    public String baseUrl() {
        return "http://" + (host.equals("0.0.0.0") ? LOOPBACK : host) + ":" + port();
    }

    private void placeOrder(Context ctx) {
        OrderRequest request = OrderRequest.parse(JsonBody.read(ctx.bodyAsBytes()), domain.catalog(), flows.keySet());
        String impl = request.impl().orElse(flows.keySet().iterator().next());
        Order order = request.order();
        Tracing.tagOrder(order.id());
        if (book.find(order.id()).isEmpty()) {
            Optional<OrderView> beforeRestart = lookup.placedBefore(order.id(), impl);
            if (beforeRestart.isPresent()) {
                answerKnown(ctx, order, impl, beforeRestart.get());
                return;
            }
        }
        Optional<OrderBook.Placed> earlier = book.claim(order, impl);
        if (earlier.isPresent()) {
            if (!earlier.get().sameAs(order, impl)) {
                throw new ApiError(409, "id", "id: \"" + order.id() + "\" belongs to an order with another customer, "
                        + "lines or impl; send the same body to retry it, or use a new id for a new order");
            }
            ctx.status(200).json(Map.of("id", order.id(), "impl", earlier.get().impl(), "duplicate", true));
            return;
        }
        try {
            placements.place(flows.get(impl), order);
        } catch (OrderIdTaken taken) {
            book.release(order.id());
            throw new ApiError(409, "id", "id: \"" + order.id() + "\" is taken in the " + impl + " flow by something "
                    + "that is not this order (for example a workflow started outside the shop); use a new id");
        } catch (RuntimeException e) {
            book.release(order.id());
            if (stopping) { // the flow was closed under the request: one line, not a stack trace per order
                log.warn("the shop stopped while placing order {} in the {} flow; it was not placed (HTTP 503)", order.id(), impl);
            } else {
                log.warn("the {} flow could not place order {}; its id is free again", impl, order.id(), e);
            }
            throw new ApiError(503, null, "the " + impl + " flow could not take the order now; nothing was placed, "
                    + "so retry with the same id");
        }
        ctx.status(201).json(Map.of("id", order.id(), "impl", impl, "totalCents", order.totalCents(), "status", "PENDING"));
    }

    /**
     * An id a flow knows but this process did not place: an order from before a restart. Its lines are not in the
     * view, so a retry is told by its flow and total: the same is a duplicate, another is a conflict.
     */
    private static void answerKnown(Context ctx, Order order, String impl, OrderView known) {
        if (!known.impl().equals(impl) || known.totalCents() != order.totalCents()) {
            throw new ApiError(409, "id", "id: \"" + order.id() + "\" belongs to an earlier order with another "
                    + "total or impl; use a new id for a new order");
        }
        ctx.status(200).json(Map.of("id", order.id(), "impl", known.impl(), "duplicate", true));
    }

    private void getOrder(Context ctx) {
        String id = ctx.pathParam("id");
        Tracing.tagOrder(id);
        ctx.json(lookup.find(id).orElseThrow(() -> new ApiError(404, "id", "id: no order \"" + Printable.of(id) + "\"")));
    }

    private void recentOrders(Context ctx) {
        ctx.json(lookup.recent());
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
        try {
            domain.faults().apply(FaultsRequest.parse(JsonBody.read(ctx.bodyAsBytes()), domain.catalog()));
        } catch (IllegalArgumentException e) { // the domain's own check; its message starts with the field
            String field = e.getMessage().substring(0, Math.max(0, e.getMessage().indexOf(':')));
            throw new ApiError(400, field, e.getMessage());
        }
        ctx.json(domain.faults().settings());
    }

    /** Javalin's own refusals; its messages are not passed on, as they may name classes. */
    private static ErrorBody httpError(Context ctx, int status) {
        String route = ctx.method() + " " + Printable.of(ctx.path());
        return switch (status) {
            case 404 -> new ErrorBody("no such route: " + route, null, 404);
            case 405 -> new ErrorBody("method not allowed: " + route, null, 405);
            default -> JsonErrorHandler.describe(status, null);
        };
    }

    private static void error(Context ctx, ErrorBody body) {
        ctx.status(body.status()).json(body.asMap());
    }

    @Override
    public void close() {
        stopping = true;
        console.close();
        app.stop();
        trips.close();
    }
}
