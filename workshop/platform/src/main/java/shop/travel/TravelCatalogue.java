package shop.travel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** What can be booked and how many of each: seats per route, rooms per hotel, cars per rental desk. */
public record TravelCatalogue(Map<TravelService, Map<String, Integer>> capacity) {

    public TravelCatalogue {
        capacity = Map.copyOf(capacity);
    }

    /** A car with no place left, so that a trip booked with it is rejected after its flight and hotel: a compensation to watch. */
    public static final String SOLD_OUT_CAR = "LIS-CONVERTIBLE";

    /** A few routes, hotels and cars, each with {@code perItem} places, and the {@link #SOLD_OUT_CAR} with none. */
    public static TravelCatalogue demo(int perItem) {
        Map<String, Integer> cars = each(perItem, "LIS-COMPACT", "OSL-EV");
        cars.put(SOLD_OUT_CAR, 0);
        return new TravelCatalogue(Map.of(
                TravelService.FLIGHT, each(perItem, "AMS-LIS", "LIS-AMS", "BER-OSL"),
                TravelService.HOTEL, each(perItem, "LIS-CENTRO", "OSL-FJORD"),
                TravelService.CAR, cars));
    }

    public Set<String> items(TravelService service) {
        return capacity.getOrDefault(service, Map.of()).keySet();
    }

    private static Map<String, Integer> each(int places, String... items) {
        Map<String, Integer> byItem = new LinkedHashMap<>();
        for (String item : items) {
            byItem.put(item, places);
        }
        return byItem;
    }
}
