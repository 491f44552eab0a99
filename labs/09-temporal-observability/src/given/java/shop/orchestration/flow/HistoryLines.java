package shop.orchestration.flow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.temporal.api.failure.v1.Failure;
import io.temporal.api.history.v1.HistoryEvent;
import shop.flow.OrderHistory;
import shop.orchestration.observe.HistoryTimeline;

/**
 * A workflow's history condensed to one line per event, for the console's orchestration lane and
 * {@code ./shop history}: the event type, when, and what an attendee needs from it (the activity, its attempt, the
 * failure). Temporal writes an activity's STARTED event only once the activity closes, with the attempt that
 * closed it: a retried step shows "attempt 3" and the failure of the attempt before.
 */
final class HistoryLines {
    private static final String PREFIX = "EVENT_TYPE_";

    private HistoryLines() {}

    static List<OrderHistory.Entry> of(List<HistoryEvent> events) {
        Map<Long, String> activityByScheduledId = new HashMap<>();
        List<OrderHistory.Entry> lines = new ArrayList<>();
        for (HistoryEvent event : events) {
            if (event.hasActivityTaskScheduledEventAttributes()) {
                activityByScheduledId.put(event.getEventId(),
                        event.getActivityTaskScheduledEventAttributes().getActivityType().getName());
            }
            lines.add(new OrderHistory.Entry(event.getEventId(), HistoryTimeline.instant(event.getEventTime()),
                    event.getEventType().name().replaceFirst("^" + PREFIX, ""), detail(event, activityByScheduledId)));
        }
        return lines;
    }

    private static String detail(HistoryEvent event, Map<Long, String> activities) {
        if (event.hasActivityTaskScheduledEventAttributes()) {
            return event.getActivityTaskScheduledEventAttributes().getActivityType().getName();
        }
        if (event.hasActivityTaskStartedEventAttributes()) {
            var started = event.getActivityTaskStartedEventAttributes();
            String name = activities.getOrDefault(started.getScheduledEventId(), "");
            return started.getAttempt() <= 1 ? name : name + ", attempt " + started.getAttempt()
                    + (started.hasLastFailure() ? ", the one before failed: " + message(started.getLastFailure()) : "");
        }
        if (event.hasActivityTaskCompletedEventAttributes()) {
            return activities.getOrDefault(event.getActivityTaskCompletedEventAttributes().getScheduledEventId(), "");
        }
        if (event.hasActivityTaskFailedEventAttributes()) {
            var failed = event.getActivityTaskFailedEventAttributes();
            return activities.getOrDefault(failed.getScheduledEventId(), "") + " failed: " + message(failed.getFailure());
        }
        if (event.hasActivityTaskTimedOutEventAttributes()) {
            var timedOut = event.getActivityTaskTimedOutEventAttributes();
            return activities.getOrDefault(timedOut.getScheduledEventId(), "") + " timed out: " + message(timedOut.getFailure());
        }
        if (event.hasWorkflowTaskFailedEventAttributes()) {
            var failed = event.getWorkflowTaskFailedEventAttributes();
            return failed.getCause().name() + ": " + message(failed.getFailure());
        }
        if (event.hasWorkflowTaskTimedOutEventAttributes()) {
            return event.getWorkflowTaskTimedOutEventAttributes().getTimeoutType().name();
        }
        if (event.hasTimerStartedEventAttributes()) {
            var timer = event.getTimerStartedEventAttributes();
            return timer.getTimerId() + ", " + timer.getStartToFireTimeout().getSeconds() + " s";
        }
        if (event.hasWorkflowExecutionSignaledEventAttributes()) {
            return event.getWorkflowExecutionSignaledEventAttributes().getSignalName();
        }
        if (event.hasWorkflowExecutionTerminatedEventAttributes()) {
            return event.getWorkflowExecutionTerminatedEventAttributes().getReason();
        }
        if (event.hasWorkflowExecutionFailedEventAttributes()) {
            return message(event.getWorkflowExecutionFailedEventAttributes().getFailure());
        }
        if (event.hasWorkflowExecutionStartedEventAttributes()) {
            var started = event.getWorkflowExecutionStartedEventAttributes();
            return started.getWorkflowType().getName() + " on " + started.getTaskQueue().getName();
        }
        return "";
    }

    /** The failure's message and, for an application failure, its type (e.g. "out-of-stock"). */
    private static String message(Failure failure) {
        String type = failure.hasApplicationFailureInfo() ? failure.getApplicationFailureInfo().getType() : "";
        String message = failure.getMessage();
        return type.isEmpty() || message.contains(type) ? message : type + " (" + message + ")";
    }
}
