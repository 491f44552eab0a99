package shop.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import shop.travel.DirectTrips;
import shop.travel.Travel;
import shop.travel.TravelCatalogue;
import shop.travel.TripFlow;
import shop.travel.TripMeters;
import shop.travel.TripView;

/**
 * POST /trips and GET /trips/{id}: the orders' API, for trips. The server's before-handlers apply here too (the
 * {@link CrossSiteGuard}: JSON content type, same origin), and so do its 4xx JSON errors.
 */
final class TripRoutes implements AutoCloseable {
    private final Map<String, TripFlow> flows = new LinkedHashMap<>();
    private final TravelCatalogue catalogue;

    TripRoutes(TravelCatalogue catalogue, List<TripFlow> flows) {
        this.catalogue = catalogue;
        flows.forEach(flow -> this.flows.put(flow.name(), flow));
    }

    /** The trips of a shop: the direct (in-process) flow over the demo travel services, counted in the registry. */
    static TripRoutes direct(MeterRegistry registry) {
        Travel travel = Travel.demo();
        return new TripRoutes(travel.catalogue(), List.of(new DirectTrips(travel, new TripMeters(registry))));
    }

    void register(RoutesConfig routes) {
        routes.post("/trips", this::book);
        routes.get("/trips/{id}", this::find);
    }

    private void book(Context ctx) {
        TripRequest request = TripRequest.parse(JsonBody.read(ctx.bodyAsBytes()), catalogue, flows.keySet());
        String impl = request.impl().orElse(flows.keySet().iterator().next());
        String id = request.trip().id();
        for (TripFlow flow : flows.values()) {
            if (flow.find(id).isPresent()) {
                throw new ApiError(409, "id", "id: \"" + Printable.of(id) + "\" belongs to an earlier trip; use a new id");
            }
        }
        flows.get(impl).book(request.trip());
        ctx.status(201).json(Map.of("id", id, "impl", impl, "status", "PENDING"));
    }

    private void find(Context ctx) {
        String id = ctx.pathParam("id");
        TripView view = flows.values().stream().flatMap(flow -> flow.find(id).stream()).findFirst()
                .orElseThrow(() -> new ApiError(404, "id", "id: no trip \"" + Printable.of(id) + "\""));
        ctx.json(view);
    }

    @Override
    public void close() {
        flows.values().forEach(TripFlow::close);
    }
}
