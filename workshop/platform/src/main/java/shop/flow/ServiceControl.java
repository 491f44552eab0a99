package shop.flow;

import java.util.List;

/**
 * A flow whose parts running in this process can be stopped and started again while the shop runs: the console's
 * "break it" demos. Stop the payment handler and watch the consumer lag grow; stop the worker and watch the
 * workflows wait; start it again and watch them catch up. A flow that implements this is offered stop and start
 * buttons in the console; the others are listed as not stoppable.
 */
public interface ServiceControl {
    /** The parts this process runs and can stop, e.g. "order", "payment", "inventory", "shipping" or "worker". */
    List<String> stoppableServices();

    boolean isRunning(String service);

    /**
     * Stops the part like a killed process: work in progress is abandoned and the rest of the flow goes on.
     * Stopping a stopped part does nothing.
     *
     * @throws IllegalArgumentException for a part not in {@link #stoppableServices()}
     */
    void stop(String service);

    /** Starts the part again; starting a running part does nothing. */
    void start(String service);
}
