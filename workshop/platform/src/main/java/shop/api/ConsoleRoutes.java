package shop.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.console.ConsoleCharts;
import shop.console.MeterHistory;
import shop.domain.Catalog;
import shop.flow.OrderFlow;
import shop.flow.OrderHistory;
import shop.flow.OrderRecords;
import shop.flow.OrderView;
import shop.flow.ServiceControl;

/**
 * The console: a page the shop serves itself (no CDN, works offline) and the JSON it reads. The page places orders
 * through {@code POST /orders} and changes faults through {@code PUT /faults}, like any client; what changes state
 * here ({@code PUT /console/services/...}) passes the {@link CrossSiteGuard} like every other such request.
 * <ul>
 *   <li>{@code GET /}: the page; {@code GET /console/assets/NAME}: its script, style and the chart library;</li>
 *   <li>{@code GET /console/setup}: flows, SKUs, the charts and their PromQL;</li>
 *   <li>{@code GET /console/journey/{id}}: an order and its siblings (the same basket in the other flows), with
 *       Kafka records and workflow history where the flow offers them;</li>
 *   <li>{@code GET /console/meters}: the charts' series ({@link MeterHistory});</li>
 *   <li>{@code GET /console/stream?order=ID}: the same as server-sent events, pushed as they change
 *       ({@link ConsoleStream});</li>
 *   <li>{@code GET /console/services}, {@code PUT /console/services/{flow}/{service}} {@code {"running": false}}:
 *       stop and start a part of a flow that implements {@link ServiceControl}.</li>
 * </ul>
 * An order placed as "the same basket in every flow" has the id {@code BASKET.FLOW}, e.g. {@code b-3kq9x.direct},
 * so its siblings are found by name.
 */
final class ConsoleRoutes implements AutoCloseable {
    static final String BASKET_SEPARATOR = ".";
    private static final Logger log = LoggerFactory.getLogger(ConsoleRoutes.class);
    private static final String UPLOT = "/META-INF/maven/org.webjars.npm/uplot/pom.properties";
    /** The page may load only its own files and talk only to the shop; no page may frame it (clickjacking). */
    private static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private record Asset(byte[] bytes, String contentType) {}

    private final Map<String, OrderFlow> flows;
    private final Function<String, Optional<OrderView>> views;
    private final Catalog catalog;
    private final MeterHistory meters;
    private final ConsoleStream stream;
    private final Asset page;
    private final Map<String, Asset> assets = new LinkedHashMap<>();

    private ConsoleRoutes(Map<String, OrderFlow> flows, Function<String, Optional<OrderView>> views,
                          Supplier<List<OrderView>> recent, Catalog catalog, MeterRegistry registry) {
        this.flows = flows;
        this.views = views;
        this.catalog = catalog;
        this.meters = new MeterHistory(registry);
        this.stream = new ConsoleStream(meters, recent, this::journeyOf);
        this.page = asset("/shop/console/index.html", "text/html; charset=utf-8");
        assets.put("console.js", asset("/shop/console/console.js", "text/javascript; charset=utf-8"));
        assets.put("console.css", asset("/shop/console/console.css", "text/css; charset=utf-8"));
        String uplot = "/META-INF/resources/webjars/uplot/" + uplotVersion() + "/dist/";
        assets.put("uplot.js", asset(uplot + "uPlot.iife.min.js", "text/javascript; charset=utf-8"));
        assets.put("uplot.css", asset(uplot + "uPlot.min.css", "text/css; charset=utf-8"));
    }

    /**
     * @param flows by name, the default first
     * @param views  the API's view of an order (the flow's, or PENDING while the flow has not reported yet)
     * @param recent the recent orders, as {@code GET /orders} lists them
     * @return close it when the server stops: it ends the live streams
     */
    static ConsoleRoutes register(RoutesConfig routes, Map<String, OrderFlow> flows,
                                  Function<String, Optional<OrderView>> views, Supplier<List<OrderView>> recent,
                                  Catalog catalog, MeterRegistry registry) {
        ConsoleRoutes console = new ConsoleRoutes(flows, views, recent, catalog, registry);
        routes.get("/", console::page);
        routes.get("/console/assets/{name}", console::asset);
        routes.get("/console/setup", console::setup);
        routes.get("/console/journey/{id}", console::journey);
        routes.get("/console/meters", ctx -> ctx.json(console.meters.snapshot()));
        routes.get("/console/services", ctx -> ctx.json(console.services()));
        routes.put("/console/services/{flow}/{service}", console::switchService);
        routes.sse("/console/stream", console.stream::connect);
        return console;
    }

    @Override
    public void close() {
        stream.close();
    }

    private void page(Context ctx) {
        ctx.header("Content-Security-Policy", PAGE_POLICY);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        send(ctx, page);
    }

    private void asset(Context ctx) {
        Asset asset = assets.get(ctx.pathParam("name"));
        if (asset == null) {
            throw new ApiError(404, null, "no console asset \"" + Printable.of(ctx.pathParam("name")) + "\"; there are "
                    + assets.keySet());
        }
        send(ctx, asset);
    }

    private static void send(Context ctx, Asset asset) {
        ctx.header("Cache-Control", "no-cache");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType(asset.contentType()).result(asset.bytes());
    }

    private void setup(Context ctx) {
        List<Map<String, Object>> skus = new ArrayList<>();
        catalog.skus().stream().sorted().forEach(sku -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("sku", sku);
            item.put("priceCents", catalog.priceCents(sku).orElseThrow());
            skus.add(item);
        });
        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("flows", List.copyOf(flows.keySet()));
        setup.put("skus", skus);
        setup.put("maxLines", OrderRequest.MAX_LINES);
        setup.put("maxQuantity", OrderRequest.MAX_QUANTITY);
        setup.put("basketSeparator", BASKET_SEPARATOR);
        setup.put("charts", ConsoleCharts.ALL);
        setup.put("windowSeconds", MeterHistory.WINDOW_MILLIS / 1000);
        ctx.json(setup);
    }

    private void journey(Context ctx) {
        String id = ctx.pathParam("id");
        ctx.json(journeyOf(id).orElseThrow(() -> new ApiError(404, "id", "id: no order \"" + Printable.of(id) + "\"")));
    }

    /** The order and its siblings, with their records and history; empty for an unknown order. */
    private Optional<Map<String, Object>> journeyOf(String id) {
        if (views.apply(id).isEmpty()) {
            return Optional.empty();
        }
        Optional<String> basket = basketOf(id);
        List<String> ids = basket.map(b -> flows.keySet().stream().map(flow -> b + BASKET_SEPARATOR + flow).toList())
                .orElse(List.of(id));
        List<Map<String, Object>> orders = new ArrayList<>();
        for (String sibling : ids) {
            views.apply(sibling).ifPresent(view -> orders.add(entryOf(view)));
        }
        Map<String, Object> journey = new LinkedHashMap<>();
        journey.put("id", id);
        journey.put("basket", basket.orElse(null));
        journey.put("orders", orders);
        return Optional.of(journey);
    }

    /** "b-3kq9x" for "b-3kq9x.orchestration" when orchestration is one of the flows. */
    private Optional<String> basketOf(String id) {
        int dot = id.lastIndexOf(BASKET_SEPARATOR);
        if (dot <= 0 || !flows.containsKey(id.substring(dot + 1))) {
            return Optional.empty();
        }
        return Optional.of(id.substring(0, dot));
    }

    /** The order's view, and its Kafka records or workflow history if its flow can tell (null if it cannot). */
    private Map<String, Object> entryOf(OrderView view) {
        OrderFlow flow = flows.get(view.impl());
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("order", view);
        entry.put("records", flow instanceof OrderRecords records
                ? orNull(() -> records.records(view.id()), "Kafka records", view) : null);
        entry.put("history", flow instanceof OrderHistory history
                ? orNull(() -> history.history(view.id()), "workflow history", view) : null);
        return entry;
    }

    /** What a flow could not tell is left out (null), so one failing flow does not hide the others' journeys. */
    private static <T> T orNull(java.util.function.Supplier<T> read, String what, OrderView view) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            log.warn("the {} flow could not list the {} of order {}", view.impl(), what, view.id(), e);
            return null;
        }
    }

    private List<Map<String, Object>> services() {
        List<Map<String, Object>> all = new ArrayList<>();
        flows.forEach((name, flow) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("flow", name);
            entry.put("stoppable", flow instanceof ServiceControl);
            List<Map<String, Object>> services = new ArrayList<>();
            if (flow instanceof ServiceControl control) {
                for (String service : control.stoppableServices()) {
                    Map<String, Object> state = new LinkedHashMap<>();
                    state.put("service", service);
                    state.put("running", control.isRunning(service));
                    services.add(state);
                }
            }
            entry.put("services", services);
            all.add(entry);
        });
        return all;
    }

    private void switchService(Context ctx) {
        String flowName = ctx.pathParam("flow");
        String service = ctx.pathParam("service");
        OrderFlow flow = flows.get(flowName);
        if (flow == null) {
            throw new ApiError(404, "flow", "flow: no flow \"" + Printable.of(flowName) + "\"; the flows are "
                    + flows.keySet());
        }
        if (!(flow instanceof ServiceControl control)) {
            throw new ApiError(409, "flow", "flow: the " + flowName + " flow cannot stop or start its parts from the "
                    + "console");
        }
        if (!control.stoppableServices().contains(service)) {
            throw new ApiError(404, "service", "service: the " + flowName + " flow has no service \""
                    + Printable.of(service) + "\" here; it has " + control.stoppableServices());
        }
        JsonFields body = JsonFields.of(JsonBody.read(ctx.bodyAsBytes()), "", "an object with running");
        body.allowOnly(Set.of("running"), "the only field is running (true to start, false to stop)");
        boolean running = body.optionalBoolean("running")
                .orElseThrow(() -> ApiError.badField("running", "required, true to start or false to stop"));
        if (running) {
            control.start(service);
        } else {
            control.stop(service);
        }
        ctx.json(services());
    }

    private static String uplotVersion() {
        Properties properties = new Properties();
        try (InputStream in = ConsoleRoutes.class.getResourceAsStream(UPLOT)) {
            if (in == null) {
                throw new IllegalStateException("the console's chart library (org.webjars.npm:uplot) is not on the "
                        + "classpath; rebuild the shop");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    private static Asset asset(String path, String contentType) {
        try (InputStream in = ConsoleRoutes.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the console's file " + path + " is not on the classpath; rebuild the shop");
            }
            return new Asset(in.readAllBytes(), contentType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
