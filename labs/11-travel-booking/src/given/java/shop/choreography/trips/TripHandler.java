package shop.choreography.trips;

import java.util.List;

/** What one travel service does when it sees a trip event: the events it publishes in answer (none if it does not care). */
@FunctionalInterface
public interface TripHandler {
    List<TripEvent> on(TripEvent event);
}
