package com.gemmavision.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * What a team relies on every day, in a real browser: a selection that survives closing the browser, a view
 * saved with a name and opened by its short link in someone else's browser, and the PDF report.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:browser-team;DB_CLOSE_DELAY=-1")
class TeamWorkspaceBrowserIT extends BrowserTest {

    @SuppressWarnings("unchecked")
    private List<String> checked(String name) {
        return (List<String>) script(
                "return Array.from(document.querySelectorAll('input[type=checkbox][name=' + arguments[0] + ']:checked'))"
                        + ".map(e => e.value)",
                name);
    }

    @Test
    void closingAndReopeningTheBrowserKeepsTheSelection() throws Exception {
        Path profile = Files.createTempDirectory("chromium-profile");
        driver = Browser.open(true, profile);
        driver.get(url("/?model=Gemma3-4B-IT&quant=bf16"));
        driver.findElement(By.cssSelector("input[name=model][value=Gemma3-27B-IT]"))
                .click();
        Browser.waitFor(driver).until(d -> d.getCurrentUrl().contains("Gemma3-27B-IT"));
        driver.quit();

        driver = Browser.open(true, profile);
        driver.get(url("/"));

        assertThat(checked("model")).containsExactly("Gemma3-4B-IT", "Gemma3-27B-IT");
        assertThat(driver.getCurrentUrl()).contains("model=Gemma3-4B-IT&model=Gemma3-27B-IT");
    }

    @Test
    void aViewSavedWithANameOpensByItsShortLinkInAFreshBrowser() {
        driver = Browser.open(true);
        driver.get(url("/?model=Gemma3-12B-IT&quant=sfp8&kv=true"));
        driver.findElement(By.cssSelector("input[name=model][value=Gemma3-27B-IT]"))
                .click();
        Browser.waitFor(driver).until(d -> d.getCurrentUrl().contains("Gemma3-27B-IT"));
        markDocument();

        driver.findElement(By.cssSelector("#save-view-form summary")).click();
        driver.findElement(By.cssSelector("#save-view-form input[name=name]")).sendKeys("12B and 27B in SFP8");
        driver.findElement(By.cssSelector("#save-view-form input[name=author]")).sendKeys("Ana");
        driver.findElement(By.cssSelector("#save-view-form button[type=submit]"))
                .click();
        Browser.waitFor(driver).until(d -> !text("#save-view-result .saved").isEmpty());
        String link = (String) script("return document.querySelector('#save-view-result input.share-url').value");
        assertThat(link).matches("http://localhost:\\d+/v/[a-z2-9]{7}");
        assertThat(sameDocument()).isTrue();
        driver.quit();

        WebDriver colleague = Browser.open(true);
        driver = colleague;
        driver.get(link);

        assertThat(driver.getTitle()).isEqualTo("12B and 27B in SFP8 · Team view · GemmaVision-QuantAdvisor");
        assertThat(checked("model")).containsExactly("Gemma3-12B-IT", "Gemma3-27B-IT");
        assertThat(checked("quant")).containsExactly("sfp8");
        assertThat(checked("kv")).containsExactly("true");
        assertThat(text(".saved-view-banner")).contains("12B and 27B in SFP8").contains("saved by Ana");
        Browser.screenshot(driver, "team-view");

        driver.get(url("/views"));
        assertThat(text("#views-table")).contains("12B and 27B in SFP8");
        Browser.screenshot(driver, "team-views");
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePdfLinkDownloadsTheCurrentViewAsAPdf() {
        driver = Browser.open(true);
        driver.get(url("/?model=Gemma3-4B-IT&quant=int4"));
        String href =
                driver.findElement(By.linkText("Download this view as PDF")).getAttribute("href");
        assertThat(href).contains("/report.pdf?model=Gemma3-4B-IT&quant=int4");

        Object answer = ((JavascriptExecutor) driver).executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        fetch(arguments[0]).then(async r => {
                          const bytes = new Uint8Array(await r.arrayBuffer());
                          done([r.status, r.headers.get('content-type'), r.headers.get('content-disposition'),
                                String.fromCharCode(...bytes.slice(0, 5))]);
                        });
                        """, href);

        assertThat((List<Object>) answer)
                .containsExactly(200L, "application/pdf", "attachment; filename=\"gemma3-overview.pdf\"", "%PDF-");
    }
}
