package shop.orchestration.saga;

import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Saga;
import io.temporal.workflow.Workflow;
import shop.domain.Order;
import shop.orchestration.workflow.OrderActivities;
import shop.orchestration.workflow.OrderOutcome;
import shop.orchestration.workflow.OrderWorkflow;

/**
 * Charge, reserve, book; when a step fails, undo what came before it, last first. Each undo is registered
 * BEFORE its step: a step that timed out may still have happened, and every undo is idempotent and harmless
 * when there is nothing to undo.
 */
public final class SagaOrderWorkflow implements OrderWorkflow {
    private final OrderActivities steps = Workflow.newActivityStub(OrderActivities.class, ActivityPolicies.STEPS);
    private final OrderActivities undo = Workflow.newActivityStub(OrderActivities.class, ActivityPolicies.COMPENSATIONS);

    // TODO 3: charge, reserve and book (the `steps` stub), registering before each step the undo that takes it
    //   back (the `undo` stub): a step that timed out may still have happened, and every undo is harmless when
    //   there is nothing to undo. On failure the undos run one at a time, last first. API: io.temporal.workflow.Saga.
    // TODO 2: a failed step reaches the workflow as an ActivityFailure: reject the order with its reason (Rejections)
    //   and undo what was done. Only a refused charge (a definite no, before anything was charged) undoes nothing.
    //   A charge that gave up after its retries may still have gone through: undo it anyway, but report the order
    //   compensated only if a step had completed.
    // tag::saga[]
    @Override
    public OrderOutcome process(Order order) {
        Saga saga = new Saga(new Saga.Options.Builder().setParallelCompensation(false).build());
        boolean charged = false;
        try {
            saga.addCompensation(undo::refund, order.id());
            steps.charge(order);
            charged = true;
            saga.addCompensation(undo::release, order.id());
            steps.reserve(order);
            saga.addCompensation(undo::cancel, order.id());
            steps.book(order);
            return OrderOutcome.completed();
        } catch (ActivityFailure failure) {
            String reason = Rejections.reasonOf(failure);
            if (!charged && Rejections.isDefiniteNo(failure)) {
                return OrderOutcome.rejected(reason, false); // declined: nothing happened, nothing to undo
            }
            saga.compensate();
            return OrderOutcome.rejected(reason, charged);
        }
    }
    // end::saga[]
    // end TODO 2
    // end TODO 3
}
