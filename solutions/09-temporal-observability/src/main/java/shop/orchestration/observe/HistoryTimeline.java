package shop.orchestration.observe;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.Timestamp;
import io.temporal.api.failure.v1.Failure;
import io.temporal.api.history.v1.HistoryEvent;
import shop.flow.TimelineEntry;
import shop.orchestration.control.ControlledOrderWorkflowImpl;
import shop.orchestration.saga.Rejections;
import shop.orchestration.workflow.Steps;

/**
 * An order's timeline, read from its workflow's history: the server already records when each activity was
 * scheduled and how it closed, so the timeline needs no bookkeeping of its own and survives any restart.
 */
public final class HistoryTimeline {
    private HistoryTimeline() {}

    /** One entry per activity that has closed, in the order they closed. */
    public static List<TimelineEntry> of(List<HistoryEvent> history) {
        // TODO 4: one entry (see entry below) per activity that closed: completed ("ok"), failed (outcomeOf its
        //   failure) or timed out (Rejections.GAVE_UP), from when it was scheduled to when it closed. A closing event
        //   points back at its scheduled event by id.
        Map<Long, HistoryEvent> scheduled = new HashMap<>();
        List<TimelineEntry> timeline = new ArrayList<>();
        for (HistoryEvent event : history) {
            if (event.hasActivityTaskScheduledEventAttributes()) {
                scheduled.put(event.getEventId(), event);
            } else if (event.hasActivityTaskCompletedEventAttributes()) {
                timeline.add(entry(scheduled.get(event.getActivityTaskCompletedEventAttributes().getScheduledEventId()), event, "ok"));
            } else if (event.hasActivityTaskFailedEventAttributes()) {
                var failed = event.getActivityTaskFailedEventAttributes();
                timeline.add(entry(scheduled.get(failed.getScheduledEventId()), event, outcomeOf(failed.getFailure())));
            } else if (event.hasActivityTaskTimedOutEventAttributes()) {
                timeline.add(entry(scheduled.get(event.getActivityTaskTimedOutEventAttributes().getScheduledEventId()), event, Rejections.GAVE_UP));
            }
        }
        return timeline;
        // end TODO 4
    }

    /** The step of the activity running now, "awaiting-warehouse" while the timer runs, or null. */
    public static String currentStep(List<HistoryEvent> history) {
        String current = null;
        for (HistoryEvent event : history) {
            if (event.hasActivityTaskScheduledEventAttributes()) {
                current = Steps.stepOf(event.getActivityTaskScheduledEventAttributes().getActivityType().getName());
            } else if (event.hasActivityTaskCompletedEventAttributes() || event.hasActivityTaskFailedEventAttributes()
                    || event.hasActivityTaskTimedOutEventAttributes()) {
                current = null;
            } else if (event.hasTimerStartedEventAttributes()) {
                current = ControlledOrderWorkflowImpl.AWAITING_WAREHOUSE;
            } else if (event.hasTimerFiredEventAttributes() || event.hasTimerCanceledEventAttributes()) {
                current = null;
            }
        }
        return current;
    }

    public static Instant instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    private static TimelineEntry entry(HistoryEvent scheduled, HistoryEvent closed, String outcome) {
        String step = Steps.stepOf(scheduled.getActivityTaskScheduledEventAttributes().getActivityType().getName());
        return new TimelineEntry(Steps.serviceOf(step), step, instant(scheduled.getEventTime()), instant(closed.getEventTime()), outcome);
    }

    /** A business no keeps its reason; anything else failed only after the retry policy gave up. */
    private static String outcomeOf(Failure failure) {
        if (failure.hasApplicationFailureInfo() && failure.getApplicationFailureInfo().getNonRetryable()) {
            return failure.getApplicationFailureInfo().getType();
        }
        return Rejections.GAVE_UP;
    }
}
