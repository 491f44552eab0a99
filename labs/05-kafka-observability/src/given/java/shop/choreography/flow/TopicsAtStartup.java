package shop.choreography.flow;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.choreography.events.EventTopics;

/** Creates the flow's topics, waiting for a broker that is still starting: one clear line per try, then a clear error. */
final class TopicsAtStartup {
    private static final Logger log = LoggerFactory.getLogger(TopicsAtStartup.class);
    private static final int ATTEMPTS = 6;
    private static final Duration PAUSE = Duration.ofSeconds(5);

    private TopicsAtStartup() {}

    static void create(EventTopics topics, String bootstrapServers) {
        for (int attempt = 1; ; attempt++) {
            try {
                topics.create(bootstrapServers);
                return;
            } catch (IllegalStateException e) {
                if (attempt == ATTEMPTS) {
                    throw new IllegalStateException("Kafka at " + bootstrapServers + " is not reachable after " + ATTEMPTS
                            + " tries. Is it running? (KAFKA_BOOTSTRAP_SERVERS says where it is.) Last error: " + e.getMessage());
                }
                log.warn("Kafka at {} is not reachable yet ({}); trying again in {} s ({} of {})", bootstrapServers,
                        e.getMessage(), PAUSE.toSeconds(), attempt, ATTEMPTS);
                sleep();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }
}
