package org.sangdam.it.console;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The FORM login page. */
public final class LoginPage {
    private final WebDriver driver;

    LoginPage(WebDriver driver) {
        this.driver = driver;
        Waits.on(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("loginForm")));
    }

    public ConsolePage loginAs(String username, String password) {
        fill(username, password);
        return new ConsolePage(driver);
    }

    /** a wrong password: stays on the login page with the error shown */
    public LoginPage loginFails(String username, String password) {
        fill(username, password);
        Waits.on(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("loginError")));
        return this;
    }

    public String error() {
        return driver.findElement(By.id("loginError")).getText();
    }

    public String submitLabel() {
        return driver.findElement(By.id("loginSubmit")).getText();
    }

    private void fill(String username, String password) {
        driver.findElement(By.id("j_username")).clear();
        driver.findElement(By.id("j_username")).sendKeys(username);
        driver.findElement(By.id("j_password")).sendKeys(password);
        driver.findElement(By.id("loginSubmit")).click();
    }
}
