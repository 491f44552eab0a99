package shop.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import shop.domain.Order;
import shop.flow.OrderListener;
import shop.flow.OrderStatus;

/**
 * Hears what every flow reports (lab 01's listener calls): how long each step ran inside its service or activity,
 * and when each order ended and how long it took end to end, as the flow's own meters see it. What is left of the
 * end-to-end time is coordination: queues, polls, hand-offs. Waiting here for orders to end costs the flow nothing,
 * where asking it for each order's view (a history fetch per order in the orchestration) would load the server.
 */
final class StepClock implements OrderListener {
    private final Map<String, List<Double>> stepMillis = new ConcurrentHashMap<>();
    private final List<Double> endToEndMillis = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Double> finished = new ConcurrentHashMap<>();

    @Override
    public void stepFinished(String impl, String service, String step, Duration duration, String outcome) {
        if ("ok".equals(outcome)) {
            stepMillis.computeIfAbsent(step, key -> Collections.synchronizedList(new ArrayList<>())).add(millis(duration));
        }
    }

    @Override
    public void finished(String impl, Order order, OrderStatus status, boolean compensated, Duration endToEnd) {
        if (status == OrderStatus.COMPLETED) {
            endToEndMillis.add(millis(endToEnd));
        }
        finished.put(order.id(), millis(endToEnd));
    }

    /** @return the order's end-to-end time in ms once it has ended, else null */
    Double endToEndOf(String orderId) {
        return finished.get(orderId);
    }

    void reset() {
        stepMillis.clear();
        endToEndMillis.clear();
    }

    /** Medians since the last reset: end to end, and the sum of each step's median. */
    TimeSplit split() {
        double inside = 0;
        for (List<Double> step : stepMillis.values()) {
            inside += median(step);
        }
        return new TimeSplit(median(endToEndMillis), inside, stepMillis.size());
    }

    private static double median(List<Double> values) {
        List<Double> sorted;
        synchronized (values) {
            sorted = new ArrayList<>(values);
        }
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }
}
