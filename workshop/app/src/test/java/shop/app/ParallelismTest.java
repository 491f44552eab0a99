package shop.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import shop.choreography.events.EventTopics;
import shop.choreography.flow.ChoreographyService;
import shop.domain.Domain;
import shop.flow.OrderFlow;
import shop.flow.OrderListener;
import shop.flow.Parallelism;
import shop.flow.ShopContext;
import shop.infra.EmbeddedTemporal;
import shop.infra.Ports;
import shop.orchestration.flow.OrchestrationFlowFactory;
import shop.testkit.SharedKafka;

/** {@code --consumers} and {@code --activity-slots} reach a real consumer group and a real Temporal worker. */
@ExtendWith(SharedKafka.class)
class ParallelismTest {
    private static final Duration PATIENCE = Duration.ofMinutes(2); // a busy machine: a group can take long to settle

    @Test
    void threeConsumersOfAServiceShareThePartitionsOfItsGroup() throws Exception {
        String prefix = "parallel-" + UUID.randomUUID() + ".";
        ShopContext context = new ShopContext(Domain.demo(), new SimpleMeterRegistry(), OrderListener.NONE,
                SharedKafka.bootstrapServers(), null, Set.of(), new Parallelism(3, 0, 0));
        String group = new EventTopics(prefix).group("payment");
        try (ChoreographyService payment = new ChoreographyService("payment", context, prefix);
             Admin admin = Admin.create(Map.of("bootstrap.servers", SharedKafka.bootstrapServers()))) {
            Awaitility.await("the payment group: 3 members with 4 of the 12 partitions each").atMost(PATIENCE)
                    .pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                        ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
                                .describedGroups().get(group).get();
                        assertThat(description.members()).as("members of " + group).hasSize(3);
                        Set<TopicPartition> assigned = new HashSet<>();
                        for (MemberDescription member : description.members()) {
                            assertThat(member.assignment().topicPartitions()).as(member.consumerId()).hasSize(4);
                            assigned.addAll(member.assignment().topicPartitions());
                        }
                        assertThat(assigned).as("every partition read by one member").hasSize(EventTopics.PARTITIONS);
                    });
        }
    }

    @Test
    void theWorkerOffersAsManyTaskSlotsAsAsked() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (EmbeddedTemporal temporal = EmbeddedTemporal.start(Ports.pickFree())) {
            ShopContext context = new ShopContext(Domain.demo(), registry, OrderListener.NONE, null, temporal.target(),
                    Set.of(), new Parallelism(1, 3, 5));
            try (OrderFlow flow = new OrchestrationFlowFactory(OpenTelemetry.noop()).create(context)) {
                Awaitility.await("the worker's free task slots, as the SDK reports them").atMost(PATIENCE)
                        .untilAsserted(() -> {
                            assertThat(slots(registry, "ActivityWorker")).as("activity slots").isEqualTo(3);
                            assertThat(slots(registry, "WorkflowWorker")).as("workflow task slots").isEqualTo(5);
                        });
            }
        }
    }

    private static double slots(SimpleMeterRegistry registry, String workerType) {
        Gauge gauge = registry.find("temporal_worker_task_slots_available").tag("worker_type", workerType).gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }

    @Test
    void nonsenseParallelismIsAOneLineError() {
        Cli cli = new Cli();
        assertThat(cli.run("run", "--consumers", "0")).isEqualTo(2);
        assertThat(cli.err.toString()).contains("consumers per group must be 1 or more");
        Cli oneWorkflowSlot = new Cli();
        assertThat(oneWorkflowSlot.run("bench", "--workflow-slots", "1")).isEqualTo(2);
        assertThat(oneWorkflowSlot.err.toString()).contains("workflow task slots must be 2 or more").doesNotContain("Exception");
    }
}
