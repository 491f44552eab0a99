package shop.choreography.fraud;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import shop.choreography.fraud.FraudEvent.FraudCleared;
import shop.choreography.fraud.FraudEvent.FraudRejected;
import shop.flow.FraudPolicy;
import shop.flow.OrderView;
import shop.flow.TimelineEntry;

/**
 * One order's fraud events, and what they add to its view of lab 03: the fraud/review step (after payment/charge), and
 * "review" as the current step while the order waits for the fraud service. Thread-safe.
 */
public final class ReviewedOrderStory {
    private final Map<String, FraudEvent> fraudEvents = new LinkedHashMap<>();

    /** @return false if this event was already in the story (a duplicate) */
    public synchronized boolean add(FraudEvent event) {
        return fraudEvents.putIfAbsent(event.eventId(), event) == null;
    }

    /** The fraud/review timeline entry, or null: there is none for an order that was not held. */
    public synchronized TimelineEntry reviewEntry() {
        for (FraudEvent event : fraudEvents.values()) {
            if (event instanceof FraudCleared cleared && cleared.reviewed()) {
                return new TimelineEntry(FraudPolicy.SERVICE, FraudPolicy.STEP, cleared.startedAt(), cleared.at(), "ok");
            }
            if (event instanceof FraudRejected rejected) {
                return new TimelineEntry(FraudPolicy.SERVICE, FraudPolicy.STEP, rejected.startedAt(), rejected.at(), rejected.reason());
            }
        }
        return null;
    }

    /** @param base the order's view from its order events (lab 03's {@code OrderStory}) */
    public synchronized OrderView view(OrderView base) {
        boolean cleared = fraudEvents.values().stream().anyMatch(FraudCleared.class::isInstance);
        boolean rejected = fraudEvents.values().stream().anyMatch(FraudRejected.class::isInstance);
        String currentStep = base.currentStep();
        if ("reserve".equals(currentStep) && !cleared) {
            currentStep = rejected ? "refund" : FraudPolicy.STEP; // paid, and the fraud service has not let it through
        }
        List<TimelineEntry> timeline = new ArrayList<>(base.timeline());
        TimelineEntry review = reviewEntry();
        if (review != null) {
            int charge = indexOf(timeline, "payment", "charge");
            timeline.add(charge + 1, review);
        }
        return new OrderView(base.id(), base.impl(), base.status(), currentStep, base.reason(), base.compensated(),
                base.totalCents(), base.placedAt(), base.finishedAt(), timeline);
    }

    private static int indexOf(List<TimelineEntry> timeline, String service, String step) {
        for (int i = 0; i < timeline.size(); i++) {
            if (timeline.get(i).service().equals(service) && timeline.get(i).step().equals(step)) {
                return i;
            }
        }
        return timeline.size() - 1;
    }
}
