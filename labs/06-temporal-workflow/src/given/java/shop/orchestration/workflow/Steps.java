package shop.orchestration.workflow;

import java.util.Locale;
import java.util.Map;

/** The step names the shop's timelines and metrics use, and which service owns each step. */
public final class Steps {
    public static final String TASK_QUEUE = "orders";

    private static final Map<String, String> SERVICE_OF_STEP = Map.of(
            "charge", "payment", "refund", "payment",
            "reserve", "inventory", "release", "inventory",
            "book", "shipping", "cancel", "shipping");

    private Steps() {}

    /** "Charge" (a Temporal activity type) becomes "charge". */
    public static String stepOf(String activityType) {
        return activityType.toLowerCase(Locale.ROOT);
    }

    public static String serviceOf(String step) {
        return SERVICE_OF_STEP.getOrDefault(step, "order");
    }
}
