package com.gemmavision.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium through Debian's chromedriver, each browser with a fresh profile. On a machine
 * without them the browser tests are skipped, except under CI, where .ci/run installs them and a missing
 * browser is a failure.
 */
final class Browser {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("templates-docs", "screenshots");

    private Browser() {}

    static WebDriver open(boolean javascript) {
        try {
            return open(javascript, Files.createTempDirectory("chromium-profile"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A browser on the given profile: opening one profile twice is closing the browser and opening it again. */
    static WebDriver open(boolean javascript, Path profile) {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (System.getenv("CI") == null) {
            Assumptions.assumeTrue(installed, "Debian chromium and chromium-driver are not installed");
        } else if (!installed) {
            throw new IllegalStateException("CI must install chromium and chromium-driver (see .ci/run)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1400,1000");
        options.addArguments("--user-data-dir=" + profile);
        if (!javascript) {
            options.addArguments("--blink-settings=scriptEnabled=false");
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1400, 1000));
        return driver;
    }

    static WebDriverWait waitFor(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    /** Saves a full-page screenshot for the page catalogue in templates-docs. */
    static void screenshot(WebDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Object height = ((ChromeDriver) driver).executeScript("return document.documentElement.scrollHeight");
            driver.manage().window().setSize(new Dimension(1400, Math.min(6000, ((Number) height).intValue() + 40)));
            Files.write(
                    SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            driver.manage().window().setSize(new Dimension(1400, 1000));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
