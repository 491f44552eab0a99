package shop.app;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Finds Debian's chromium and its chromedriver (or those named by CHROMIUM and CHROMEDRIVER). Without them the
 * browser tests are skipped on a laptop, saying why (a JDK is all an attendee needs), but fail in CI ({@code CI}
 * set), where .ci/run installs them.
 */
record Chromium(Path browser, Path driver) {
    /** The browser and its driver, or empty if either is missing. */
    static Optional<Chromium> find() {
        Optional<Path> browser = find("CHROMIUM", List.of("chromium", "chromium-browser", "google-chrome"));
        Optional<Path> driver = find("CHROMEDRIVER", List.of("chromedriver"));
        return browser.isPresent() && driver.isPresent()
                ? Optional.of(new Chromium(browser.get(), driver.get())) : Optional.empty();
    }

    /** Call it in {@code @BeforeEach}, so that each test is reported skipped with the reason. */
    static Chromium require() {
        Optional<Chromium> found = find();
        if (found.isPresent()) {
            return found.get();
        }
        String message = "the console's browser tests need chromium and chromedriver: install them with "
                + "`apt-get install -y chromium chromium-driver` (Debian; Ubuntu's are snaps), or name them in "
                + "CHROMIUM and CHROMEDRIVER" + given("CHROMIUM") + given("CHROMEDRIVER");
        if (System.getenv("CI") != null) {
            throw new AssertionError(message);
        }
        System.err.println("Skipped (outside CI): " + message);
        Assumptions.abort(message + "; skipped outside CI");
        return null;
    }

    private static String given(String variable) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? "" : " (" + variable + "=" + value + " is not an executable)";
    }

    /**
     * A headless browser with a fresh profile, a 1280x720 page area (the projector), nothing fetched from the network
     * on its own, and the page's console messages kept (a script or style the page's policy blocks shows there).
     */
    ChromeDriver launch(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,720");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile()).usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        projector(chrome);
        return chrome;
    }

    /** A page area of 1280x720, the projector's: the window is that much larger than its page area. */
    static void projector(ChromeDriver chrome) {
        Dimension window = chrome.manage().window().getSize();
        Number pageHeight = (Number) chrome.executeScript("return window.innerHeight");
        Number pageWidth = (Number) chrome.executeScript("return window.innerWidth");
        chrome.manage().window().setSize(new Dimension(window.getWidth() + 1280 - pageWidth.intValue(),
                window.getHeight() + 720 - pageHeight.intValue()));
    }

    private static Optional<Path> find(String variable, List<String> names) {
        String given = System.getenv(variable);
        if (given != null && !given.isBlank()) {
            return Optional.of(Path.of(given)).filter(Files::isExecutable);
        }
        for (String name : names) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
