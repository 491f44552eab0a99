package shop.orchestration.control;

import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Saga;
import io.temporal.workflow.Workflow;
import shop.flow.OrderStatus;
import shop.lab.Todo;
import shop.orchestration.saga.ActivityPolicies;
import shop.orchestration.saga.Rejections;
import shop.orchestration.workflow.OrderActivities;
import shop.orchestration.workflow.OrderOutcome;

/**
 * The saga of lab 07, plus state the outside can query, a cancel signal, and a durable timer: after booking,
 * wait up to the warehouse deadline for a confirmation. The timer lives in the Temporal server, so it fires
 * even if every worker was restarted in between.
 */
public final class ControlledOrderWorkflowImpl implements ControlledOrderWorkflow {
    public static final String AWAITING_WAREHOUSE = "awaiting-warehouse";
    public static final String WAREHOUSE_TIMEOUT = "warehouse-timeout";

    private final OrderActivities steps = Workflow.newActivityStub(OrderActivities.class, ActivityPolicies.STEPS);
    private final OrderActivities undo = Workflow.newActivityStub(OrderActivities.class, ActivityPolicies.COMPENSATIONS);

    private OrderProgress progress = new OrderProgress(OrderStatus.PENDING, null, null);
    private String cancelReason;
    private boolean confirmed;

    @Override
    public OrderOutcome process(OrderInput input) {
        String id = input.order().id();
        Saga saga = new Saga(new Saga.Options.Builder().setParallelCompensation(false).build());
        boolean charged = false;
        try {
            at("charge");
            saga.addCompensation(undo::refund, id);
            steps.charge(input.order());
            charged = true;
            at("reserve");
            saga.addCompensation(undo::release, id);
            steps.reserve(input.order());
            at("book");
            saga.addCompensation(undo::cancel, id);
            steps.book(input.order());
            if (input.warehouseDeadline() != null && cancelReason == null) {
                at(AWAITING_WAREHOUSE);
                // TODO 3: a durable timer: wait until the warehouse confirms or the order is cancelled, but no longer
                //   than the input's deadline; if the deadline comes first, the order is cancelled with
                //   WAREHOUSE_TIMEOUT (the code below compensates). API: Workflow (its timers live in the server).
                throw new Todo(3, "wait for the warehouse in ControlledOrderWorkflowImpl.process");
                // end TODO 3
            }
            if (cancelReason != null) {
                return compensate(saga, cancelReason, true);
            }
            return end(OrderOutcome.completed());
        } catch (CancelRequested cancelled) {
            return charged ? compensate(saga, cancelReason, true) : end(OrderOutcome.rejected(cancelReason, false));
        } catch (ActivityFailure failure) {
            if (!charged && Rejections.isDefiniteNo(failure)) {
                return end(OrderOutcome.rejected(Rejections.reasonOf(failure), false));
            }
            return compensate(saga, Rejections.reasonOf(failure), charged);
        }
    }

    @Override
    public OrderProgress progress() {
        // TODO 1: where the order stands, answered from the workflow's own state; a query changes nothing.
        throw new Todo(1, "answer the progress query in ControlledOrderWorkflowImpl.progress");
        // end TODO 1
    }

    @Override
    public void cancel(String reason) {
        // TODO 2: remember why the order is to be cancelled (the first reason wins). A signal handler only changes
        //   state; the workflow reacts to it: at its next step (see at()) or when its wait for the warehouse ends.
        throw new Todo(2, "handle the cancel signal in ControlledOrderWorkflowImpl.cancel");
        // end TODO 2
    }

    @Override
    public void warehouseConfirmed() {
        confirmed = true;
    }

    /** Each step first checks whether a cancel signal came in while the previous one ran. */
    private void at(String step) {
        if (cancelReason != null) {
            throw new CancelRequested();
        }
        progress = new OrderProgress(OrderStatus.PENDING, step, null);
    }

    /**
     * @param stepsDone whether a step had completed: after a charge that gave up, the refund runs just in case, and
     *                  the order is not reported compensated for a charge nobody saw happen
     */
    private OrderOutcome compensate(Saga saga, String reason, boolean stepsDone) {
        progress = new OrderProgress(OrderStatus.PENDING, "compensating", reason);
        saga.compensate();
        return end(OrderOutcome.rejected(reason, stepsDone));
    }

    private OrderOutcome end(OrderOutcome outcome) {
        progress = new OrderProgress(outcome.status(), null, outcome.reason());
        return outcome;
    }

    private static final class CancelRequested extends RuntimeException {
        CancelRequested() {
            super(null, null, false, false);
        }
    }
}
