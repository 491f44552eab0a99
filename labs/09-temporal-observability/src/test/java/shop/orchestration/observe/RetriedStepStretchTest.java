package shop.orchestration.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactoryOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import shop.domain.Domain;
import shop.domain.Order;
import shop.domain.OrderLine;
import shop.domain.TransientFailure;
import shop.flow.OrderListener;
import shop.orchestration.control.ControlledOrderWorkflow;
import shop.orchestration.control.ControlledOrderWorkflowImpl;
import shop.orchestration.control.OrderInput;
import shop.orchestration.workflow.DomainActivities;
import shop.orchestration.workflow.ForwardingActivities;
import shop.orchestration.workflow.OrderOutcome;
import shop.orchestration.workflow.OrderStarter;
import shop.orchestration.workflow.Steps;

/** Going further: a step that needed more than one attempt says so in its outcome, "ok-after-retry". */
@Tag("stretch")
class RetriedStepStretchTest {
    private final List<String> chargeOutcomes = new CopyOnWriteArrayList<>();
    private final OrderListener listener = new OrderListener() {
        @Override
        public void stepFinished(String impl, String service, String step, Duration duration, String outcome) {
            if (step.equals("charge")) {
                chargeOutcomes.add(outcome);
            }
        }
    };
    private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
            .setWorkerFactoryOptions(WorkerFactoryOptions.newBuilder().setWorkerInterceptors(new StepTimer(listener)).build())
            .build());

    @AfterEach
    void stopTemporal() {
        env.close();
    }

    @Test
    void aChargeThatSucceedsAtItsSecondAttemptIsOkAfterRetry() {
        Domain domain = Domain.demo();
        AtomicBoolean failedOnce = new AtomicBoolean();
        Worker worker = env.newWorker(Steps.TASK_QUEUE);
        worker.registerWorkflowImplementationTypes(ControlledOrderWorkflowImpl.class);
        worker.registerActivitiesImplementations(new ForwardingActivities(new DomainActivities(domain)) {
            @Override
            public String charge(Order order) {
                if (failedOnce.compareAndSet(false, true)) {
                    throw new TransientFailure("the payment service hiccuped");
                }
                return super.charge(order);
            }
        });
        env.start();
        long price = domain.catalog().priceCents("MUG-1").orElseThrow();
        Order order = new Order("order-" + UUID.randomUUID(), "dora", List.of(new OrderLine("MUG-1", 1, price)));
        ControlledOrderWorkflow workflow = env.getWorkflowClient().newWorkflowStub(ControlledOrderWorkflow.class,
                OrderStarter.optionsFor(order.id()));
        WorkflowClient.start(workflow::process, OrderInput.of(order));

        assertThat(env.getWorkflowClient().newUntypedWorkflowStub(order.id()).getResult(OrderOutcome.class))
                .isEqualTo(OrderOutcome.completed());
        assertThat(chargeOutcomes).as("stretch: the outcomes StepTimer reported for the charge's two attempts")
                .containsExactly("transient-error", "ok-after-retry");
    }
}
