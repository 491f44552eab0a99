package shop.bench.orchestration;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import shop.domain.Domain;
import shop.domain.Order;
import shop.domain.OrderLine;
import shop.flow.OrderFlow;
import shop.flow.OrderListener;
import shop.flow.OrderStatus;
import shop.flow.ShopContext;
import shop.infra.EmbeddedTemporal;
import shop.infra.Ports;
import shop.orchestration.flow.OrchestrationFlowFactory;
import shop.orchestration.flow.TemporalConnection;

/**
 * Pushes N orders through the orchestration flow, then N workflows of three no-op activities through the same
 * server, and prints both throughputs and latencies. The ratio is what our code (domain calls, saga, listener,
 * interceptors) costs on top of Temporal's own cost. A benchmark, not a test: the figures depend on the machine.
 */
public final class OrchestrationBenchmark {
    private static final Duration PATIENCE = Duration.ofMinutes(10);

    private OrchestrationBenchmark() {}

    public record Figures(int count, Duration elapsed, List<Duration> latencies) {
        public double perSecond() {
            return count / (elapsed.toNanos() / 1e9);
        }

        public Duration percentile(double p) {
            List<Duration> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            return sorted.get(Math.max(0, (int) Math.ceil(p / 100 * sorted.size()) - 1));
        }

        String line(String what) {
            return String.format("%-34s %6d in %6.2f s = %8.1f/s   p50 %5d ms   p95 %5d ms   p99 %5d ms",
                    what, count, elapsed.toMillis() / 1000.0, perSecond(),
                    percentile(50).toMillis(), percentile(95).toMillis(), percentile(99).toMillis());
        }
    }

    public static void run(String temporalTarget, int orderCount, PrintStream out) throws InterruptedException {
        out.printf("Temporal at %s, %d orders%n", temporalTarget, orderCount);
        Figures orders = orders(temporalTarget, orderCount);
        out.println(orders.line("orchestration flow (orders)"));
        Figures raw = noOpWorkflows(temporalTarget, orderCount);
        out.println(raw.line("3 no-op activities (workflows)"));
        out.printf("ratio: the order flow runs at %.0f%% of the no-op workflow's throughput (%.2fx its cost)%n",
                100 * orders.perSecond() / raw.perSecond(), raw.perSecond() / orders.perSecond());
    }

    static Figures orders(String temporalTarget, int count) throws InterruptedException {
        ConcurrentLinkedQueue<Duration> latencies = new ConcurrentLinkedQueue<>();
        CountDownLatch done = new CountDownLatch(count);
        OrderListener listener = new OrderListener() {
            @Override
            public void finished(String impl, Order order, OrderStatus status, boolean compensated, Duration endToEnd) {
                latencies.add(endToEnd);
                done.countDown();
            }
        };
        Domain domain = Domain.demo();
        ShopContext context = new ShopContext(domain, new SimpleMeterRegistry(), listener, null, temporalTarget, Set.of());
        long price = domain.catalog().priceCents("BOOK-1").orElseThrow();
        try (OrderFlow flow = new OrchestrationFlowFactory(OpenTelemetry.noop()).create(context)) {
            long started = System.nanoTime();
            for (int i = 0; i < count; i++) {
                flow.place(new Order("bench-" + UUID.randomUUID(), "bench", List.of(new OrderLine("BOOK-1", 1, price))));
            }
            await(done, "orders");
            return new Figures(count, Duration.ofNanos(System.nanoTime() - started), List.copyOf(latencies));
        }
    }

    /** The raw figure: workflows of three no-op activities, with the same worker settings as the order flow. */
    public static Figures noOpWorkflows(String temporalTarget, int count) throws InterruptedException {
        WorkflowClient client = TemporalConnection.connect(temporalTarget, new SimpleMeterRegistry(), OpenTelemetry.noop());
        WorkerFactory factory = WorkerFactory.newInstance(client);
        Worker worker = factory.newWorker(NoOpWorkflow.TASK_QUEUE, WorkerOptions.newBuilder()
                .setStickyQueueScheduleToStartTimeout(Duration.ZERO) // the same worker settings as the order flow
                .build());
        worker.registerWorkflowImplementationTypes(NoOpWorkflow.Impl.class);
        worker.registerActivitiesImplementations(new NoOpWorkflow.NoOpSteps());
        factory.start();
        try {
            ConcurrentLinkedQueue<Duration> latencies = new ConcurrentLinkedQueue<>();
            CountDownLatch done = new CountDownLatch(count);
            long started = System.nanoTime();
            for (int i = 0; i < count; i++) {
                NoOpWorkflow workflow = client.newWorkflowStub(NoOpWorkflow.class, WorkflowOptions.newBuilder()
                        .setWorkflowId("bench-noop-" + UUID.randomUUID()).setTaskQueue(NoOpWorkflow.TASK_QUEUE).build());
                long placed = System.nanoTime();
                WorkflowClient.start(workflow::run);
                CompletableFuture<Void> result = WorkflowStub.fromTyped(workflow).getResultAsync(Void.class);
                result.thenRun(() -> {
                    latencies.add(Duration.ofNanos(System.nanoTime() - placed));
                    done.countDown();
                });
            }
            await(done, "no-op workflows");
            return new Figures(count, Duration.ofNanos(System.nanoTime() - started), List.copyOf(latencies));
        } finally {
            factory.shutdownNow();
            factory.awaitTermination(10, TimeUnit.SECONDS);
            TemporalConnection.close(client);
        }
    }

    private static void await(CountDownLatch done, String what) throws InterruptedException {
        if (!done.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(done.getCount() + " " + what + " still unfinished after " + PATIENCE);
        }
    }

    /** {@code [orderCount]} on an embedded server on a free port, or {@code temporalTarget orderCount}. */
    public static void main(String[] args) throws InterruptedException {
        if (args.length == 2) {
            run(args[0], Integer.parseInt(args[1]), System.out);
            return;
        }
        int count = args.length == 1 ? Integer.parseInt(args[0]) : 500;
        try (EmbeddedTemporal temporal = EmbeddedTemporal.start(Ports.pickFree())) {
            run(temporal.target(), count, System.out);
        }
    }
}
