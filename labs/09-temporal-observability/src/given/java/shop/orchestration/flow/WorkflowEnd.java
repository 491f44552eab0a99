package shop.orchestration.flow;

import static io.temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED;
import static io.temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED;
import static io.temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW;
import static io.temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED;
import static io.temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED;
import static io.temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowFailedException;
import shop.flow.OrderView;
import shop.flow.TimelineEntry;

/**
 * How an order's workflow run ended when it did not return an outcome: failed, cancelled, timed out, or terminated
 * from outside. Terminate runs no workflow code at all, so no compensation: what was charged stays charged. Only
 * these event types close a run; anything else at the end of a history (a signal that came in while no worker ran,
 * a timer, an activity) means the run is still going.
 */
final class WorkflowEnd {
    /** The event types that close a run without an outcome, with the reason the order gets. */
    private static final Map<EventType, String> REASONS = Map.of(
            EVENT_TYPE_WORKFLOW_EXECUTION_FAILED, "workflow-failed",
            EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED, "workflow-canceled",
            EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED, OrderView.TERMINATED,
            EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT, "workflow-timed-out",
            EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW, "workflow-continued-as-new");

    private WorkflowEnd() {}

    /** True if this event closes the run: completed (with the order's outcome), or one of {@link #REASONS}. */
    static boolean closes(HistoryEvent event) {
        return event.getEventType() == EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED || REASONS.containsKey(event.getEventType());
    }

    /** The reason of a run closed by this event without an outcome of its own; empty if it completed or is open. */
    static Optional<String> reasonOf(HistoryEvent last) {
        return Optional.ofNullable(REASONS.get(last.getEventType()));
    }

    /** The timeline's last entry for a run that ended this way: the order's own "workflow" step, e.g. "terminated". */
    static TimelineEntry entry(String reason, Instant at) {
        return new TimelineEntry("order", "workflow", at, at, reason.replaceFirst("^workflow-", ""));
    }

    /**
     * The reason for a failed {@code getResultAsync}, if the run itself ended without an outcome; empty if the
     * failure says nothing about the run (the shop is closing its connection, the server is unreachable).
     */
    static Optional<String> reasonOf(Throwable failure) {
        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
        if (!(cause instanceof WorkflowFailedException ended)) {
            return Optional.empty();
        }
        return Optional.of(REASONS.getOrDefault(ended.getWorkflowCloseEventType(), "workflow-failed"));
    }
}
