package shop.orchestration.fraud;

import java.time.Duration;

import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Saga;
import io.temporal.workflow.Workflow;
import shop.domain.Order;
import shop.flow.FraudPolicy;
import shop.lab.Todo;
import shop.orchestration.control.OrderInput;
import shop.orchestration.saga.ActivityPolicies;
import shop.orchestration.saga.Rejections;
import shop.orchestration.workflow.OrderActivities;
import shop.orchestration.workflow.OrderOutcome;

/**
 * Lab 07's saga with one more step between charge and reserve: an order over the limit waits for a reviewer's
 * approval, on a durable timer. Not approved in time: the payment is refunded and the order rejected.
 *
 * <p>Rolling this out for real. Here the fraud check is a NEW workflow type on a NEW task queue, so lab 09's
 * flow keeps running as it was. A team changing the workflow its orders already run on would edit that
 * workflow in place and guard the new step with a version marker:
 * <pre>{@code
 * int version = Workflow.getVersion("fraud-review", Workflow.DEFAULT_VERSION, 1);
 * if (version >= 1 && policy.needsReview(order.totalCents()) && !approvedInTime(...)) { ... }
 * }</pre>
 * An order that was already past that point when the new worker was deployed replays its history, finds no
 * marker, gets DEFAULT_VERSION and skips the review, exactly as it ran the first time; without the guard its
 * replay would produce a timer the history does not have and fail with a non-determinism error. Orders that reach
 * that point after the deployment (new ones, and running ones still charging) record version 1 and take the review. Once no workflow of the old version is running (ask the server with a query on
 * the TemporalChangeVersion search attribute), the old branch can be deleted. (Temporal's worker versioning, where
 * each running workflow stays on the build of the worker that started it, is the other way.)
 */
public final class ReviewedOrderWorkflowImpl implements ReviewedOrderWorkflow {
    private final OrderActivities steps = Workflow.newActivityStub(OrderActivities.class, ActivityPolicies.STEPS);
    private final OrderActivities undo = Workflow.newActivityStub(OrderActivities.class, ActivityPolicies.COMPENSATIONS);

    private boolean held;
    private boolean approved;

    @Override
    public OrderOutcome process(OrderInput input, FraudPolicy policy) {
        Order order = input.order();
        Saga saga = new Saga(new Saga.Options.Builder().setParallelCompensation(false).build());
        boolean charged = false;
        try {
            saga.addCompensation(undo::refund, order.id());
            steps.charge(order);
            charged = true;
            // TODO 2: a big order waits for its reviewer (approvedInTime). Not approved in time: undo what was done so
            //   far and reject the order with the policy's reason. Approved: go on.
            if (policy.needsReview(order.totalCents())) {
                throw new Todo(2, "hold a big order for review in ReviewedOrderWorkflowImpl.process");
            }
            // end TODO 2
            saga.addCompensation(undo::release, order.id());
            steps.reserve(order);
            saga.addCompensation(undo::cancel, order.id());
            steps.book(order);
            return OrderOutcome.completed();
        } catch (ActivityFailure failure) {
            if (!charged && Rejections.isDefiniteNo(failure)) {
                return OrderOutcome.rejected(Rejections.reasonOf(failure), false);
            }
            saga.compensate();
            return OrderOutcome.rejected(Rejections.reasonOf(failure), charged); // compensated only if it was charged
        }
    }

    /** The hold: a timer in the server, so it fires even if every worker was restarted meanwhile. */
    private boolean approvedInTime(Duration timeout) {
        // TODO 1: wait until the order is approved or the timeout has passed, whichever comes first, and say which.
        //   The order is held while it waits, and a worker restart must not lose the wait. API: Workflow.await.
        throw new Todo(1, "wait for approval with a timeout in ReviewedOrderWorkflowImpl.approvedInTime");
        // end TODO 1
    }

    @Override
    public void approve() {
        // TODO 3: a signal handler only changes state; the waiting workflow reacts. Approving an order that is not
        //   held has no effect.
        throw new Todo(3, "handle the approve signal in ReviewedOrderWorkflowImpl.approve");
        // end TODO 3
    }
}
