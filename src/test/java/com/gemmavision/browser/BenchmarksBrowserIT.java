package com.gemmavision.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Ticking a benchmark group in a real browser draws its charts in place. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:browser-benchmarks;DB_CLOSE_DELAY=-1")
class BenchmarksBrowserIT {

    @LocalServerPort
    int port;

    private WebDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> titles(String selector) {
        return (List<String>) ((JavascriptExecutor) driver).executeScript(
                "return Array.from(document.querySelectorAll(arguments[0])).map(e => e.textContent)", selector);
    }

    @Test
    void tickingAGroupDrawsItsChartsWithoutReloading() {
        driver = Browser.open(true);
        driver.get("http://localhost:" + port + "/?model=Gemma3-27B-IT&bench=");
        ((JavascriptExecutor) driver).executeScript("window.sameDocument = 'yes'");
        assertThat(titles("#arena-chart rect.bar > title")).isEmpty();

        driver.findElement(By.cssSelector("input[name=bench][value=arena]")).click();
        Browser.waitFor(driver).until(d -> titles("#arena-chart rect.bar > title")
                .contains("Gemma-3-27B-IT: 1338 (95% CI +8 / -9)"));
        driver.findElement(By.cssSelector("input[name=bench][value=zero-shot]")).click();
        Browser.waitFor(driver).until(d -> !titles("#radar-chart circle.point > title").isEmpty());

        assertThat(((JavascriptExecutor) driver).executeScript("return window.sameDocument")).isEqualTo("yes");
        assertThat(titles("#table-6-chart-0 rect.bar > title")).contains("Gemma3-27B-IT — MMLU-Pro: 67.5");
        Browser.waitFor(driver).until(d -> d.getCurrentUrl().contains("bench=arena&bench=zero-shot"));
        Browser.screenshot(driver, "benchmarks");
    }
}
