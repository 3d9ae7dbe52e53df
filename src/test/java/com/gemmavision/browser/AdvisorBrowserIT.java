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

    @Test
    void anOutOfRangeContextIsRefusedInPlaceAndTheOldResultsAreMarkedOutOfDate() {
        driver = Browser.open(true);
        driver.get(url("/advisor?model=Gemma3-4B-IT&gpu=NVIDIA%20L4&context=32768"));
        String before = recommendation();
        markDocument();

        var context = driver.findElement(By.name("context"));
        context.clear();
        context.sendKeys("999999999");
        script("arguments[0].dispatchEvent(new Event('change', {bubbles: true}))", context);

        Browser.waitFor(driver).until(d -> !text(".field-error").isEmpty());
        assertThat(text("label .field-error")).isNotEmpty();
        assertThat(script("return document.querySelector('#advisor-results').classList.contains('stale')"))
                .isEqualTo(true);
        assertThat(text("#advisor-results .stale-banner")).startsWith("Out of date");
        assertThat(recommendation()).isEqualTo(before);

        context.clear();
        context.sendKeys("65536");
        script("arguments[0].dispatchEvent(new Event('change', {bubbles: true}))", context);
        Browser.waitFor(driver).until(d -> d.getCurrentUrl().contains("context=65536"));
        Browser.waitFor(driver).until(d -> text(".field-error").isEmpty());
        assertThat(script("return document.querySelectorAll('.stale').length")).isEqualTo(0L);
        assertThat(sameDocument()).isTrue();
    }

    @Test
    void backAndForwardRestoreTheWholeAdvisorPage() {
        driver = Browser.open(true);
        driver.get(url("/advisor?model=Gemma3-4B-IT&gpu=NVIDIA%20L4"));
        new Select(driver.findElement(By.name("gpu"))).selectByValue("NVIDIA H200");
        Browser.waitFor(driver).until(d -> d.getCurrentUrl().contains("NVIDIA%20H200"));

        driver.navigate().back();
        Browser.waitFor(driver).until(d -> recommendation().contains("NVIDIA L4"));
        assertThat(driver.findElements(By.cssSelector("header.masthead"))).hasSize(1);
        assertThat(driver.findElements(By.cssSelector("form#selection-form"))).hasSize(1);
        assertThat(new Select(driver.findElement(By.name("gpu")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo("NVIDIA L4");

        driver.navigate().forward();
        Browser.waitFor(driver).until(d -> recommendation().contains("NVIDIA H200"));
        assertThat(driver.findElements(By.cssSelector("form#selection-form"))).hasSize(1);
    }

    @Test
    void theAdvisorShowsOnlyTheControlsThatChangeIt() {
        driver = Browser.open(true);
        driver.get(url("/advisor"));

        assertThat(driver.findElements(By.name("bench"))).isEmpty();
        assertThat(driver.findElements(By.name("compare"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("input[name=kv]"))).isEmpty();
        assertThat(driver.findElements(By.name("model"))).isNotEmpty();
        assertThat(driver.findElements(By.name("quant"))).isNotEmpty();
    }

    @Test
    void choosingAnEngineRedrawsTheCacheItAllocatesAndItsLaunchCommandInPlace() {
        driver = Browser.open(true);
        driver.get(url("/advisor?gpu=NVIDIA%20L4&context=32768&batch=2"));
        assertThat(driver.findElements(By.id("launch-command"))).isEmpty();
        markDocument();

        new Select(driver.findElement(By.name("engine"))).selectByValue("llamacpp");
        Browser.waitFor(driver)
                .until(d -> !d.findElements(By.id("launch-command")).isEmpty());

        assertThat(sameDocument()).isTrue();
        assertThat(text("#launch-command")).startsWith("llama-server").contains("-c 65536", "-np 2");
        assertThat(text("#check-lines")).contains("llama_kv_cache_iswa: creating non-SWA KV cache, size = 32768 cells");
        assertThat(driver.findElements(By.cssSelector("#pareto-memory-chart circle.point")))
                .isNotEmpty();
        Browser.waitFor(driver).until(d -> d.getCurrentUrl().contains("engine=llamacpp"));

        driver.findElement(By.cssSelector("button[data-copy-target=launch-command]"))
                .click();
        Browser.waitFor(driver)
                .until(d -> !text("button[data-copy-target=launch-command]").equals("Copy command"));
        Browser.screenshot(driver, "advisor-engine");
    }

    /** Switching engine redraws the form's engine-dependent part: vLLM offers bf16 and fp8, and no window switch. */
    @Test
    void theKvTypesOnOfferFollowTheEngine() {
        driver = Browser.open(true);
        driver.get(url("/advisor?model=Gemma3-4B-IT&gpu=NVIDIA%20L4&engine=llamacpp&kvDtype=q4_0"));
        markDocument();
        assertThat(optionValues("kvDtype")).contains("q4_0", "q8_0");
        var engine = new Select(driver.findElement(By.name("engine")));
        engine.selectByValue("vllm");
        Browser.waitFor(driver).until(d -> optionValues("kvDtype").equals(java.util.List.of("bf16", "fp8")));
        assertThat(text("#engine-choices .hint")).contains("vLLM");
        assertThat(driver.findElements(By.cssSelector("input[name=slidingWindow]")))
                .isEmpty();
        engine = new Select(driver.findElement(By.name("engine")));
        engine.selectByValue("ideal");
        Browser.waitFor(driver)
                .until(d -> !d.findElements(By.cssSelector("input[type=checkbox][name=slidingWindow]"))
                        .isEmpty());
        assertThat(optionValues("kvDtype")).contains("int4", "int8");
        assertThat(sameDocument()).isTrue();
    }

    /** The values of a select's options, read in one script so a swap cannot happen halfway. */
    @SuppressWarnings("unchecked")
    private java.util.List<String> optionValues(String select) {
        return (java.util.List<String>) script(
                "return Array.from(document.querySelectorAll('select[name=" + select + "] option')).map(o => o.value)");
    }
}
