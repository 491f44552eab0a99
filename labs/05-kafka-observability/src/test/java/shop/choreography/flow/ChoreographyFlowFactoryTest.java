package shop.choreography.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import shop.domain.Domain;
import shop.domain.Order;
import shop.domain.OrderLine;
import shop.flow.FlowFactory;
import shop.flow.OrderFlow;
import shop.flow.OrderListener;
import shop.flow.OrderStatus;
import shop.flow.ShopContext;
import shop.choreography.observe.FirstOpenTodo;
import shop.testkit.Labs;
import shop.testkit.SharedKafka;

/** How the shop plugs the choreography in: found by ServiceLoader, and each service can run on its own. */
@ExtendWith(SharedKafka.class)
class ChoreographyFlowFactoryTest {
    @Test
    void theShopFindsTheChoreographyAndItsServices() {
        FlowFactory factory = choreography();

        assertThat(factory.services()).containsExactly("order", "payment", "inventory", "shipping");
    }

    @Test
    void aSkippedServiceLeavesOrdersWaitingUntilItRunsElsewhere() throws Exception {
        FirstOpenTodo.ofTheChoreography("this test runs the choreography with its payment service apart");
        Domain domain = Domain.demo();
        ShopContext context = new ShopContext(domain, new SimpleMeterRegistry(), OrderListener.NONE,
                SharedKafka.bootstrapServers(), null, Set.of("payment"));
        Order order = new Order("order-" + UUID.randomUUID(), "ada", List.of(new OrderLine("BOOK-1", 1, domain.catalog().priceCents("BOOK-1").orElseThrow())));

        try (OrderFlow flow = choreography().create(context)) {
            flow.place(order);
            Labs.await("the order to be seen, waiting for payment").until(() -> flow.view(order.id())
                    .map(view -> "charge".equals(view.currentStep())).orElse(false));

            try (AutoCloseable payment = choreography().startService("payment", context)) {
                Labs.await("the order to complete once payment runs").until(() -> flow.view(order.id())
                        .map(view -> view.status() == OrderStatus.COMPLETED).orElse(false));
            }
        }
        assertThat(domain.payments().chargeCount(order.id())).isEqualTo(1);
    }

    private static FlowFactory choreography() {
        return ServiceLoader.load(FlowFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(factory -> factory.name().equals("choreography")).findFirst()
                .orElseThrow(() -> new AssertionError("no FlowFactory named choreography in META-INF/services"));
    }
}
