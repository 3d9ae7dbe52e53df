package com.gemmavision.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;

/** The advisor in a real browser: changing the GPU redraws the advice in place and updates the URL. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:browser-advisor;DB_CLOSE_DELAY=-1")
class AdvisorBrowserIT extends BrowserTest {

    private String recommendation() {
        return text(".recommendation");
    }

    @Test
    void changingTheGpuRedrawsTheAdviceAndTheUrl() {
        driver = Browser.open(true);
        driver.get(url("/?model=Gemma3-27B-IT&quant=bf16&quant=int4"));
        driver.findElement(By.linkText("Deployment advisor")).click();
        Browser.waitFor(driver).until(d -> d.getCurrentUrl().contains("/advisor"));
        assertThat(recommendation()).startsWith("Gemma3-12B-IT in SFP8 fits NVIDIA L4");
        markDocument();

        new Select(driver.findElement(By.name("gpu"))).selectByValue("NVIDIA H200");
        Browser.waitFor(driver).until(d -> recommendation().startsWith("Gemma3-12B-IT in bfloat16 fits NVIDIA H200"));

        assertThat(sameDocument()).isTrue();
        Browser.waitFor(driver).until(d -> d.getCurrentUrl().contains("gpu=NVIDIA%20H200"));
        assertThat(driver.getCurrentUrl()).contains("model=Gemma3-27B-IT");
        Browser.screenshot(driver, "advisor");
    }
}
