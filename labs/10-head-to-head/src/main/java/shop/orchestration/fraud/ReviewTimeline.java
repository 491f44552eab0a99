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
        // TODO 7: a held order's timeline gets one review entry (FraudPolicy.SERVICE, FraudPolicy.STEP), placed
        //   among its steps where the review happened: from the history event that started the review's timer to the
        //   next step scheduled after it, with outcome "ok" if that step is the reserve, else the rejection's reason.
        //   Still held: no entry yet.
        if (history.stream().anyMatch(HistoryEvent::hasTimerStartedEventAttributes)) {
            throw new Todo(7, "put the review into the timeline in ReviewTimeline.of");
        }
        // end TODO 7
        return timeline;
    }

    /** "review" while the order is held (lab 09 calls a running timer "awaiting-warehouse"), else lab 09's answer. */
    public static String currentStep(List<HistoryEvent> history) {
        String step = HistoryTimeline.currentStep(history);
        // TODO 8: while the review's timer runs, the order's current step is the review, not lab 09's warehouse wait.
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
