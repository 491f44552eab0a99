package shop.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium with a profile of its own, for the console's browser tests; closing it quits the browser and
 * deletes the profile. Screenshots go to target/console-screenshots: look at them, a broken layout is a bug.
 */
final class ConsoleBrowser implements AutoCloseable {
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    final ChromeDriver driver;
    private final Path profile;

    private ConsoleBrowser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** The browser, or empty when Chromium or its driver is missing: each test's {@link Chromium#require} says why. */
    static Optional<ConsoleBrowser> launch() throws IOException {
        Optional<Chromium> chromium = Chromium.find();
        if (chromium.isEmpty()) {
            return Optional.empty();
        }
        Files.createDirectories(SCREENSHOTS);
        Path profile = Files.createTempDirectory("console-chromium-");
        return Optional.of(new ConsoleBrowser(chromium.get().launch(profile), profile));
    }

    /** Opens the console of the shop at this URL. */
    void open(String baseUrl) {
        driver.get(baseUrl + "/");
    }

    void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
    }

    void await(Duration timeout, String what, BooleanSupplier condition) {
        new WebDriverWait(driver, timeout, Duration.ofMillis(200))
                .withMessage("waited " + timeout.toSeconds() + " s for " + what)
                .ignoring(StaleElementReferenceException.class)
                .until(page -> condition.getAsBoolean());
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
