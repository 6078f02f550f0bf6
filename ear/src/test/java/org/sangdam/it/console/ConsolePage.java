package org.sangdam.it.console;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;

/** The console after login: the ticket area, the header, and (with phone permission) the phone widget. */
public final class ConsolePage {
    private final WebDriver driver;

    ConsolePage(WebDriver driver) {
        this.driver = driver;
        Waits.on(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("sdContent")));
    }

    public static ConsolePage at(WebDriver driver) {
        return new ConsolePage(driver);
    }

    public boolean hasPhoneWidget() {
        return !driver.findElements(By.id("sdPhone")).isEmpty();
    }

    public PhoneWidget phone() {
        return new PhoneWidget(driver);
    }

    public String userName() {
        return driver.findElement(By.id("sdUserName")).getText();
    }

    /** the header's Log out: back to the login form */
    public LoginPage logout() {
        driver.findElement(By.id("logoutForm:logout")).click();
        return new LoginPage(driver);
    }

    public ConsolePage switchLanguage(String lang) {
        String before = driver.findElement(By.tagName("html")).getAttribute("lang");
        driver.findElement(By.id("ko".equals(lang) ? "langKo" : "langEn")).click();
        if (!lang.equals(before)) {
            Waits.on(driver).until(d -> lang.equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        }
        return new ConsolePage(driver);
    }

    /** the ticket list's rows, as "id customer" texts */
    public List<String> ticketRows() {
        return Waits.on(driver).until(d -> d.findElements(By.cssSelector("table.sd-tickets tbody tr")).stream()
                .map(WebElement::getText).toList());
    }

    public ConsolePage showWholeService() {
        driver.findElement(By.xpath("//*[@id='ticketsForm:scope']//div[contains(@class,'ui-button')][2]")).click();
        return this;
    }

    public ConsolePage awaitTicketRows(java.util.function.Predicate<List<String>> expected) {
        Waits.on(driver).withMessage(() -> "ticket rows " + ticketRows()).until(d -> expected.test(ticketRows()));
        return this;
    }

    public ConsolePage searchTickets(String number) {
        WebElement search = driver.findElement(By.id("ticketsForm:search"));
        search.clear();
        search.sendKeys(number);
        return this;
    }
}
