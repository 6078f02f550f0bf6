package org.sangdam.it.console;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

/** Waiting for a state of the page, never a bare sleep. */
final class Waits {
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private Waits() {
    }

    static WebDriverWait on(WebDriver driver) {
        return on(driver, TIMEOUT);
    }

    static WebDriverWait on(WebDriver driver, Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(50));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }
}
