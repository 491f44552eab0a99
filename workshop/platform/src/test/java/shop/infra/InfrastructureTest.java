package shop.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class InfrastructureTest {

    @Test
    void embeddedKafkaAndTemporalAreRealServersOnTheGivenPorts() throws Exception {
        int kafkaPort = Ports.pickFree();
        int temporalPort = Ports.pickFree();
        List<String> progress = new ArrayList<>();
        try (Infrastructure infra = Infrastructure.start(Map.of(), kafkaPort, temporalPort, progress::add)) {
            assertThat(infra.kafkaBootstrapServers()).isEqualTo("127.0.0.1:" + kafkaPort);
            assertThat(progress).hasSize(2);

            roundTripOneRecord(infra.kafkaBootstrapServers());

            WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
                    WorkflowServiceStubsOptions.newBuilder().setTarget(infra.temporalTarget()).build());
            try {
                assertThat(stubs.blockingStub().getSystemInfo(GetSystemInfoRequest.getDefaultInstance())).isNotNull();
            } finally {
                stubs.shutdownNow();
            }
        }
        assertThat(Ports.isFree(kafkaPort)).as("Kafka port released on close").isTrue();
        assertThat(Ports.isFree(temporalPort)).as("Temporal port released on close").isTrue();
    }

    @Test
    void externalServersAreUsedWhenTheEnvironmentNamesThem() {
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka.example:9092",
                "TEMPORAL_ADDRESS", "temporal.example:7233");
        try (Infrastructure infra = Infrastructure.start(env, 1, 1, line -> {})) {
            assertThat(infra.kafkaBootstrapServers()).isEqualTo("kafka.example:9092");
            assertThat(infra.temporalTarget()).isEqualTo("temporal.example:7233");
        }
    }

    @Test
    void aPortInUseIsNamedWithTheOptionThatChangesIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> EmbeddedKafka.start(taken.getLocalPort()))
                    .isInstanceOf(PortInUse.class)
                    .hasMessageContaining("port " + taken.getLocalPort())
                    .hasMessageContaining("--kafka-port");
        }
    }

    private static void roundTripOneRecord(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic("smoke", 1, (short) 1))).all().get();
        }
        Properties producerProps = new Properties();
        producerProps.put("bootstrap.servers", bootstrap);
        try (var producer = new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("smoke", "k", "hello")).get();
        }
        Properties consumerProps = new Properties();
        consumerProps.put("bootstrap.servers", bootstrap);
        consumerProps.put("group.id", "smoke");
        consumerProps.put("auto.offset.reset", "earliest");
        try (var consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("smoke"));
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach((ConsumerRecord<String, String> r) -> values.add(r.value()));
            }
            assertThat(values).containsExactly("hello");
        }
    }
}
