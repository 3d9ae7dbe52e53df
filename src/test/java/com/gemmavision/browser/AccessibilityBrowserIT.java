package com.gemmavision.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.gemmavision.documents.TestInvoices;
import com.gemmavision.documents.TestPdfs;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * axe-core on every page a user lands on, at a phone's and a wide screen's width, with every collapsed part
 * opened: no serious or critical finding.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:browser-axe;DB_CLOSE_DELAY=-1",
            "gemmavision.documents.poll-interval=200ms"
        })
class AccessibilityBrowserIT extends BrowserTest {

    private void settle() {
        Browser.waitFor(driver)
                .until(d -> script("return document.querySelector('#documents .placeholder, .htmx-request')") == null);
        script("document.querySelectorAll('details').forEach(d => d.open = true)");
    }

    @ParameterizedTest(name = "{0} at {1} px")
    @CsvSource({
        "/, 390",
        "/, 1440",
        "/?model=Gemma3-1B&model=Gemma3-4B-IT&model=Gemma3-12B-IT&model=Gemma3-27B-IT&table=8&table=15, 390",
        "/?model=Gemma3-1B&model=Gemma3-4B-IT&model=Gemma3-12B-IT&model=Gemma3-27B-IT&table=8&table=15, 1440",
        "/advisor, 390",
        "/advisor, 1440",
        "/advisor?engine=vllm&gpu=NVIDIA%20H100%2080GB, 390",
        "/advisor?engine=llamacpp&gpu=NVIDIA%20L4, 390",
        "/advisor?engine=ollama&gpu=NVIDIA%20L4, 1440",
        "/workload, 390",
        "/workload, 1440",
        "/evaluations, 390",
        "/evaluations, 1440",
        "/views, 390",
        "/views, 1440"
    })
    void hasNoSeriousFindings(String path, int width) {
        driver = Browser.open(true);
        viewport(width);
        driver.get(url(path));
        settle();

        assertThat(Axe.seriousFindings(driver)).isEmpty();
    }

    @ParameterizedTest(name = "a document at {0} px")
    @CsvSource({"390", "1440"})
    void aReadDocumentHasNoSeriousFindings(int width) throws Exception {
        Path file = Files.createTempDirectory("upload").resolve("invoice.pdf");
        Files.write(file, TestPdfs.invoice(TestInvoices.ENGLISH, TestPdfs.Layout.COLUMNS));
        driver = Browser.open(true);
        viewport(width);
        driver.get(url("/?model=Gemma3-4B-IT"));
        driver.findElement(By.cssSelector("#document-form input[type=file]")).sendKeys(file.toString());
        driver.findElement(By.xpath("//form[@id='document-form']//button[normalize-space()='Upload']"))
                .click();
        Browser.waitFor(driver).until(d -> text("#documents .badge").equals("done"));
        settle();

        assertThat(Axe.seriousFindings(driver)).isEmpty();
        // on a phone every field's Save sits inside the screen: the fields stack (issue 30.7)
        for (org.openqa.selenium.WebElement save : driver.findElements(By.cssSelector("table.fields button"))) {
            long right = ((Number) script("const r = arguments[0].getBoundingClientRect(); return r.right;", save))
                    .longValue();
            assertThat(right).as("a Save's right edge at " + width + " px").isLessThanOrEqualTo(width);
        }
    }
}
