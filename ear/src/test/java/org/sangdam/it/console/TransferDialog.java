package org.sangdam.it.console;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;

/** The transfer dialog (R3.1) with its three ways to pick the target. */
public final class TransferDialog {
    private final WebDriver driver;

    TransferDialog(WebDriver driver) {
        this.driver = driver;
        Waits.on(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("transferForm:consultNumber")));
    }

    /** way 1: type a number, press Consult call */
    public void consultNumber(String number) {
        WebElement in = driver.findElement(By.id("transferForm:consultNumber"));
        in.clear();
        in.sendKeys(number);
        driver.findElement(By.id("transferForm:consult")).click();
        awaitClosed();
    }

    /** way 2: Add a frequently used number */
    public TransferDialog addFavourite(String label, String number) {
        driver.findElement(By.id("transferForm:favouriteLabel")).sendKeys(label);
        driver.findElement(By.id("transferForm:favouriteNumber")).sendKeys(number);
        driver.findElement(By.id("transferForm:addFavourite")).click();
        Waits.on(driver).withMessage(() -> "favourite " + label + " listed").until(d -> favourites().stream().anyMatch(r -> r.contains(label)));
        return this;
    }

    public List<String> favourites() {
        return Waits.on(driver).until(d -> d.findElements(By.cssSelector("[id='transferForm:favourites'] tbody tr")).stream()
                .map(WebElement::getText).toList());
    }

    /** way 2: press Connect on a frequently used number */
    public void connectFavourite(String label) {
        rowButton("transferForm:favourites", label).click();
        awaitClosed();
    }

    /** way 3: search the Ready agents */
    public TransferDialog searchAgents(String text) {
        WebElement in = driver.findElement(By.id("transferForm:agentSearch"));
        in.clear();
        in.sendKeys(text);
        return this;
    }

    /** the Ready agents listed, one text per agent: only rows with a Connect button, never a placeholder row of an empty table */
    public List<String> readyAgents() {
        return Waits.on(driver).until(d -> d.findElements(By.cssSelector("[id='transferForm:readyAgents'] tbody tr")).stream()
                .filter(r -> !r.findElements(By.cssSelector("button[id$=':connect']")).isEmpty())
                .map(WebElement::getText).toList());
    }

    /** the hint shown instead of the list when no agent is Ready (or none matches the search); empty when agents are listed */
    public String noReadyAgentsHint() {
        return Waits.on(driver).until(d -> d.findElements(By.cssSelector("[id='transferForm:readyAgentsPanel'] .sd-hint")).stream()
                .map(WebElement::getText).findFirst().orElse(""));
    }

    public TransferDialog awaitReadyAgents(int count) {
        Waits.on(driver).withMessage(() -> count + " ready agents listed, are " + readyAgents()).until(d -> readyAgents().size() == count);
        return this;
    }

    /** way 3: press Connect on a Ready agent */
    public void connectAgent(String name) {
        rowButton("transferForm:readyAgents", name).click();
        awaitClosed();
    }

    private WebElement rowButton(String tableId, String text) {
        return Waits.on(driver).withMessage(() -> "a row " + text).until(d -> d.findElements(By.cssSelector("[id='" + tableId + "'] tbody tr")).stream()
                .filter(r -> r.getText().contains(text)).findFirst()
                .map(r -> r.findElement(By.cssSelector("button[id$=':connect']"))).orElse(null));
    }

    private void awaitClosed() {
        Waits.on(driver).until(ExpectedConditions.invisibilityOfElementLocated(By.id("transferForm:consultNumber")));
    }
}
