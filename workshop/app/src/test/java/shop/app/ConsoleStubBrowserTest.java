package shop.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import shop.api.ShopServer;
import shop.domain.Domain;
import shop.domain.Order;
import shop.flow.OrderFlow;
import shop.flow.OrderHistory;
import shop.flow.OrderRecords;
import shop.flow.OrderStatus;
import shop.flow.OrderView;
import shop.flow.ServiceControl;
import shop.flow.TimelineEntry;
import shop.observe.Observability;

/**
 * What the console shows of a flow that offers more than its timeline (Kafka records, workflow history, parts to
 * stop and start), drawn from a stub that answers at once, in a real headless Chromium; ConsoleBrowserTest does the
 * same with the real flows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleStubBrowserTest {
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private ShopServer server;
    private ConsoleBrowser console;
    private ChromeDriver browser;

    @BeforeAll
    void start() throws IOException {
        Optional<ConsoleBrowser> found = ConsoleBrowser.launch();
        if (found.isEmpty()) {
            return; // each test then says why it is skipped (or fails, in CI)
        }
        console = found.get();
        browser = console.driver;
        server = ShopServer.start(Domain.demo(), Observability.newRegistry("test"), List.of(new StubFlow()), 0);
        console.open(server.baseUrl());
        await("the console to load", () -> !browser.findElements(By.cssSelector("#flow-buttons button")).isEmpty());
    }

    @BeforeEach
    void needsChromium() {
        Chromium.require();
    }

    @AfterAll
    void stop() throws IOException {
        if (console != null) {
            console.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aFlowsKafkaRecordsAndWorkflowHistoryAreListedUnderItsJourney() throws IOException {
        browser.findElement(By.id("place-every")).click();
        await("the journey with its records", () -> !browser.findElements(By.cssSelector("details.trail")).isEmpty());

        List<WebElement> trails = browser.findElements(By.cssSelector("details.trail"));
        assertThat(trails).extracting(trail -> trail.findElement(By.tagName("summary")).getText())
                .containsExactly("Kafka records (1)", "Workflow history (2 events)");
        trails.forEach(trail -> trail.findElement(By.tagName("summary")).click());
        WebElement record = trails.get(0).findElement(By.cssSelector("tbody tr"));
        assertThat(record.getText()).contains("OrderPlaced").contains("3").contains("41")
                .contains("traceparent: " + TRACEPARENT);
        assertThat(trails.get(1).getText()).contains("ACTIVITY_TASK_SCHEDULED").contains("Charge");
        console.screenshot("records-and-history.png");
    }

    @Test
    void aServiceIsStoppedAndStartedAgainFromTheKeyboard() throws IOException {
        WebElement stop = await("the stop button", () -> button("stub/payment"));
        assertThat(stop.getText()).isEqualTo("Stop payment");

        stop.sendKeys(Keys.ENTER);
        WebElement start = await("payment to be stopped", () -> "Start payment".equals(button("stub/payment").getText())
                ? button("stub/payment") : null);
        assertThat(browser.findElement(By.id("service-list")).getText()).contains("stub · payment", "■ stopped");
        assertThat(browser.findElement(By.id("break-result")).getText()).isEqualTo("Stopped payment of the stub flow.");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('break').scrollIntoView()");
        console.screenshot("break-it-stopped.png");

        start.sendKeys(Keys.ENTER);
        await("payment to run again", () -> "Stop payment".equals(button("stub/payment").getText()) ? true : null);
        assertThat(browser.findElement(By.id("service-list")).getText()).contains("▶ running");
    }

    private WebElement button(String service) {
        List<WebElement> found = browser.findElements(By.cssSelector("[data-service='" + service + "']"));
        return found.isEmpty() ? null : found.get(0);
    }

    private <T> T await(String what, java.util.function.Supplier<T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(10), Duration.ofMillis(100))
                .withMessage("waited 10 s for " + what)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver -> {
                    T value = condition.get();
                    return Boolean.FALSE.equals(value) ? null : value;
                });
    }

    /** Completes every order at once and offers what the console can show beyond the timeline. */
    private static final class StubFlow implements OrderFlow, OrderRecords, OrderHistory, ServiceControl {
        private final Map<String, OrderView> orders = new ConcurrentHashMap<>();
        private final Set<String> stopped = ConcurrentHashMap.newKeySet();

        @Override
        public String name() {
            return "stub";
        }

        @Override
        public void place(Order order) {
            Instant at = Instant.now();
            orders.put(order.id(), new OrderView(order.id(), name(), OrderStatus.COMPLETED, null, null, false,
                    order.totalCents(), at, at.plusMillis(30), List.of(
                    new TimelineEntry("payment", "charge", at.plusMillis(5), at.plusMillis(10), "ok"),
                    new TimelineEntry("inventory", "reserve", at.plusMillis(12), at.plusMillis(18), "ok"),
                    new TimelineEntry("shipping", "book", at.plusMillis(20), at.plusMillis(28), "ok"))));
        }

        @Override
        public Optional<OrderView> view(String orderId) {
            return Optional.ofNullable(orders.get(orderId));
        }

        @Override
        public List<OrderRecords.Entry> records(String orderId) {
            return List.of(new OrderRecords.Entry("order-events", 3, 41, orders.get(orderId).placedAt(), orderId,
                    "OrderPlaced", Map.of("traceparent", TRACEPARENT)));
        }

        @Override
        public List<OrderHistory.Entry> history(String orderId) {
            Instant at = orders.get(orderId).placedAt();
            return List.of(new OrderHistory.Entry(1, at, "WORKFLOW_EXECUTION_STARTED", ""),
                    new OrderHistory.Entry(5, at.plusMillis(4), "ACTIVITY_TASK_SCHEDULED", "Charge"));
        }

        @Override
        public List<String> stoppableServices() {
            return List.of("payment", "worker");
        }

        @Override
        public boolean isRunning(String service) {
            return !stopped.contains(service);
        }

        @Override
        public void stop(String service) {
            stopped.add(service);
        }

        @Override
        public void start(String service) {
            stopped.remove(service);
        }
    }
}
