package shop.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import shop.flow.OrderControl;
import shop.flow.OrderFlow;
import shop.flow.OrderStatus;
import shop.flow.OrderView;

/**
 * Lab 08's query and signal over HTTP, for the orders of a flow that implements {@link OrderControl}:
 * <ul>
 *   <li>{@code GET /orders/{id}/progress}: where the order stands, asked of the order itself (its workflow's query:
 *       it needs a running worker, unlike {@code GET /orders/{id}}, which reads the history);</li>
 *   <li>{@code POST /orders/{id}/cancel} {@code {"reason": "customer-cancelled"}} (the reason is optional): the
 *       cancel signal; 202 once the signal is stored, after which the order undoes what it did.</li>
 * </ul>
 * An unknown id is a 404; an order of a flow without a query or signal, or one that has ended, a 409.
 */
final class OrderControlRoutes {
    static final String DEFAULT_REASON = "customer-cancelled";
    private static final Pattern REASON = Pattern.compile("[A-Za-z0-9._ -]{1,64}");

    private final Map<String, OrderFlow> flows;
    private final Function<String, Optional<OrderView>> views;

    private OrderControlRoutes(Map<String, OrderFlow> flows, Function<String, Optional<OrderView>> views) {
        this.flows = flows;
        this.views = views;
    }

    /** @param views the API's view of an order, as {@code GET /orders/{id}} answers it */
    static void register(RoutesConfig routes, Map<String, OrderFlow> flows, Function<String, Optional<OrderView>> views) {
        OrderControlRoutes control = new OrderControlRoutes(flows, views);
        routes.get("/orders/{id}/progress", control::progress);
        routes.post("/orders/{id}/cancel", control::cancel);
    }

    private void progress(Context ctx) {
        OrderView order = find(ctx.pathParam("id"));
        OrderControl.Progress progress;
        try {
            progress = controlOf(order).progress(order.id());
        } catch (OrderControl.Unanswered unanswered) {
            throw new ApiError(503, null, "no worker answered the query about order " + order.id() + " in time: a "
                    + "query runs in a worker. GET /orders/" + order.id() + " reads the history and answers anyway");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", order.id());
        body.put("impl", order.impl());
        body.put("status", progress.status());
        body.put("currentStep", progress.currentStep());
        body.put("reason", progress.reason());
        ctx.json(body);
    }

    private void cancel(Context ctx) {
        String id = ctx.pathParam("id");
        JsonFields body = JsonFields.of(JsonBody.read(ctx.bodyAsBytes()), "", "an object with an optional reason");
        body.allowOnly(Set.of("reason"), "the only field is reason");
        String reason = body.optionalText("reason").orElse(DEFAULT_REASON);
        if (!REASON.matcher(reason).matches()) {
            throw ApiError.badField("reason", "1 to 64 letters, digits, spaces, dots, dashes or underscores, was \""
                    + Printable.of(reason) + "\"");
        }
        OrderView order = find(id);
        OrderControl control = controlOf(order);
        if (order.status() != OrderStatus.PENDING) {
            throw ended(order.id(), order.status().name());
        }
        try {
            control.cancel(order.id(), reason);
        } catch (OrderControl.Finished finished) {
            throw ended(order.id(), "ended meanwhile");
        }
        ctx.status(202).json(Map.of("id", order.id(), "cancelRequested", true, "reason", reason));
    }

    private OrderView find(String id) {
        return views.apply(id).orElseThrow(() -> new ApiError(404, "id", "id: no order \"" + Printable.of(id) + "\""));
    }

    private OrderControl controlOf(OrderView order) {
        if (flows.get(order.impl()) instanceof OrderControl control) {
            return control;
        }
        List<String> able = flows.entrySet().stream().filter(flow -> flow.getValue() instanceof OrderControl)
                .map(Map.Entry::getKey).toList();
        throw new ApiError(409, "id", "id: order " + order.id() + " runs in the " + order.impl() + " flow, which has no "
                + "query or signal; only the orders of " + (able.isEmpty() ? "no flow running here" : able)
                + " can be asked and cancelled");
    }

    private static ApiError ended(String id, String how) {
        return new ApiError(409, "id", "id: order " + id + " has already ended (" + how + "): there is nothing to cancel");
    }
}
