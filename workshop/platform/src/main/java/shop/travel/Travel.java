package shop.travel;

import java.util.EnumMap;
import java.util.Map;

import shop.domain.FaultSettings;

/** The travel services a trip books, written once and shared by every way of coordinating them. */
public final class Travel {
    public static final int DEFAULT_PLACES_PER_ITEM = 100_000;

    private final TravelCatalogue catalogue;
    private final Map<TravelService, BookingDesk> desks = new EnumMap<>(TravelService.class);

    public Travel(TravelCatalogue catalogue) {
        this.catalogue = catalogue;
        for (TravelService service : TravelService.values()) {
            desks.put(service, new BookingDesk(service, catalogue.capacity().getOrDefault(service, Map.of())));
        }
    }

    public static Travel demo() {
        return new Travel(TravelCatalogue.demo(DEFAULT_PLACES_PER_ITEM));
    }

    public TravelCatalogue catalogue() { return catalogue; }
    public BookingDesk desk(TravelService service) { return desks.get(service); }
    public BookingDesk flights() { return desk(TravelService.FLIGHT); }
    public BookingDesk hotels() { return desk(TravelService.HOTEL); }
    public BookingDesk cars() { return desk(TravelService.CAR); }

    /** Switches every service's faults off. */
    public void healAll() {
        desks.values().forEach(desk -> desk.faults(FaultSettings.ServiceFaults.HEALTHY));
    }

    /** Puts {@code places} of every catalogue item back on sale. */
    public void restock(int places) {
        desks.forEach((service, desk) -> catalogue.items(service).forEach(item -> desk.placesLeft(item, places)));
    }

    /** True if the trip still holds a seat, a room or a car anywhere: after a rejection this must be false. */
    public boolean holdsAnything(String tripId) {
        return desks.values().stream().anyMatch(desk -> desk.holds(tripId));
    }
}
