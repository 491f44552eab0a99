package shop.orchestration.fraud;

import java.util.ArrayList;
import java.util.List;

import io.temporal.api.history.v1.HistoryEvent;
import shop.flow.FraudPolicy;
import shop.flow.TimelineEntry;
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
        HistoryEvent holdStarted = null;
        int closedBeforeHold = 0;
        for (HistoryEvent event : history) {
            if (holdStarted == null && event.hasTimerStartedEventAttributes()) {
                holdStarted = event;
            } else if (holdStarted == null && closesAnActivity(event)) {
                closedBeforeHold++;
            } else if (holdStarted != null && event.hasActivityTaskScheduledEventAttributes()) {
                String next = Steps.stepOf(event.getActivityTaskScheduledEventAttributes().getActivityType().getName());
                String outcome = "reserve".equals(next) ? "ok" : FraudPolicy.REJECTED_REASON;
                timeline.add(closedBeforeHold, new TimelineEntry(FraudPolicy.SERVICE, FraudPolicy.STEP,
                        HistoryTimeline.instant(holdStarted.getEventTime()), HistoryTimeline.instant(event.getEventTime()), outcome));
                break;
            }
        }
        // end TODO 7
        return timeline;
    }

    /** "review" while the order is held (lab 09 calls a running timer "awaiting-warehouse"), else lab 09's answer. */
    public static String currentStep(List<HistoryEvent> history) {
        String step = HistoryTimeline.currentStep(history);
        // TODO 8: while the review's timer runs, the order's current step is the review, not lab 09's warehouse wait.
        return ControlledOrderWorkflowImpl.AWAITING_WAREHOUSE.equals(step) ? FraudPolicy.STEP : step;
        // end TODO 8
    }

    private static boolean closesAnActivity(HistoryEvent event) {
        return event.hasActivityTaskCompletedEventAttributes() || event.hasActivityTaskFailedEventAttributes()
                || event.hasActivityTaskTimedOutEventAttributes();
    }
}
