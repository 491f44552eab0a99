package shop.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import shop.flow.OrderListener;
import shop.metrics.OrderMetrics;
import shop.run.ServiceProcess;
import shop.run.Shop;
import shop.run.ShopOptions;
import shop.testkit.ShopHttp;

/**
 * The console's "Processes" panel in a real headless Chromium, against a shop running the choreography without its
 * payment service (--skip-service payment): first the line saying how to split one off, then a real payment
 * {@link ServiceProcess} listed as up, with its charges and refunds in the ledger, then listed as not reporting once
 * it stops, its charges kept.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleProcessesBrowserTest {
    private static final Duration PATIENCE = Duration.ofSeconds(120); // orders through Kafka on a loaded 2-core machine
    private static final String PAYMENT_ROW = "#process-list tr[data-process^='payment-']";

    private ShopOptions options;
    private Shop shop;
    private ServiceProcess payment;
    private ShopHttp http;
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
        options = WholeShop.leaving(List.of("choreography"), Set.of("payment"));
        shop = Shop.start(options, OrderMetrics::new, line -> {});
        http = new ShopHttp(shop.baseUrl());
        console.open(shop.baseUrl());
    }

    @BeforeEach
    void needsChromium() {
        Chromium.require();
    }

    @AfterAll
    void stop() throws Exception {
        if (console != null) {
            console.close();
        }
        if (payment != null) {
            payment.close();
        }
        if (shop != null) {
            shop.close();
        }
    }

    @Test
    @Order(1)
    void withNoProcessSplitOffThePanelSaysHowToStartOne() throws IOException {
        console.await(Duration.ofSeconds(20), "the line saying no service runs in a process of its own",
                () -> !browser.findElements(By.id("no-split")).isEmpty());

        assertThat(browser.findElement(By.id("no-split")).getText())
                .contains("--skip-service payment", "./shop run --impl choreography --service payment");
        assertThat(browser.findElements(By.cssSelector("#process-list tbody tr")))
                .extracting(row -> row.getAttribute("data-process")).containsExactly("shop");
        assertThat(figure("charges")).isEqualTo("0");
        assertThat(figure("chargedTwice")).isEqualTo("✓ No order charged twice.");
        screenshot("processes-none-split.png");
    }

    @Test
    @Order(2)
    void aSplitPaymentServiceIsListedUpAndItsChargesAndRefundsCountInTheLedger() throws IOException {
        payment = ServiceProcess.start("choreography", "payment", WholeShop.serviceBeside(options), shop.baseUrl(),
                registry -> OrderListener.NONE, line -> {});
        console.await(PATIENCE, "the payment process listed as up, with the shop's faults", () ->
                cell(PAYMENT_ROW, "state").equals("▶ up") && cell(PAYMENT_ROW, "faults").equals("the shop's"));
        assertThat(browser.findElements(By.id("no-split"))).as("the 'no split-out process' line is gone").isEmpty();
        assertThat(browser.findElement(By.cssSelector(PAYMENT_ROW + " a")).getText()).matches("127\\.0\\.0\\.1:\\d+");

        assertThat(http.put("/faults", "{\"outOfStock\": [\"LAMP-1\"]}").status()).isEqualTo(200);
        http.placeOrder("ada", "BOOK-1", 2);
        http.placeOrder("ada", "LAMP-1", 1); // charged, then refunded when inventory finds it out of stock

        console.await(PATIENCE, "two charges and one refund in the ledger line", () ->
                figure("charges").equals("2") && figure("refunds").equals("1"));
        JsonNode ledger = http.get("/ledger").body();
        assertThat(figure("ordersCharged")).isEqualTo("2");
        assertThat(browser.findElement(By.id("ledger-summary")).getText()).contains(
                String.format(Locale.ROOT, "charges 2 (%.2f)", ledger.path("chargedCents").asLong() / 100.0),
                String.format(Locale.ROOT, "refunds 1 (%.2f)", ledger.path("refundedCents").asLong() / 100.0));
        assertThat(figure("chargedTwice")).isEqualTo("✓ No order charged twice.");
        assertThat(cell(PAYMENT_ROW, "charges")).as("charged by the split process").isEqualTo("2");
        assertThat(cell(PAYMENT_ROW, "refunds")).isEqualTo("1");
        assertThat(cell("#process-list tr[data-process='shop']", "charges")).as("the shop charged nothing").isEqualTo("0");
        screenshot("processes-payment-split.png");
    }

    @Test
    @Order(3)
    void aStoppedProcessIsListedAsNotReportingAndKeepsItsCharges() throws Exception {
        payment.close();
        payment = null;

        console.await(PATIENCE, "the payment process listed as not reporting", () ->
                cell(PAYMENT_ROW, "state").equals("■ not reporting"));
        assertThat(cell(PAYMENT_ROW, "charges")).isEqualTo("2");
        assertThat(figure("charges")).isEqualTo("2");
        screenshot("processes-payment-stopped.png");
    }

    private String figure(String name) {
        return browser.findElement(By.cssSelector("#ledger-summary [data-figure='" + name + "']")).getText();
    }

    /** A cell of a process's row, or "" while the row is not there. */
    private String cell(String row, String field) {
        List<WebElement> cells = browser.findElements(By.cssSelector(row + " [data-field='" + field + "']"));
        return cells.isEmpty() ? "" : cells.get(0).getText();
    }

    private void screenshot(String name) throws IOException {
        ((JavascriptExecutor) browser).executeScript("document.getElementById('processes').scrollIntoView()");
        console.screenshot(name);
    }
}
