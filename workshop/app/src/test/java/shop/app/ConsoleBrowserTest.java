package shop.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import shop.run.Shop;
import shop.testkit.ShopHttp;
import shop.travel.TravelCatalogue;

/**
 * The console in a real headless Chromium against a whole shop (embedded Kafka and Temporal, every flow): place the
 * same basket in every flow and watch each lane reach COMPLETED; set LAMP-1 out of stock and watch the compensation
 * drawn; see a chart move; book trips in every flow and see the trip charts move. Screenshots go to
 * target/console-screenshots: look at them, a broken layout is a bug.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
    private static final Duration ORDER_TIMEOUT = Duration.ofSeconds(120); // a first order on a loaded machine: JIT, the first workflow task
    private static final List<String> FLOWS = List.of("direct", "choreography", "orchestration");

    private Shop shop;
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
        shop = WholeShop.start();
        console.open(shop.baseUrl());
        console.await(Duration.ofSeconds(10), "the console to load its setup (one button per flow)",
                () -> browser.findElements(By.cssSelector("#flow-buttons button")).size() == FLOWS.size());
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
        if (shop != null) {
            shop.close();
        }
    }

    @Test
    @Order(1)
    void theSameBasketInEveryFlowReachesCompletedInEveryLane() throws IOException {
        browser.findElement(By.id("place-every")).sendKeys(Keys.ENTER); // the keyboard places it, as a mouse would

        console.await(ORDER_TIMEOUT, "the basket to be COMPLETED in every flow", () -> statuses().equals(
                List.of("COMPLETED", "COMPLETED", "COMPLETED")));

        List<WebElement> flows = browser.findElements(By.cssSelector("#journey-flows article.flow"));
        assertThat(flows).extracting(flow -> flow.getAttribute("data-impl")).containsExactlyElementsOf(FLOWS);
        String basket = browser.findElement(By.id("journey-title")).getText().replace("of basket ", "");
        assertThat(basket).matches("b-[a-z0-9]+");
        for (WebElement flow : flows) {
            String impl = flow.getAttribute("data-impl");
            assertThat(flow.findElement(By.cssSelector(".meta .id")).getText())
                    .as("the ids show the orders belong together").isEqualTo(basket + "." + impl);
            assertThat(flow.findElements(By.cssSelector(".step[data-step]")))
                    .extracting(step -> step.getAttribute("data-step")).containsExactly("charge", "reserve", "book");
            assertThat(flow.findElement(By.cssSelector("header .status")).getText())
                    .as("the outcome in words and a symbol, not by colour alone").isEqualTo("✓ COMPLETED");
        }
        WebElement records = trail("choreography");
        assertThat(records.findElement(By.tagName("summary")).getText()).isEqualTo("Kafka records (5)");
        WebElement history = trail("orchestration");
        assertThat(history.findElement(By.tagName("summary")).getText()).matches("Workflow history \\(\\d+ events\\)");
        history.findElement(By.tagName("summary")).sendKeys(Keys.ENTER); // opens it, from the keyboard
        console.await(Duration.ofSeconds(5), "the history to open", () -> trail("orchestration").getAttribute("open") != null);
        assertThat(trail("orchestration").getText()).contains("WORKFLOW_EXECUTION_STARTED", "ACTIVITY_TASK_COMPLETED",
                "Charge", "Reserve", "Book", "WORKFLOW_EXECUTION_COMPLETED");
        console.screenshot("journey-completed.png");
    }

    @Test
    @Order(2)
    void lampOutOfStockIsRejectedAndTheRefundIsDrawnGoingBack() throws IOException {
        browser.findElement(By.cssSelector("[data-scenario='lamp-out']")).click();
        console.await(Duration.ofSeconds(10), "the LAMP-1 scenario to be on", () -> "true".equals(
                browser.findElement(By.cssSelector("[data-scenario='lamp-out']")).getAttribute("aria-pressed")));
        new Select(browser.findElement(By.id("sku-1"))).selectByValue("LAMP-1");
        browser.findElement(By.id("place-every")).click();

        console.await(ORDER_TIMEOUT, "the LAMP-1 basket to be REJECTED in every flow", () -> statuses().equals(
                List.of("REJECTED", "REJECTED", "REJECTED")));

        for (WebElement flow : browser.findElements(By.cssSelector("#journey-flows article.flow"))) {
            assertThat(flow.findElements(By.cssSelector(".step.compensation[data-step='refund']")))
                    .as("%s: the refund drawn as a compensation", flow.getAttribute("data-impl")).hasSize(1);
            assertThat(flow.findElements(By.cssSelector("td.pass.back")))
                    .as("%s: a step going back, from inventory to payment", flow.getAttribute("data-impl")).isNotEmpty();
            assertThat(flow.findElement(By.cssSelector("header .status")).getText()).isEqualTo("✗ REJECTED: out-of-stock");
        }
        console.screenshot("journey-compensated.png");

        browser.findElement(By.id("reset-faults")).click();
        console.await(Duration.ofSeconds(10), "the faults to be reset", () -> "false".equals(
                browser.findElement(By.cssSelector("[data-scenario='lamp-out']")).getAttribute("aria-pressed")));
    }

    @Test
    @Order(3)
    void theChartsMoveAndTheWholePageRendersWithoutErrors() throws IOException {
        browser.findElement(By.id("place-every")).click(); // one more basket, so the last 10 s saw orders
        console.await(Duration.ofSeconds(20), "the 'orders placed per second' chart to show a rate above 0 for every flow",
                () -> FLOWS.stream().allMatch(flow -> {
                    List<WebElement> value = browser.findElements(By.cssSelector(
                            "[data-chart='placed'] .value[data-series='" + flow + "']"));
                    return !value.isEmpty() && value.get(0).getText().matches("[0-9.]+/s")
                            && Double.parseDouble(value.get(0).getText().replace("/s", "")) > 0;
                }));
        assertThat(browser.findElements(By.cssSelector("[data-chart='placed'] canvas"))).as("uPlot drew the chart").isNotEmpty();

        browser.manage().window().setSize(new Dimension(1280, 2700));
        console.screenshot("console-full-page.png");
        Chromium.projector(browser);

        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(errors).as("errors in the browser's console (a blocked script or style shows here)").isEmpty();
    }

    @Test
    @Order(4)
    void aStoppedServiceAndAStoppedWorkerHoldTheirOrdersUntilStartedAgain() throws IOException {
        switchService("choreography/payment", "Stop payment", "Start payment");
        switchService("orchestration/worker", "Stop worker", "Start worker");
        assertThat(browser.findElement(By.id("service-list")).getText())
                .as("the state in words and a symbol, not by colour alone").contains("■ stopped");

        browser.findElement(By.id("place-every")).click();
        console.await(ORDER_TIMEOUT, "the direct order to complete while the others wait", () -> statuses().equals(
                List.of("COMPLETED", "PENDING", "PENDING")));
        console.await(Duration.ofSeconds(20), "the payment group's lag to show the waiting order", () -> {
            List<WebElement> lag = browser.findElements(By.cssSelector("[data-chart='lag'] .value[data-series='payment']"));
            return !lag.isEmpty() && lag.get(0).getText().matches("[1-9][0-9]*");
        });
        ((JavascriptExecutor) browser).executeScript("document.getElementById('break').scrollIntoView()");
        console.screenshot("break-it-payment-and-worker-stopped.png");

        switchService("choreography/payment", "Start payment", "Stop payment");
        switchService("orchestration/worker", "Start worker", "Stop worker");
        console.await(ORDER_TIMEOUT, "every lane to complete once payment and the worker run again", () -> statuses().equals(
                List.of("COMPLETED", "COMPLETED", "COMPLETED")));
        console.await(Duration.ofSeconds(20), "the workflow task schedule-to-start chart to show the wait", () -> {
            List<WebElement> wait = browser.findElements(By.cssSelector(
                    "[data-chart='workflowTaskScheduleToStart'] .value[data-series='orders']"));
            return !wait.isEmpty() && !wait.get(0).getText().equals("–");
        });
        ((JavascriptExecutor) browser).executeScript(
                "document.querySelector(\"[data-chart='workflowTaskScheduleToStart']\").scrollIntoView()");
        console.screenshot("schedule-to-start.png");
    }

    @Test
    @Order(5)
    void tripsBookedInEveryStyleMoveTheTripCharts() throws IOException {
        WebElement placedChart = browser.findElement(By.cssSelector("[data-chart='tripsPlaced']"));
        assertThat(placedChart.findElement(By.cssSelector(".promql")).getText())
                .isEqualTo("sum(rate(shop_trips_placed_total{impl=\"$style\"}[$__rate_interval]))");
        assertThat(placedChart.findElement(By.cssSelector(".panel-name")).getText())
                .contains("side-by-side", "trips placed, confirmed, rejected per second");

        ShopHttp http = new ShopHttp(shop.baseUrl());
        for (String style : FLOWS) {
            assertThat(http.bookTrip("chart-ok." + style, style, "LIS-COMPACT").status()).isEqualTo(201);
            assertThat(http.bookTrip("chart-no-car." + style, style, TravelCatalogue.SOLD_OUT_CAR).status()).isEqualTo(201);
        }

        awaitEveryFlowAboveZero("tripsPlaced");
        awaitEveryFlowAboveZero("tripsRejected");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", placedChart);
        console.screenshot("trip-charts.png");
    }

    /**
     * A rate over the console's 10 s window stays above 0 for about 10 s after a trip: each flow's line is watched
     * until it has been above 0 once, so a flow whose trip ended early is not missed while another is waited for.
     */
    private void awaitEveryFlowAboveZero(String chart) {
        Set<String> seen = new java.util.TreeSet<>();
        console.await(ORDER_TIMEOUT, "the chart " + chart + " to show a rate above 0 for every flow", () -> {
            for (WebElement value : browser.findElements(By.cssSelector("[data-chart='" + chart + "'] .value"))) {
                String text = value.getText();
                if (text.matches("[0-9.]+/s") && Double.parseDouble(text.replace("/s", "")) > 0) {
                    seen.add(value.getAttribute("data-series"));
                }
            }
            return seen.containsAll(FLOWS);
        });
    }

    /** Presses the service's button from the keyboard and waits for it to offer the opposite. */
    private void switchService(String service, String label, String then) {
        By button = By.cssSelector("[data-service='" + service + "']");
        console.await(Duration.ofSeconds(10), "the button \"" + label + "\"", () -> browser.findElements(button).stream()
                .anyMatch(found -> found.getText().equals(label)));
        browser.findElement(button).sendKeys(Keys.ENTER);
        console.await(Duration.ofSeconds(20), "the button to say \"" + then + "\"", () -> browser.findElements(button).stream()
                .anyMatch(found -> found.getText().equals(then)));
    }

    private WebElement trail(String impl) {
        return browser.findElement(By.cssSelector("#journey-flows article.flow[data-impl='" + impl + "'] details.trail"));
    }

    private List<String> statuses() {
        return browser.findElements(By.cssSelector("#journey-flows article.flow")).stream()
                .map(flow -> flow.getAttribute("data-status")).toList();
    }
}
