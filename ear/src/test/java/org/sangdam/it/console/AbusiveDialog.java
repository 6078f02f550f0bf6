package org.sangdam.it.console;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The abusive-call termination dialog (R3.6): the announcement, then Confirm. */
public final class AbusiveDialog {
    private final WebDriver driver;

    AbusiveDialog(WebDriver driver) {
        this.driver = driver;
        Waits.on(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("abusiveText")));
    }

    public String announcement() {
        return driver.findElement(By.id("abusiveText")).getText();
    }

    public void confirm() {
        driver.findElement(By.id("abusiveForm:abusiveConfirm")).click();
        Waits.on(driver).until(ExpectedConditions.invisibilityOfElementLocated(By.id("abusiveText")));
    }
}
