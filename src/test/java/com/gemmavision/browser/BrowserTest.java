package com.gemmavision.browser;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every browser test shares: the app's port, a browser closed after each test, and reads of the page
 * done in one script call, so an HTMX swap in between cannot leave a stale element behind.
 */
abstract class BrowserTest {

    @LocalServerPort
    int port;

    WebDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    /** Emulates a screen this wide (a phone's below 600 px), 900 px high. */
    void viewport(int width) {
        ((org.openqa.selenium.chrome.ChromeDriver) driver)
                .executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        java.util.Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", width < 600));
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Marks the current document, so a later check can tell an in-place swap from a page load. */
    void markDocument() {
        script("window.sameDocument = 'yes'");
    }

    boolean sameDocument() {
        return "yes".equals(script("return window.sameDocument"));
    }

    @SuppressWarnings("unchecked")
    List<String> texts(String selector) {
        return (List<String>)
                script("return Array.from(document.querySelectorAll(arguments[0])).map(e => e.textContent)", selector);
    }

    String text(String selector) {
        return (String) script(
                "const e = document.querySelector(arguments[0]); return e ? e.textContent.trim() : ''", selector);
    }
}
