package shop.api;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import shop.travel.TravelCatalogue;
import shop.travel.TravelService;
import shop.travel.Trip;

/**
 * Reads the body of POST /trips, field by field, so that every mistake is named:
 * <pre>{"traveller": "ada", "route": "AMS-LIS", "hotel": "LIS-CENTRO", "car": "LIS-COMPACT", "id": "optional", "impl": "optional"}</pre>
 * Route, hotel and car are codes from the travel catalogue.
 */
record TripRequest(Trip trip, Optional<String> impl) {
    private static final String TRIP_SHAPE = "a trip has traveller, route, hotel, car, id and impl";

    static TripRequest parse(JsonNode body, TravelCatalogue catalogue, Set<String> impls) {
        JsonFields fields = JsonFields.of(body, "", "a JSON object with traveller, route, hotel and car");
        fields.allowOnly(Set.of("traveller", "route", "hotel", "car", "id", "impl"), TRIP_SHAPE);
        String traveller = fields.requiredText("traveller");
        if (traveller.isBlank() || traveller.codePointCount(0, traveller.length()) > OrderRequest.MAX_CUSTOMER_LENGTH) {
            throw ApiError.badField("traveller", "must be 1 to " + OrderRequest.MAX_CUSTOMER_LENGTH + " characters, not blank");
        }
        String route = item(fields, "route", TravelService.FLIGHT, catalogue);
        String hotel = item(fields, "hotel", TravelService.HOTEL, catalogue);
        String car = item(fields, "car", TravelService.CAR, catalogue);
        Optional<String> id = OrderRequest.optionalId(fields);
        Optional<String> impl = OrderRequest.optionalImpl(fields, impls);
        return new TripRequest(new Trip(id.orElseGet(() -> UUID.randomUUID().toString()), traveller, route, hotel, car), impl);
    }

    private static String item(JsonFields fields, String field, TravelService service, TravelCatalogue catalogue) {
        String code = fields.requiredText(field);
        if (!catalogue.items(service).contains(code)) {
            throw ApiError.badField(field, "unknown " + field + " \"" + Printable.of(code) + "\"; known: "
                    + catalogue.items(service));
        }
        return code;
    }
}
