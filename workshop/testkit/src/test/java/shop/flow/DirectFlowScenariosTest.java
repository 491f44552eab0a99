package shop.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import shop.testkit.OrderFlowScenarios;

/** The baseline runs the same scenarios as the Kafka and Temporal flows. */
class DirectFlowScenariosTest extends OrderFlowScenarios {
    @Override
    protected OrderFlow startFlow(ShopContext context) {
        return new DirectFlow(context.domain(), context.listener());
    }

    /** Retry.DEFAULT: 8 attempts, 20 ms doubling to 1 s between them. */
    @Override
    protected Optional<Duration> givesUpOnAServiceThatIsDownAfter() {
        return Optional.of(Retry.DEFAULT.patience());
    }

    @Test
    void theDefaultRetriesGiveUpAfterAbout2Seconds() {
        assertThat(Retry.DEFAULT.patience()).isEqualTo(Duration.ofMillis(2_260));
        assertThat(new Retry(1, Duration.ofMillis(20), Duration.ofSeconds(1)).patience()).isZero();
    }
}
