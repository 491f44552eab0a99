package shop.travel;

import java.util.Locale;

/** The three services a trip books, in the order a trip books them. The name is what meters and timelines show. */
public enum TravelService {
    FLIGHT, HOTEL, CAR;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
