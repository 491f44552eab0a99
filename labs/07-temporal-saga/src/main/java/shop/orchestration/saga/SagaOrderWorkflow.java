package shop.orchestration.saga;

import io.temporal.workflow.Workflow;
import shop.domain.Order;
import shop.lab.Todo;
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
    @Override
    public OrderOutcome process(Order order) {
        throw new Todo(2, "run the steps and compensate on failure in SagaOrderWorkflow.process");
    }
    // end TODO 2
    // end TODO 3
}
