package shop.orchestration.fraud;

import java.util.ArrayList;
import java.util.List;

import io.temporal.api.history.v1.HistoryEvent;
import shop.flow.FraudPolicy;
import shop.flow.TimelineEntry;
import shop.lab.Todo;
import shop.orchestration.control.ControlledOrderWorkflowImpl;
import shop.orchestration.observe.HistoryTimeline;
import shop.orchestration.workflow.Steps;

/**
 * Lab 09's timeline from history, plus the review. The review is no activity: in the history it is the timer
 * the workflow started to wait for approval, and it ends when the workflow acts on the answer, by scheduling
 * either the reserve (approved) or the refund (not approved in time). Nothing is recorded for it anywhere else.
 */
public final class ReviewTimeline {
    private ReviewTimeline() {}

    /** The activities' entries, with fraud/review between payment/charge and inventory/reserve once it is over. */
    public static List<TimelineEntry> of(List<HistoryEvent> history) {
        List<TimelineEntry> timeline = new ArrayList<>(HistoryTimeline.of(history));
        // TODO 7: if the order was held, walk the history: the first event with hasTimerStartedEventAttributes()
        //   starts the review; count the activities closed before it (closesAnActivity), that is where the
        //   entry goes in the timeline. The review is over at the next event with
        //   hasActivityTaskScheduledEventAttributes(): Steps.stepOf(its activity type name) is "reserve" when
        //   approved (outcome "ok"), else the refund (outcome FraudPolicy.REJECTED_REASON). Insert
        //   new TimelineEntry(FraudPolicy.SERVICE, FraudPolicy.STEP, start, end, outcome) with the two events'
        //   times (HistoryTimeline.instant(event.getEventTime())). Still held: no entry yet.
        if (history.stream().anyMatch(HistoryEvent::hasTimerStartedEventAttributes)) {
            throw new Todo(7, "put the review into the timeline in ReviewTimeline.of");
        }
        // end TODO 7
        return timeline;
    }

    /** "review" while the order is held (lab 09 calls a running timer "awaiting-warehouse"), else lab 09's answer. */
    public static String currentStep(List<HistoryEvent> history) {
        String step = HistoryTimeline.currentStep(history);
        // TODO 8: in this workflow the only timer is the review's: return FraudPolicy.STEP instead of
        //   lab 09's AWAITING_WAREHOUSE
        if (ControlledOrderWorkflowImpl.AWAITING_WAREHOUSE.equals(step)) {
            throw new Todo(8, "call the running review timer \"review\" in ReviewTimeline.currentStep");
        }
        return step;
        // end TODO 8
    }

    private static boolean closesAnActivity(HistoryEvent event) {
        return event.hasActivityTaskCompletedEventAttributes() || event.hasActivityTaskFailedEventAttributes()
                || event.hasActivityTaskTimedOutEventAttributes();
    }
}
