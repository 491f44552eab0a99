package shop.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabResultTest {
    @TempDir
    Path reports;

    @Test
    void readsCountsAndTheFirstFailureFromFailsafeReports() throws Exception {
        Files.writeString(reports.resolve("TEST-shop.metrics.OrderMetricsTest.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite name="shop.metrics.OrderMetricsTest" tests="5" errors="1" skipped="0" failures="2">
                  <testcase name="todo1"><failure message="[TODO 1: shop_orders_placed_total] &#10;expected: 3.0" type="x"/></testcase>
                </testsuite>
                """);

        LabResult result = LabResult.read("01-metrics", reports, false);

        assertThat(result.tests()).isEqualTo(5);
        assertThat(result.failed()).isEqualTo(3);
        assertThat(result.passed()).isEqualTo(2);
        assertThat(result.shortFailure()).isEqualTo("[TODO 1: shop_orders_placed_total] expected: 3.0");
        assertThat(result.failsLikeAStarterShould()).isTrue();
        assertThat(result.done()).isFalse();
    }

    @Test
    void aBuildThatFailedWithoutRunningTestsIsNotAProperStarterFailure() throws Exception {
        LabResult result = LabResult.read("02-x", reports.resolve("missing"), false);

        assertThat(result.failsLikeAStarterShould()).isFalse();
        assertThat(result.shortFailure()).contains("does it compile?");
    }
}
