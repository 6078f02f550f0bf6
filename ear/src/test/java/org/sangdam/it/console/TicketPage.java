package org.sangdam.it.console;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;

/** A ticket's screen (R2.5): the facts and the call timeline. */
public final class TicketPage {
    private final WebDriver driver;

    private TicketPage(WebDriver driver) {
        this.driver = driver;
    }

    /** waits until the console shows a ticket's page (after Answer or a connect) */
    public static TicketPage awaitOpened(WebDriver driver) {
        Waits.on(driver).withMessage(() -> "a ticket page, at " + driver.getCurrentUrl())
                .until(ExpectedConditions.presenceOfElementLocated(By.id("ticketDetail")));
        return new TicketPage(driver);
    }

    public long id() {
        return Long.parseLong(driver.findElement(By.id("ticketDetail")).getAttribute("data-ticket-id"));
    }

    public String customer() {
        return driver.findElement(By.id("ticketCustomer")).getText();
    }

    public String direction() {
        return driver.findElement(By.id("ticketDirection")).getText();
    }

    public List<String> timelineKinds() {
        return driver.findElements(By.cssSelector("#timeline li")).stream().map(li -> li.getAttribute("data-kind")).toList();
    }

    public List<String> timelineTexts() {
        return driver.findElements(By.cssSelector("#timeline li")).stream().map(WebElement::getText).toList();
    }

    public String status() {
        return Waits.on(driver).until(d -> d.findElement(By.id("ticketStatus")).getText());
    }

    public String note() {
        return driver.findElement(By.id("ticketForm:note")).getAttribute("value");
    }

    public String category() {
        return driver.findElement(By.id("ticketForm:category")).getAttribute("value");
    }

    /** the agent's work: status (NEW, OPEN, PENDING, SOLVED), category, notes; Save */
    public TicketPage work(String status, String category, String note) {
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("ticketForm:status"))).selectByValue(status);
        WebElement c = driver.findElement(By.id("ticketForm:category"));
        c.clear();
        c.sendKeys(category);
        WebElement n = driver.findElement(By.id("ticketForm:note"));
        n.clear();
        n.sendKeys(note);
        driver.findElement(By.id("ticketForm:save")).click();
        Waits.on(driver).withMessage(() -> "saved").until(ExpectedConditions.presenceOfElementLocated(By.id("ticketForm:saved")));
        return this;
    }

    public ConsolePage console() {
        return ConsolePage.at(driver);
    }

    /** what the browser got from the recording's {@code <audio>} source, fetched with the page's own session */
    public record Download(String source, int status, int length, String riff, String wave) {
    }

    /** the {@code <audio>} element's source, downloaded in the page (issue 7 part 5) */
    public Download recording() {
        WebElement audio = Waits.on(driver).withMessage(() -> "the recording's audio element")
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("audio#recording")));
        String src = audio.getAttribute("src");
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> r = (java.util.Map<String, Object>) ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch(arguments[0], { credentials: 'same-origin' }).then(function (r) {
                  return r.arrayBuffer().then(function (b) {
                    var head = new Uint8Array(b.slice(0, 12));
                    var text = function (from, to) { return String.fromCharCode.apply(null, Array.from(head.slice(from, to))); };
                    done({ status: r.status, length: b.byteLength, riff: text(0, 4), wave: text(8, 12) });
                  });
                }).catch(function (e) { done({ status: -1, length: 0, riff: String(e), wave: '' }); });
                """, src);
        return new Download(src, ((Number) r.get("status")).intValue(), ((Number) r.get("length")).intValue(),
                (String) r.get("riff"), (String) r.get("wave"));
    }
}
