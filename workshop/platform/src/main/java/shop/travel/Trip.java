package shop.travel;

/**
 * A trip to book: a seat on a route, a room in a hotel, a car. Each is a code from the {@link TravelCatalogue}.
 * Every step has its own idempotency key, derived from the trip id: a step retried or delivered twice books once.
 */
public record Trip(String id, String traveller, String route, String hotel, String car) {

    /** The idempotency key of one step of this trip, e.g. {@code keyOf("book", FLIGHT)}. */
    public String keyOf(String action, TravelService service) {
        return id + ":" + action + "-" + service.id();
    }

    /** The catalogue code this trip wants from a service. */
    public String itemFor(TravelService service) {
        return switch (service) {
            case FLIGHT -> route;
            case HOTEL -> hotel;
            case CAR -> car;
        };
    }
}
