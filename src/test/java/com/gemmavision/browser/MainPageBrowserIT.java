package com.gemmavision.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;

/** The main page in a real browser: HTMX redraws, pushed URLs, bookmarks and the no-JavaScript fallback. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:browser-main;DB_CLOSE_DELAY=-1")
class MainPageBrowserIT extends BrowserTest {

    private List<String> tooltips(String chartId) {
        return texts("#" + chartId + " rect.bar > title");
    }

    private void tick(String name, String value) {
        driver.findElement(By.cssSelector("input[type=checkbox][name=" + name + "][value='" + value + "']"))
                .click();
    }

    @Test
    void changingASelectionRedrawsTheChartsAndTheUrlWithoutReloadingThePage() {
        driver = Browser.open(true);
        driver.get(url("/?model=Gemma3-4B-IT&quant=bf16&kv=false"));
        markDocument();
        assertThat(tooltips("memory-chart")).containsExactly("bfloat16 — Gemma3-4B-IT: 8.0 GB");

        tick("model", "Gemma3-27B-IT");
        Browser.waitFor(driver).until(d -> tooltips("memory-chart").contains("bfloat16 — Gemma3-27B-IT: 54.0 GB"));
        tick("kv", "true");
        Browser.waitFor(driver).until(d -> tooltips("memory-chart").contains("bfloat16 — Gemma3-27B-IT: 72.7 GB"));

        assertThat(sameDocument()).isTrue();
        assertThat(tooltips("parameter-chart")).contains("Non-embedding — Gemma3-27B-IT: 25,600 M");
        Browser.waitFor(driver).until(d -> d.getCurrentUrl().contains("kv=true"));
        assertThat(driver.getCurrentUrl())
                .contains("model=Gemma3-4B-IT&model=Gemma3-27B-IT")
                .contains("quant=bf16");
        Browser.screenshot(driver, "main-page");
    }

    @Test
    void backAndForwardRestoreTheWholePageAndItsSidebar() {
        driver = Browser.open(true);
        driver.get(url("/?model=Gemma3-4B-IT&quant=bf16&kv=false"));
        tick("model", "Gemma3-27B-IT");
        Browser.waitFor(driver).until(d -> d.getCurrentUrl().contains("Gemma3-27B-IT"));
        Browser.waitFor(driver).until(d -> tooltips("memory-chart").contains("bfloat16 — Gemma3-27B-IT: 54.0 GB"));

        driver.navigate().back();
        Browser.waitFor(driver).until(d -> !d.getCurrentUrl().contains("Gemma3-27B-IT"));
        Browser.waitFor(driver).until(d -> tooltips("memory-chart").equals(List.of("bfloat16 — Gemma3-4B-IT: 8.0 GB")));
        assertThat(driver.findElements(By.cssSelector("header.masthead"))).hasSize(1);
        assertThat(driver.findElements(By.cssSelector("form#selection-form"))).hasSize(1);
        assertThat(checkedModels()).containsExactly("Gemma3-4B-IT");

        driver.navigate().forward();
        Browser.waitFor(driver).until(d -> tooltips("memory-chart").contains("bfloat16 — Gemma3-27B-IT: 54.0 GB"));
        assertThat(driver.findElements(By.cssSelector("header.masthead"))).hasSize(1);
        assertThat(checkedModels()).containsExactly("Gemma3-4B-IT", "Gemma3-27B-IT");
    }

    private List<String> checkedModels() {
        return driver.findElements(By.cssSelector("input[name=model]:checked")).stream()
                .map(e -> e.getAttribute("value"))
                .toList();
    }

    @Test
    void aBookmarkOpensTheSameViewInAFreshBrowserAndAReloadKeepsIt() {
        driver = Browser.open(true);
        driver.get(url("/?model=Gemma3-1B&quant=int4&kv=false"));
        tick("model", "Gemma3-12B-IT");
        Browser.waitFor(driver).until(d -> d.getCurrentUrl().contains("Gemma3-12B-IT"));
        String bookmark = driver.getCurrentUrl();
        List<String> before = tooltips("memory-chart");

        driver.navigate().refresh();
        assertThat(tooltips("memory-chart")).isEqualTo(before);
        driver.quit();

        driver = Browser.open(true);
        driver.get(bookmark);
        assertThat(tooltips("memory-chart"))
                .isEqualTo(before)
                .containsExactly(
                        "Int4 (per-channel) — Gemma3-1B: 0.5 GB", "Int4 (per-channel) — Gemma3-12B-IT: 6.6 GB");
        assertThat(driver.findElements(By.cssSelector("input[name=model]:checked")).stream()
                        .map(e -> e.getAttribute("value"))
                        .toList())
                .containsExactly("Gemma3-1B", "Gemma3-12B-IT");
        Browser.screenshot(driver, "bookmark");
    }

    @Test
    void withoutJavaScriptTheFormSubmitsAndTheWholePageFollows() {
        driver = Browser.open(false);
        driver.get(url("/?model=Gemma3-4B-IT&quant=sfp8&kv=false"));

        markDocument();
        tick("model", "Gemma3-27B-IT");
        WebElement run = driver.findElement(
                By.xpath("//form[@id='selection-form']//button[normalize-space()='Generate Visualizations']"));
        run.click();
        Browser.waitFor(driver).until(d -> d.getCurrentUrl().contains("Gemma3-27B-IT"));

        assertThat(sameDocument()).as("a full page load, not an HTMX swap").isFalse();
        assertThat(tooltips("memory-chart"))
                .containsExactly("SFP8 — Gemma3-4B-IT: 4.4 GB", "SFP8 — Gemma3-27B-IT: 27.4 GB");
        Browser.screenshot(driver, "main-page-no-javascript");
    }
}
