package shop.travel;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The trips a shop takes: the flows that book them (the first is the default for POST /trips) and the catalogue
 * a trip is checked against.
 */
public record ShopTrips(TravelCatalogue catalogue, List<TripFlow> flows) implements AutoCloseable {
    public ShopTrips {
        flows = List.copyOf(flows);
    }

    /** The direct (in-process) flow alone, over the demo travel services, counted in the registry. */
    public static ShopTrips direct(MeterRegistry registry) {
        Travel travel = Travel.demo();
        return new ShopTrips(travel.catalogue(), List.of(new DirectTrips(travel, new TripMeters(registry))));
    }

    @Override
    public void close() {
        flows.forEach(TripFlow::close);
    }
}
