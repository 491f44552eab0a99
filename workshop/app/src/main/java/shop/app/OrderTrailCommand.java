package shop.app;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** A command that prints what a running shop knows of one order ({@code events}, {@code history}). */
abstract class OrderTrailCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ShopAddress shop;

    @Parameters(paramLabel = "ORDER_ID", description = "the order, e.g. b-k3f9x2.choreography")
    String orderId;

    @Override
    public final Integer call() throws Exception {
        print(OrderTrail.of(shop.baseUrl(), orderId), spec.commandLine().getOut());
        return 0;
    }

    /** @param entry the order's entry in its journey: {@code {"order", "records", "history"}} */
    abstract void print(JsonNode entry, PrintWriter out);
}
