package org.sangdam.it.console;

import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/** Waiting for a state of the page, never a bare sleep. */
final class Waits {
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    /**
     * Chromium's answers when the page was replaced between finding a node and reading it
     * (a navigation or an ajax update): not an answer about the page, so the wait asks again.
     */
    private static final List<String> PAGE_REPLACED = List.of(
            "does not belong to the document", "No node with given id", "Node is detached",
            "Cannot find context with specified id", "Execution context was destroyed");

    private Waits() {
    }

    static WebDriverWait on(WebDriver driver) {
        return on(driver, TIMEOUT);
    }

    static WebDriverWait on(WebDriver driver, Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(50)) {
            @Override
            public <V> V until(Function<? super WebDriver, ? extends V> isTrue) {
                return super.<V>until(d -> {
                    try {
                        return isTrue.apply(d);
                    } catch (StaleElementReferenceException e) {
                        throw e;
                    } catch (WebDriverException e) {
                        if (pageReplaced(e)) {
                            return null;
                        }
                        throw e;
                    }
                });
            }
        };
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    static boolean pageReplaced(WebDriverException e) {
        String m = String.valueOf(e.getMessage());
        return PAGE_REPLACED.stream().anyMatch(m::contains);
    }
}
