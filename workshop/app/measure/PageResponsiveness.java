import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Opens the console in headless Chromium and keeps it connected for SECONDS, then says how responsive the page was:
 * rows in the order list, the main thread's delay (a 50 ms timer's lateness, p50/p95/max), long tasks, and how long
 * a click on an old row takes to show that order's journey. Usage: java -cp CP PageResponsiveness.java URL SECONDS (console-cost.sh runs it)
 */
public class PageResponsiveness {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        long seconds = Long.parseLong(args[1]);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        Path profile = Files.createTempDirectory("console-page-");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + profile, "--window-size=1280,720");
        ChromeDriver chrome = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build(), options);
        try {
            chrome.get(url + "/");
            chrome.executeScript("""
                window.__lag = []; window.__long = [];
                let expected = performance.now() + 50;
                setInterval(() => { const now = performance.now(); window.__lag.push(now - expected); expected = now + 50; }, 50);
                new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__long.push(e.duration)))
                    .observe({ entryTypes: ['longtask'] });
                """);
            long end = System.currentTimeMillis() + seconds * 1000;
            while (System.currentTimeMillis() < end) {
                Thread.sleep(10_000);
                System.out.println("rows in the order list: " + chrome.findElements(By.cssSelector("#order-list li button")).size());
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> stats = (Map<String, Object>) chrome.executeScript("""
                const lag = [...window.__lag].sort((a, b) => a - b);
                const q = (p) => lag[Math.min(lag.length - 1, Math.floor(p * lag.length))];
                return { samples: lag.length, p50: q(0.5), p95: q(0.95), max: lag[lag.length - 1],
                         longTasks: window.__long.length, longestTask: Math.max(0, ...window.__long),
                         rows: document.querySelectorAll('#order-list li button').length };
                """);
            System.out.println("timer lateness ms and long tasks: " + stats);
            List<org.openqa.selenium.WebElement> rows = chrome.findElements(By.cssSelector("#order-list li button"));
            org.openqa.selenium.WebElement old = rows.get(rows.size() * 3 / 4);
            String key = old.getAttribute("data-key");
            long clicked = System.nanoTime();
            old.click();
            new org.openqa.selenium.support.ui.WebDriverWait(chrome, Duration.ofSeconds(30), Duration.ofMillis(10))
                    .until(d -> d.findElement(By.id("journey-title")).getText().contains(key));
            System.out.printf("click on row %d of %d (%s) to its journey drawn: %d ms%n", rows.size() * 3 / 4, rows.size(), key,
                    (System.nanoTime() - clicked) / 1_000_000);
        } finally {
            chrome.quit();
        }
    }
}
