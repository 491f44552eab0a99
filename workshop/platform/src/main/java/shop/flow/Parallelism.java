package shop.flow;

/**
 * How much of each part of a flow runs at once: the knob lab 10 turns to scale a slow step.
 *
 * @param consumersPerGroup choreography: consumers in each service's consumer group (one thread each). More than
 *                          the topic's partitions leaves the extra consumers idle: a partition has one reader per group
 * @param activitySlots     orchestration: activities one worker runs at once; 0 keeps the SDK's default (200)
 * @param workflowSlots     orchestration: workflow tasks one worker runs at once, 2 or more; 0 keeps the SDK's default (200)
 */
public record Parallelism(int consumersPerGroup, int activitySlots, int workflowSlots) {
    public static final Parallelism DEFAULT = new Parallelism(1, 0, 0);

    public Parallelism {
        if (consumersPerGroup < 1) {
            throw new IllegalArgumentException("consumers per group must be 1 or more, not " + consumersPerGroup);
        }
        if (activitySlots < 0 || workflowSlots < 0) {
            throw new IllegalArgumentException("task slots must be 0 (the SDK's default) or more");
        }
        if (workflowSlots == 1) { // measured: with one slot, no order's workflow task ever ran on the test server
            throw new IllegalArgumentException("workflow task slots must be 2 or more (or 0, the SDK's default): a worker "
                    + "with one slot ran no workflow at all");
        }
    }

    public String describe() {
        return "consumers per group " + consumersPerGroup + ", activity slots " + slots(activitySlots)
                + ", workflow task slots " + slots(workflowSlots);
    }

    private static String slots(int slots) {
        return slots == 0 ? "SDK default (200)" : String.valueOf(slots);
    }
}
