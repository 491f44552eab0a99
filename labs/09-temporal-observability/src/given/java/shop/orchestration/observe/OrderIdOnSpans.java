package shop.orchestration.observe;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import shop.observe.Tracing;

/**
 * Names the order on each activity's span ({@code RunActivity:Charge}, ...), so that a trace search by order id finds
 * orchestrated orders the same way as the others. The workflow id is the order id. Registered inside Temporal's
 * tracing interceptor (before it in the worker's list), where that span is current.
 */
public final class OrderIdOnSpans extends WorkerInterceptorBase {
    @Override
    public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
        return new ActivityInboundCallsInterceptorBase(next) {
            private String orderId;

            @Override
            public void init(ActivityExecutionContext context) {
                orderId = context.getInfo().getWorkflowId();
                super.init(context);
            }

            @Override
            public ActivityOutput execute(ActivityInput input) {
                Tracing.tagOrder(orderId);
                return super.execute(input);
            }
        };
    }
}
