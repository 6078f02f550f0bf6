package org.sangdam.it.console;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.util.List;

/**
 * The admin screens (issue 3): 전체 관리 and 서비스 관리 pages share a left menu, a
 * message area and one confirmation dialog. Rows are found by a text they show (a
 * service name, a username, a number); every read retries when an ajax update
 * replaced the element meanwhile.
 */
public final class AdminPage {
    private final WebDriver driver;

    private AdminPage(WebDriver driver) {
        this.driver = driver;
        Waits.on(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("adminMenu")));
    }

    /** opens an admin page by path, e.g. {@code /admin/system/services.xhtml} */
    public static AdminPage open(Browser browser, String path) {
        browser.go(path);
        return new AdminPage(browser.driver());
    }

    /** from the console's header: {@code navSystem} (전체 관리) or {@code navService} (서비스 관리) */
    public static AdminPage fromHeader(WebDriver driver, String linkId) {
        Waits.on(driver).until(ExpectedConditions.elementToBeClickable(By.id(linkId))).click();
        return new AdminPage(driver);
    }

    public static AdminPage at(WebDriver driver) {
        return new AdminPage(driver);
    }

    /** follows a link of the left menu (e.g. {@code menuCtiAgents}) or the header (e.g. {@code navSystem}) */
    public AdminPage follow(String linkId) {
        String before = driver.getCurrentUrl();
        driver.findElement(By.id(linkId)).click();
        Waits.on(driver).until(d -> !d.getCurrentUrl().equals(before));
        return new AdminPage(driver);
    }

    public String heading() {
        return Waits.on(driver).until(d -> d.findElement(By.tagName("h1")).getText());
    }

    public List<String> menu() {
        return Waits.on(driver).until(d -> d.findElements(By.cssSelector("#adminMenu a, #adminMenu div")).stream().map(WebElement::getText).toList());
    }

    /** the table's header labels */
    public List<String> columns(String tableCss) {
        return Waits.on(driver).until(d -> d.findElements(By.cssSelector(tableCss + " thead th")).stream().map(WebElement::getText).toList());
    }

    /** types into a field; starts again if an ajax update replaced the field meanwhile */
    public AdminPage type(String id, String text) {
        Waits.on(driver).until(d -> {
            WebElement in = d.findElement(By.id(id));
            in.clear();
            if (text != null) {
                in.sendKeys(text);
            }
            return true;
        });
        return this;
    }

    public String value(String id) {
        return Waits.on(driver).until(d -> d.findElement(By.id(id)).getAttribute("value"));
    }

    public AdminPage choose(String selectId, String visibleText) {
        Waits.on(driver).until(d -> {
            new Select(d.findElement(By.id(selectId))).selectByVisibleText(visibleText);
            return true;
        });
        awaitAjaxDone();
        return this;
    }

    /** puts a file into the form's file input (a p:fileUpload in simple mode), as choosing it in the file dialog would */
    public AdminPage attach(String formId, java.nio.file.Path file) {
        Waits.on(driver).until(d -> {
            d.findElement(By.cssSelector("[id='" + formId + "'] input[type=file]")).sendKeys(file.toAbsolutePath().toString());
            return true;
        });
        return this;
    }

    /** presses a button that posts the whole page (not ajax, e.g. an upload) and waits for the new page */
    public AdminPage submit(String id) {
        WebElement button = driver.findElement(By.id(id));
        button.click();
        Waits.on(driver).until(ExpectedConditions.stalenessOf(button));
        Waits.on(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("adminMenu")));
        awaitAjaxDone();
        return this;
    }

    /** a PrimeFaces checkbox: clicks its box when it is not already as wanted */
    public AdminPage check(String id, boolean on) {
        WebElement box = driver.findElement(By.id(id));
        boolean checked = box.findElement(By.cssSelector("input[type=checkbox]")).isSelected();
        if (checked != on) {
            box.findElement(By.cssSelector(".ui-chkbox-box")).click();
        }
        return this;
    }

    /** presses a button and waits for the ajax round trip to finish */
    public AdminPage press(String id) {
        Waits.on(driver).until(d -> {
            d.findElement(By.id(id)).click();
            return true;
        });
        awaitAjaxDone();
        return this;
    }

    /** presses a destructive button: the confirmation dialog must ask first; {@code yes} confirms it */
    public AdminPage pressAndConfirm(String id, boolean yes) {
        Waits.on(driver).until(d -> {
            d.findElement(By.id(id)).click();
            return true;
        });
        Waits.on(driver).withMessage(() -> "the confirmation dialog")
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("confirmForm:confirmYes")));
        driver.findElement(By.id(yes ? "confirmForm:confirmYes" : "confirmForm:confirmNo")).click();
        Waits.on(driver).until(ExpectedConditions.invisibilityOfElementLocated(By.id("confirmForm:confirmYes")));
        awaitAjaxDone();
        return this;
    }

    public String confirmMessage() {
        return driver.findElement(By.cssSelector("#confirmForm\\:confirmDialog .ui-confirm-dialog-message")).getText();
    }

    private void awaitAjaxDone() {
        Waits.on(driver).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete' && (!window.PrimeFaces || !PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty());")));
    }

    /** the page's info message, e.g. 저장되었습니다. */
    public AdminPage awaitMessage(String text) {
        Waits.on(driver).withMessage(() -> "message " + text + ", page says " + messages())
                .until(d -> messages().contains(text));
        return this;
    }

    public String messages() {
        return Waits.on(driver).until(d -> d.findElements(By.cssSelector("#adminMessages")).stream().map(WebElement::getText)
                .findFirst().orElse(""));
    }

    /** waits for a field's error (an element with id {@code <field>Error}) and returns its text */
    public String fieldError(String errorId) {
        return Waits.on(driver).withMessage(() -> "field error " + errorId)
                .until(d -> {
                    List<WebElement> e = d.findElements(By.id(errorId));
                    return e.isEmpty() || e.get(0).getText().isBlank() ? null : e.get(0).getText();
                });
    }

    public boolean hasFieldError(String errorId) {
        return !driver.findElements(By.id(errorId)).isEmpty();
    }

    /** the id prefix of the table row that shows {@code text} (e.g. {@code agentsForm:agents:2:}) */
    public String row(String tableId, String text) {
        return Waits.on(driver).withMessage(() -> "a row of " + tableId + " showing " + text).until(d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("[id='" + tableId + "'] tbody tr"));
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).getText().contains(text)) {
                    return tableId + ":" + i + ":";
                }
            }
            return null;
        });
    }

    public List<String> rows(String tableId) {
        return Waits.on(driver).until(d -> d.findElements(By.cssSelector("[id='" + tableId + "'] tbody tr")).stream()
                .map(WebElement::getText).toList());
    }

    public AdminPage awaitRows(String tableId, java.util.function.Predicate<List<String>> expected) {
        Waits.on(driver).withMessage(() -> "rows of " + tableId + ": " + rows(tableId)).until(d -> expected.test(rows(tableId)));
        return this;
    }

    /** a p:toggleSwitch's state */
    public boolean isOn(String toggleId) {
        return Boolean.parseBoolean(Waits.on(driver).until(d -> String.valueOf(
                d.findElement(By.id(toggleId)).getAttribute("class").contains("ui-toggleswitch-checked"))));
    }

    /** flips a p:toggleSwitch; its change is saved at once */
    public AdminPage toggle(String toggleId) {
        boolean before = isOn(toggleId);
        driver.findElement(By.cssSelector("[id='" + toggleId + "'] .ui-toggleswitch-slider")).click();
        awaitAjaxDone();
        Waits.on(driver).withMessage(() -> "switch " + toggleId + " flipped").until(d -> isOn(toggleId) != before);
        return this;
    }

    /** for guard tests: adds a form field the page never renders, as a crafted post would */
    public AdminPage smuggle(String formId, String name, String value) {
        ((JavascriptExecutor) driver).executeScript("var i = document.createElement('input'); i.type = 'hidden';"
                + " i.name = arguments[1]; i.value = arguments[2]; document.getElementById(arguments[0]).appendChild(i);", formId, name, value);
        return this;
    }

    /** waits for the page to reach a state (an ajax update that fills a field, say) */
    public AdminPage await(String what, java.util.function.BooleanSupplier state) {
        Waits.on(driver).withMessage(() -> what).until(d -> state.getAsBoolean());
        return this;
    }

    public WebDriver driver() {
        return driver;
    }
}
