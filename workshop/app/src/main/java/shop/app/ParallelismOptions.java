package shop.app;

import picocli.CommandLine.Option;
import shop.flow.Parallelism;

/** The options of {@code run} and {@code bench} that scale a flow: consumers per service group, task slots per worker. */
final class ParallelismOptions {
    @Option(names = "--consumers", defaultValue = "1", paramLabel = "N",
            description = "choreography: consumers in each service's consumer group (default ${DEFAULT-VALUE}); "
                    + "a group uses at most as many as order-events has partitions")
    int consumers;

    @Option(names = "--activity-slots", defaultValue = "0", paramLabel = "N",
            description = "orchestration: activities a worker runs at once (default: the SDK's, 200)")
    int activitySlots;

    @Option(names = "--workflow-slots", defaultValue = "0", paramLabel = "N",
            description = "orchestration: workflow tasks a worker runs at once, 2 or more (default: the SDK's, 200)")
    int workflowSlots;

    Parallelism value() {
        return new Parallelism(consumers, activitySlots, workflowSlots);
    }
}
