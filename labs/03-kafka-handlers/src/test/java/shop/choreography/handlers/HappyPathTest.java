package shop.choreography.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import shop.choreography.events.EventPublisher;
import shop.choreography.events.EventTopics;
import shop.choreography.events.OrderEvent.OrderPlaced;
import shop.domain.Domain;
import shop.domain.Order;
import shop.domain.OrderLine;
import shop.flow.OrderStatus;
import shop.flow.OrderView;
import shop.testkit.Labs;
import shop.testkit.SharedKafka;

/** Lab 03, end to end on a real broker: four services, each its own consumer group, and nobody in charge. */
@ExtendWith(SharedKafka.class)
class HappyPathTest {
    private final Domain domain = Domain.demo();
    private final Clock clock = Clock.systemUTC();
    private final EventTopics topics = new EventTopics("lab03-" + UUID.randomUUID() + ".");
    private final List<AutoCloseable> running = new ArrayList<>();
    private EventPublisher publisher;
    private OrderProjection orders;

    @BeforeEach
    void startServices() {
        FirstOpenTodo.ofTheHandlers("this test runs the four services together on Kafka, so it needs TODOs 1 to 6");
        String kafka = SharedKafka.bootstrapServers();
        topics.create(kafka);
        publisher = new EventPublisher(kafka, topics);
        Map<String, Handler> services = Map.of(
                "payment", new PaymentHandler(domain.payments(), clock),
                "inventory", new InventoryHandler(domain.inventory(), clock),
                "shipping", new ShippingHandler(domain.shipping(), clock),
                "order", new OrderDecider(clock));
        services.forEach((service, handler) -> running.add(new HandlerLoop(kafka, topics.group(service), topics.events(),
                RecordProcessor.decoding(handler), publisher, LoopHooks.NONE)));
        orders = new OrderProjection(kafka, topics.events(), ProjectionListener.NONE);
        running.add(orders);
    }

    @AfterEach
    void stopServices() throws Exception {
        for (AutoCloseable service : running) {
            service.close();
        }
        if (publisher != null) {
            publisher.close();
        }
    }

    @Test
    void todo5and6_placedOrdersAreChargedReservedBookedAndCompleted() throws Exception {
        List<Order> placed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Order order = new Order("order-" + UUID.randomUUID(), "grace", List.of(new OrderLine("MUG-1", 1, 900)));
            publisher.publish(OrderPlaced.of(order, Instant.now())).get(10, TimeUnit.SECONDS);
            placed.add(order);
        }

        Labs.await("TODO 5: every order COMPLETED (HandlerLoop must publish each answer)").until(() -> placed.stream()
                .allMatch(order -> orders.view(order.id()).map(view -> view.status() == OrderStatus.COMPLETED).orElse(false)));

        OrderView view = orders.view(placed.get(0).id()).orElseThrow();
        assertThat(view.timeline()).extracting(entry -> entry.service() + ":" + entry.step())
                .as("the order service rebuilt the timeline from the events")
                .containsExactly("payment:charge", "inventory:reserve", "shipping:book");
        for (Order order : placed) {
            assertThat(domain.payments().chargeCount(order.id())).as("charged once: " + order.id()).isEqualTo(1);
        }
        for (String service : List.of("payment", "inventory", "shipping", "order")) {
            Labs.await("TODO 6: consumer group " + topics.group(service) + " commits its offsets after its work is done")
                    .until(() -> uncommitted(topics.group(service)) == 0);
        }
    }

    /** Records on the topic that the group has not committed. */
    private long uncommitted(String group) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", SharedKafka.bootstrapServers()))) {
            var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            long behind = 0;
            for (int partition = 0; partition < EventTopics.PARTITIONS; partition++) {
                TopicPartition tp = new TopicPartition(topics.events(), partition);
                long end = admin.listOffsets(Map.of(tp, OffsetSpec.latest())).partitionResult(tp).get(5, TimeUnit.SECONDS).offset();
                var done = committed.get(tp);
                behind += end - (done == null ? 0 : done.offset());
            }
            return behind;
        }
    }
}
