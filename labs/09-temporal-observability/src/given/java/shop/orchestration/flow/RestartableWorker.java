package shop.orchestration.flow;

import java.util.function.Supplier;

/**
 * The in-process worker, for the console's "break it": stop it and the workflows wait on their task queue (their
 * schedule-to-start grows); start it and a new worker picks them up and replays them. A Temporal worker factory
 * that was shut down cannot start again, so each start builds a new one.
 */
public final class RestartableWorker implements AutoCloseable {
    private final Supplier<? extends AutoCloseable> starter;
    private AutoCloseable running;

    /** Starts a worker now. @param starter starts a new worker each time it is called */
    public RestartableWorker(Supplier<? extends AutoCloseable> starter) {
        this.starter = starter;
        this.running = starter.get();
    }

    public synchronized boolean isRunning() {
        return running != null;
    }

    public synchronized void start() {
        if (running == null) {
            running = starter.get();
        }
    }

    /** Stops like a killed process: running activities are abandoned, and retried once a worker runs again. */
    public synchronized void stop() {
        if (running != null) {
            try {
                running.close();
            } catch (Exception e) {
                throw new IllegalStateException("stopping the worker failed", e);
            } finally {
                running = null;
            }
        }
    }

    @Override
    public void close() {
        stop();
    }
}
