package org.sangdam.it.console;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.util.List;

/** The Dial dialog (R2.7): number with as-you-type check, approved caller IDs only. */
public final class DialDialog {
    private final WebDriver driver;

    DialDialog(WebDriver driver) {
        this.driver = driver;
        Waits.on(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("dialForm:dialNumber")));
    }

    /** the caller IDs offered, as displayed (the "choose" placeholder left out) */
    public List<String> callerIds() {
        return new Select(driver.findElement(By.id("dialForm:dialCallerId"))).getOptions().stream()
                .filter(o -> !o.getAttribute("value").isEmpty()).map(WebElement::getText).toList();
    }

    public DialDialog chooseCallerId(String display) {
        new Select(driver.findElement(By.id("dialForm:dialCallerId"))).selectByVisibleText(display);
        return this;
    }

    /** types the number key by key; the check follows as you type */
    public DialDialog type(String number) {
        WebElement in = driver.findElement(By.id("dialForm:dialNumber"));
        in.clear();
        in.sendKeys(number);
        return this;
    }

    public DialDialog awaitInvalid() {
        Waits.on(driver).withMessage(() -> "number marked invalid").until(ExpectedConditions.visibilityOfElementLocated(By.id("dialForm:dialInvalid")));
        return this;
    }

    public DialDialog awaitValid() {
        Waits.on(driver).withMessage(() -> "number marked valid").until(ExpectedConditions.visibilityOfElementLocated(By.id("dialForm:dialValid")));
        return this;
    }

    /** the check re-renders as you type: reads retry when it was replaced meanwhile */
    public String invalidMessage() {
        return Waits.on(driver).until(d -> d.findElement(By.id("dialForm:dialInvalid")).getText());
    }

    public boolean confirmEnabled() {
        return Boolean.parseBoolean(Waits.on(driver).until(d -> {
            WebElement b = d.findElement(By.id("dialForm:dialConfirm"));
            return String.valueOf(b.isEnabled() && !b.getAttribute("class").contains("ui-state-disabled"));
        }));
    }

    public DialDialog awaitConfirmEnabled(boolean enabled) {
        Waits.on(driver).withMessage(() -> "confirm enabled " + enabled).until(d -> confirmEnabled() == enabled);
        return this;
    }

    public void confirm() {
        awaitConfirmEnabled(true);
        Waits.on(driver).until(d -> {
            d.findElement(By.id("dialForm:dialConfirm")).click();
            return true;
        });
        Waits.on(driver).until(ExpectedConditions.invisibilityOfElementLocated(By.id("dialForm:dialNumber")));
    }
}
