package shop.orchestration.observe;

import java.time.Duration;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.failure.ApplicationFailure;
import shop.domain.TransientFailure;
import shop.flow.OrderListener;
import shop.lab.Todo;
import shop.orchestration.flow.OrchestrationFlow;
import shop.orchestration.workflow.Steps;

/**
 * Tells the order listener (the business meters) how long each step took. It runs around every activity
 * attempt in the worker, never in workflow code: workflow code is replayed, and would report a step twice.
 */
public final class StepTimer extends WorkerInterceptorBase {
    private final OrderListener listener;

    public StepTimer(OrderListener listener) {
        this.listener = listener;
    }

    @Override
    public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
        return new ActivityInboundCallsInterceptorBase(next) {
            private String service;
            private String step;

            @Override
            public void init(ActivityExecutionContext context) {
                step = Steps.stepOf(context.getInfo().getActivityType());
                service = Steps.serviceOf(step);
                super.init(context);
            }

            @Override
            public ActivityOutput execute(ActivityInput input) {
                // TODO 3: run the activity and tell the listener which service ran it, how long the attempt took
                //   and how it ended ("ok", or outcomeOf the exception, which goes on to Temporal unchanged),
                //   whether it returned or threw.
                throw new Todo(3, "report each activity as a step in StepTimer");
                // end TODO 3
            }
        };
    }

    /** "card-declined" for a business no, "transient-error" for a retryable one, the class name for a surprise. */
    static String outcomeOf(RuntimeException e) {
        if (e instanceof ApplicationFailure application) {
            return application.getType();
        }
        if (e instanceof TransientFailure) {
            return "transient-error";
        }
        return e.getClass().getSimpleName();
    }
}
