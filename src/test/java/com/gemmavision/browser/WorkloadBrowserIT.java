package com.gemmavision.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;

/** The workload page in a real browser: a change redraws the figures in place and the URL keeps them. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:browser-workload;DB_CLOSE_DELAY=-1")
class WorkloadBrowserIT extends BrowserTest {

    @Test
    void changingTheEngineRedrawsTheFormatsAndTheFiguresInPlace() {
        driver = Browser.open(true);
        driver.get(url("/workload?gpu=NVIDIA%20RTX%204090&model=Gemma3-27B-IT&batch=1&pricePerHour=0.5"));
        assertThat(text("#workload-result-heading"))
                .contains("Ideal", "in bf16")
                .doesNotContain("q4_k_m");
        markDocument();

        new Select(driver.findElement(By.name("engine"))).selectByValue("llamacpp");
        Browser.waitFor(driver).until(d -> text("#workload-result-heading").contains("llama.cpp"));
        // the format list now offers what llama.cpp loads
        new Select(driver.findElement(By.name("quant"))).selectByValue("q4_k_m");
        Browser.waitFor(driver).until(d -> text("#workload-result-heading").contains("in q4_k_m"));

        assertThat(sameDocument()).isTrue();
        Browser.waitFor(driver).until(d -> d.getCurrentUrl().contains("quant=q4_k_m"));
        // a 27B in Q4_K_M on a 4090 at one document: calibrated by the published measurements of llama.cpp
        assertThat(driver.findElements(By.cssSelector("#calibration-table tbody tr")))
                .hasSize(4);
        assertThat(text("#workload-table")).contains("Cost per 1,000 documents");
        Browser.screenshot(driver, "workload");
    }

    /**
     * Issue 30.4: a price typed and GBP picked at once. The price's redraw used to put the form back as it left
     * (EUR) and the cost came out in EUR; now only the results are redrawn and the newer change replaces the
     * request still in flight, at both widths.
     */
    @Test
    void aPriceTypedAndACurrencyPickedAtOnceKeepBoth() {
        for (int width : new int[] {1440, 390}) {
            driver = Browser.open(true);
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, width == 390 ? 844 : 900));
            driver.get(url("/workload?gpu=NVIDIA%20L4&model=Gemma3-4B-IT&quant=bf16&batch=1&currency=EUR"));
            markDocument();
            driver.findElement(By.name("pricePerHour")).sendKeys("0.9");
            // the price's change and the currency's, back to back: two requests, the first still in flight
            ((org.openqa.selenium.JavascriptExecutor) driver)
                    .executeScript("const price = document.querySelector('[name=pricePerHour]');"
                            + "price.dispatchEvent(new Event('change', {bubbles: true}));"
                            + "const currency = document.querySelector('[name=currency]');"
                            + "currency.value = 'GBP';"
                            + "currency.dispatchEvent(new Event('change', {bubbles: true}));");
            try {
                Browser.waitFor(driver).until(d -> text("#workload-table").contains("GBP"));
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError(
                        width + " px at " + driver.getCurrentUrl() + ": "
                                + driver.findElement(By.id("workload-results")).getText(),
                        e);
            }
            Browser.waitFor(driver).until(d -> d.getCurrentUrl().contains("currency=GBP"));
            assertThat(new Select(driver.findElement(By.name("currency")))
                            .getFirstSelectedOption()
                            .getAttribute("value"))
                    .isEqualTo("GBP");
            assertThat(driver.findElement(By.name("pricePerHour")).getAttribute("value"))
                    .isEqualTo("0.9");
            assertThat(text("#workload-table")).doesNotContain("EUR");
            assertThat(sameDocument()).isTrue();
            driver.quit();
            driver = null;
        }
    }
}
