package org.sangdam.it.console;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.Optional;

/**
 * 서비스 관리 → 상담원 현황 (R2.3): the service's CTI agents with their status. The page
 * is marked when opened, so a test can tell that a later status arrived without a
 * reload (a reload would lose the mark).
 */
public final class AgentStatusBoard {
    private final Browser browser;

    private AgentStatusBoard(Browser browser) {
        this.browser = browser;
        Waits.on(browser.driver()).until(ExpectedConditions.presenceOfElementLocated(By.id("boardForm:board")));
        browser.js("window.sdBoardMark = 'not reloaded';");
    }

    /** opens the board, e.g. {@code /admin/service/agent-status.xhtml} */
    public static AgentStatusBoard open(Browser browser, String path) {
        browser.go(path);
        return new AgentStatusBoard(browser);
    }

    public String heading() {
        return Waits.on(browser.driver()).until(d -> d.findElement(By.tagName("h1")).getText());
    }

    /** the status label shown for the agent with this display name, once the row is there */
    public String status(String displayName) {
        return Waits.on(browser.driver()).until(d -> row(d, displayName).map(r -> r.findElement(By.cssSelector(".sd-status")).getText()).orElse(null));
    }

    public String ctiNumber(String displayName) {
        return Waits.on(browser.driver()).until(d -> row(d, displayName).map(r -> r.findElement(By.cssSelector(".sd-cti-number")).getText()).orElse(null));
    }

    /** waits until the agent's row shows this status label; fails after the usual timeout */
    public AgentStatusBoard awaitStatus(String displayName, String label) {
        Waits.on(browser.driver()).until(d -> row(d, displayName)
                .map(r -> r.findElement(By.cssSelector(".sd-status")).getText().equals(label)).orElse(false));
        return this;
    }

    /** the ticket the page was given for its change stream (/cti/board/{ticket}) */
    public String ticket() {
        return Waits.on(browser.driver()).until(d -> d.findElement(By.id("boardStream")).getAttribute("data-ticket"));
    }

    /** true while the page opened by {@link #open} is still the one in the window */
    public boolean notReloaded() {
        return "not reloaded".equals(browser.js("return window.sdBoardMark;"));
    }

    private static Optional<WebElement> row(WebDriver d, String displayName) {
        return d.findElements(By.cssSelector("table.sd-agent-status tbody tr")).stream()
                .filter(r -> r.findElement(By.cssSelector(".sd-display-name")).getText().equals(displayName))
                .findFirst();
    }
}
