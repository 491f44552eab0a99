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

    // TODO 3: Saga saga = new Saga(new Saga.Options.Builder().setParallelCompensation(false).build());
    //   before each step, register its undo: saga.addCompensation(undo::refund, order.id()) before
    //   steps.charge(order); undo::release before steps.reserve; undo::cancel before steps.book.
    //   All done: return OrderOutcome.completed().
    // TODO 2: a failed step throws ActivityFailure; catch it. Rejections.reasonOf(failure) says why.
    //   A declined card (a definite no, Rejections.isDefiniteNo, before anything was charged) did nothing:
    //   return OrderOutcome.rejected(reason, false) without compensating.
    //   Otherwise saga.compensate() and return OrderOutcome.rejected(reason, charged): a charge that gave up after
    //   its retries may still have gone through, so the refund runs, but only a charge that completed counts as
    //   compensated.
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
