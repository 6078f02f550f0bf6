package org.sangdam.it.console;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) at
 * 1366x768, one per user of a test. A missing browser fails the test with the
 * install line: browser tests never skip.
 */
public final class Browser implements AutoCloseable {
    public static final String BASE = System.getProperty("sangdam.it.baseUrl", "http://127.0.0.1:8180/sangdam");
    private static final List<String> CHROMIUM = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(String language) {
        String chromium = CHROMIUM.stream().filter(p -> new File(p).canExecute()).findFirst().orElseThrow(() -> new AssertionError(
                "Chromium is missing: the console's browser tests need it. Install: apt-get install -y chromium chromium-driver"));
        if (!new File(CHROMEDRIVER).canExecute()) {
            throw new AssertionError("chromedriver is missing (" + CHROMEDRIVER + "). Install: apt-get install -y chromium-driver");
        }
        try {
            profile = Files.createTempDirectory("sangdam-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--disable-default-apps", "--disable-extensions", "--autoplay-policy=no-user-gesture-required",
                "--window-size=1366,768", "--lang=" + language, "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().window().setSize(new Dimension(1366, 768));
    }

    /** a browser whose Accept-Language is Korean, as the source users' */
    public static Browser korean() {
        return new Browser("ko-KR");
    }

    public static Browser english() {
        return new Browser("en-US");
    }

    public WebDriver driver() {
        return driver;
    }

    public LoginPage open() {
        driver.get(BASE + "/");
        return new LoginPage(driver);
    }

    public void go(String path) {
        driver.get(BASE + path);
    }

    /** a second tab of the same browser (same login); returns its window handle */
    public String newTab(String path) {
        driver.switchTo().newWindow(WindowType.TAB);
        driver.get(BASE + path);
        return driver.getWindowHandle();
    }

    public void switchTo(String handle) {
        driver.switchTo().window(handle);
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** keeps a picture of the current screen under target/screenshots (or -Dsangdam.screenshots) */
    public void screenshot(String name) {
        Path dir = Path.of(System.getProperty("sangdam.screenshots", "target/screenshots"));
        try {
            Files.createDirectories(dir);
            byte[] png = driver.getScreenshotAs(OutputType.BYTES);
            Files.write(dir.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp dir left behind is harmless
            }
        }
    }
}
