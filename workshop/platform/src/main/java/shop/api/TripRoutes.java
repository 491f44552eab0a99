package shop.api;

import java.util.LinkedHashMap;
import java.util.Map;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.travel.ShopTrips;
import shop.travel.TravelCatalogue;
import shop.travel.TripFlow;
import shop.travel.TripView;

/**
 * POST /trips and GET /trips/{id}: the orders' API, for trips. The server's before-handlers apply here too (the
 * {@link CrossSiteGuard}: JSON content type, same origin), and so do its 4xx JSON errors.
 */
final class TripRoutes implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TripRoutes.class);

    private final Map<String, TripFlow> flows = new LinkedHashMap<>();
    private final TravelCatalogue catalogue;
    private final ShopTrips trips;

    TripRoutes(ShopTrips trips) {
        this.trips = trips;
        this.catalogue = trips.catalogue();
        trips.flows().forEach(flow -> this.flows.put(flow.name(), flow));
    }

    void register(RoutesConfig routes) {
        routes.post("/trips", this::book);
        routes.get("/trips/{id}", this::find);
    }

    private void book(Context ctx) {
        if (flows.isEmpty()) {
            throw new ApiError(503, null, "this shop runs no trip flow");
        }
        TripRequest request = TripRequest.parse(JsonBody.read(ctx.bodyAsBytes()), catalogue, flows.keySet());
        String impl = request.impl().orElse(flows.keySet().iterator().next());
        String id = request.trip().id();
        for (TripFlow flow : flows.values()) {
            if (flow.find(id).isPresent()) {
                throw new ApiError(409, "id", "id: \"" + Printable.of(id) + "\" belongs to an earlier trip; use a new id");
            }
        }
        try {
            flows.get(impl).book(request.trip());
        } catch (RuntimeException e) {
            log.warn("the {} trip flow could not take trip {}", impl, id, e);
            throw new ApiError(503, null, "the " + impl + " trip flow could not take the trip now; retry with a new id");
        }
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
        trips.close();
    }
}
