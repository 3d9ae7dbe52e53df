package com.gemmavision.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;

/** Ticking a benchmark group in a real browser draws its charts in place. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:browser-benchmarks;DB_CLOSE_DELAY=-1")
class BenchmarksBrowserIT extends BrowserTest {

    @Test
    void tickingAGroupDrawsItsChartsWithoutReloading() {
        driver = Browser.open(true);
        driver.get(url("/?model=Gemma3-27B-IT&bench="));
        markDocument();
        assertThat(texts("#arena-chart rect.bar > title")).isEmpty();

        driver.findElement(By.cssSelector("input[name=bench][value=arena]")).click();
        Browser.waitFor(driver)
                .until(d -> texts("#arena-chart rect.bar > title").contains("Gemma-3-27B-IT: 1338 (95% CI +8 / -9)"));
        driver.findElement(By.cssSelector("input[name=bench][value=zero-shot]")).click();
        Browser.waitFor(driver)
                .until(d -> !texts("#radar-chart circle.point > title").isEmpty());

        assertThat(sameDocument()).isTrue();
        // Table 6 as small multiples: the MMLU-Pro panel holds the 27B bar
        assertThat(texts("svg[id^=table-6-chart-0-] rect.bar > title")).contains("Gemma3-27B-IT — MMLU-Pro: 67.5");
        Browser.waitFor(driver).until(d -> d.getCurrentUrl().contains("bench=arena&bench=zero-shot"));
        Browser.screenshot(driver, "benchmarks");
    }
}
