package org.sangdam.it.console;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.time.Duration;
import java.util.List;

/**
 * The phone widget at the right of the console (R2.1). Buttons are found afresh on
 * every use: a push re-renders the widget.
 */
public final class PhoneWidget {
    private final WebDriver driver;

    PhoneWidget(WebDriver driver) {
        this.driver = driver;
        Waits.on(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("phoneForm:widget")));
    }

    private WebElement widget() {
        return driver.findElement(By.id("phoneForm:widget"));
    }

    /** reads an element's text or attribute again if a push re-rendered it meanwhile */
    private String read(By by, String attribute) {
        return Waits.on(driver).until(d -> {
            WebElement e = d.findElement(by);
            String v = attribute == null ? e.getText() : e.getAttribute(attribute);
            return v == null ? "" : v;
        });
    }

    private String text(String id) {
        return read(By.id(id), null);
    }

    /** the agent state's code, e.g. READY (the widget's data-state) */
    public String state() {
        return read(By.id("phoneForm:widget"), "data-state");
    }

    /** the status as the agent reads it, e.g. 대기 */
    public String stateLabel() {
        return text("phoneState");
    }

    public String reason() {
        return text("phoneReason");
    }

    public String timeInStatus() {
        return text("phoneSince");
    }

    /**
     * Waits until the widget shows {@code code} as rendered by the server: a pushed status
     * is painted at once and marked syncing until the server's re-render brings its buttons.
     */
    public PhoneWidget awaitState(String code) {
        Waits.on(driver).withMessage(() -> "widget state " + code + ", is " + safeState())
                .until(d -> code.equals(state()) && synced());
        return this;
    }

    private boolean synced() {
        return !read(By.id("phoneForm:widget"), "class").contains("sd-syncing");
    }

    private void awaitSynced() {
        Waits.on(driver).withMessage(() -> "widget re-rendered by the server").until(d -> synced());
    }

    public PhoneWidget awaitLabel(String label) {
        Waits.on(driver).withMessage(() -> "widget label " + label).until(d -> label.equals(stateLabel()) && synced());
        return this;
    }

    private String safeState() {
        try {
            return state();
        } catch (RuntimeException e) {
            return "?";
        }
    }

    public boolean isEnabled(String button) {
        awaitSynced();
        return Boolean.parseBoolean(Waits.on(driver).until(d -> {
            WebElement b = d.findElement(By.id("phoneForm:" + button));
            return String.valueOf(b.isEnabled() && !b.getAttribute("class").contains("ui-state-disabled"));
        }));
    }

    /**
     * Waits until the button is (or is not) enabled: a pushed status is painted at once,
     * the buttons come with the re-render from the server a moment later.
     */
    public void awaitEnabled(String button, boolean enabled) {
        Waits.on(driver).withMessage(() -> button + (enabled ? " enabled" : " disabled")).until(d -> {
            WebElement b = d.findElement(By.id("phoneForm:" + button));
            return (b.isEnabled() && !b.getAttribute("class").contains("ui-state-disabled")) == enabled;
        });
    }

    public boolean isPresent(String button) {
        return !driver.findElements(By.id("phoneForm:" + button)).isEmpty();
    }

    /** clicks an enabled widget button */
    public PhoneWidget press(String button) {
        Waits.on(driver).withMessage(() -> button + " enabled").until(d -> {
            WebElement b = d.findElement(By.id("phoneForm:" + button));
            if (!b.isEnabled() || b.getAttribute("class").contains("ui-state-disabled")) {
                return false;
            }
            b.click();
            return true;
        });
        return this;
    }

    /** clicks a button and waits for the state it leads to */
    public PhoneWidget press(String button, String expectedState) {
        press(button);
        return awaitState(expectedState);
    }

    public PhoneWidget reasonInput(String text) {
        WebElement in = driver.findElement(By.id("phoneForm:reasonInput"));
        in.clear();
        in.sendKeys(text);
        return this;
    }

    public boolean isBlinking() {
        return read(By.id("phoneForm:widget"), "class").contains("sd-offered");
    }


    public boolean isRinging() {
        return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript("return Sangdam.isRinging()"));
    }

    public boolean isOnline() {
        return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript("return Sangdam.isOnline()"));
    }

    public PhoneWidget awaitOnline() {
        Waits.on(driver).withMessage(() -> "event stream connected").until(d -> isOnline());
        return this;
    }

    public PhoneWidget awaitBlinking(boolean blinking) {
        Waits.on(driver, Duration.ofSeconds(30)).withMessage(() -> "blinking " + blinking).until(d -> isBlinking() == blinking);
        return this;
    }

    public String offerNumber() {
        return text("offerNumber");
    }

    public List<String> previousTickets() {
        return Waits.on(driver).until(d -> d.findElements(By.cssSelector("#previousTickets a.sd-previous-ticket")).stream()
                .map(WebElement::getText).toList());
    }

    public String callNumber() {
        return text("callNumber");
    }

    public String callTimer() {
        return text("callTimer");
    }

    public String consultTarget() {
        return text("consultTarget");
    }

    /** waits until the widget names no consultation target (after a cancelled consultation) */
    public void awaitNoConsultTarget() {
        Waits.on(driver).withMessage(() -> "no consultation target shown").until(ExpectedConditions.invisibilityOfElementLocated(By.id("consultTarget")));
    }

    /** issue 7: the agent consulting this one, as the widget names it */
    public String consultedBy() {
        Waits.on(driver).withMessage(() -> "the consultation shown").until(ExpectedConditions.presenceOfElementLocated(By.id("consultedBy")));
        return text("consultedBy");
    }

    public boolean showsConsultation() {
        return !driver.findElements(By.id("consultedBy")).isEmpty();
    }

    public String refusal() {
        Waits.on(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("phoneRefusal")));
        return text("phoneRefusal");
    }

    /** what the network said about a failed dial or consultation */
    public String notice() {
        Waits.on(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("phoneNotice")));
        return text("phoneNotice");
    }

    public String linkText() {
        return text("sdLink");
    }

    /** a keyboard shortcut: Alt+key, typed wherever the focus is */
    public PhoneWidget shortcut(char key) {
        new Actions(driver).keyDown(Keys.ALT).sendKeys(String.valueOf(key)).keyUp(Keys.ALT).perform();
        return this;
    }

    public DialDialog openDial() {
        press("dial");
        return new DialDialog(driver);
    }

    public TransferDialog openTransfer() {
        press("transfer");
        return new TransferDialog(driver);
    }

    public AbusiveDialog openAbusive() {
        press("abusive");
        return new AbusiveDialog(driver);
    }

    /** simulates a network drop of the event stream lasting at least {@code hold} */
    public PhoneWidget dropConnection(Duration hold) {
        ((JavascriptExecutor) driver).executeScript("Sangdam.dropConnection(arguments[0])", hold.toMillis());
        Waits.on(driver).until(d -> !isOnline());
        return this;
    }

    /** the bottom edge of the lowest widget button, and the viewport height */
    public long[] lowestButtonAndViewport() {
        Object r = ((JavascriptExecutor) driver).executeScript(
                "var max = 0; document.querySelectorAll('#phoneForm\\\\:widget button').forEach(function (b) {"
                        + " max = Math.max(max, b.getBoundingClientRect().bottom); });"
                        + "var w = document.getElementById('sdPhone').getBoundingClientRect();"
                        + "return [Math.ceil(max), window.innerHeight, Math.ceil(w.right), window.innerWidth];");
        @SuppressWarnings("unchecked")
        List<Number> n = (List<Number>) r;
        return new long[] {n.get(0).longValue(), n.get(1).longValue(), n.get(2).longValue(), n.get(3).longValue()};
    }
}
