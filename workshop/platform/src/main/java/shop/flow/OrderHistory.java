package shop.flow;

import java.time.Instant;
import java.util.List;

/**
 * A flow on Temporal that can show the history of one order's workflow, condensed to one line per event, for the
 * console's orchestration lane.
 */
public interface OrderHistory {
    /** The workflow's events in order, or an empty list if there is no workflow for this order. */
    List<Entry> history(String orderId);

    /**
     * @param type   the event type without its prefix, e.g. "ACTIVITY_TASK_SCHEDULED"
     * @param detail one short line, e.g. "Charge" or "out-of-stock", or "" when there is nothing to add
     */
    record Entry(long eventId, Instant time, String type, String detail) {}
}
