package com.gemmavision.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.gemmavision.documents.TestInvoices;
import com.gemmavision.documents.TestPdfs;
import com.gemmavision.evaluation.FakeChatServer;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The bake-off in a real browser: a multipart htmx post with its CSRF token, swapped in place, runs on the chart. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:browser-evaluations;DB_CLOSE_DELAY=-1",
            "gemmavision.documents.poll-interval=200ms",
            "gemmavision.evaluation.max-pages=1"
        })
class EvaluationsBrowserIT extends BrowserTest {

    private static FakeChatServer fake;

    @DynamicPropertySource
    static void endpoints(DynamicPropertyRegistry registry) throws IOException {
        fake = new FakeChatServer();
        registry.add("gemmavision.evaluation.endpoints[0].name", () -> "vllm-12b");
        registry.add("gemmavision.evaluation.endpoints[0].base-url", fake::baseUrl);
        registry.add("gemmavision.evaluation.endpoints[0].model", () -> "good");
        registry.add("gemmavision.evaluation.endpoints[0].engine", () -> "vllm");
        registry.add("gemmavision.evaluation.endpoints[0].gemma-model", () -> "Gemma3-12B-IT");
        registry.add("gemmavision.evaluation.endpoints[0].format", () -> "awq-int4");
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    @Test
    void aBakeOffRunsInPlaceAndItsRunIsTabledAndCharted() throws Exception {
        Path file = Files.createTempDirectory("upload").resolve("invoice.pdf");
        Files.write(file, TestPdfs.invoice(TestInvoices.ENGLISH, TestPdfs.Layout.COLUMNS));
        driver = Browser.open(true);
        driver.get(url("/?model=Gemma3-12B-IT"));
        driver.findElement(By.cssSelector("#document-form input[type=file]")).sendKeys(file.toString());
        driver.findElement(By.xpath("//form[@id='document-form']//button[normalize-space()='Upload']"))
                .click();
        Browser.waitFor(driver).until(d -> text("#documents .badge").equals("done"));
        String labels = (String) ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "const id = document.querySelector('#documents article.document').id.replace('document-', '');"
                        + "fetch('/documents/' + id + '/labels.json').then(r => r.text()).then(done);");
        ObjectNode fields = (ObjectNode) new ObjectMapper().readTree(labels).get("fields");
        fake.answer(fields.get("invoiceNumber").asString(), fields);

        driver.get(url("/evaluations"));
        markDocument();
        driver.findElement(By.cssSelector("#bake-off-form input[name=endpoint][value='vllm-12b']"))
                .click();
        driver.findElement(By.cssSelector("#bake-off-form input[name=pricePerHour]"))
                .sendKeys("0.80");
        driver.findElement(By.xpath("//form[@id='bake-off-form']//button[normalize-space()='Run the bake-off']"))
                .click();

        Browser.waitFor(driver)
                .until(d -> !texts("#runs-table tbody tr.selected").isEmpty());
        assertThat(sameDocument()).isTrue();
        // the run went on in the background, the page polled it in place, and the address bar names the batch
        assertThat(driver.getCurrentUrl()).contains("/evaluations?batch=");
        assertThat(text("#bake-off-progress")).startsWith("Done: 1 run stored");
        assertThat(text("#runs-table tbody tr.selected")).contains("vllm-12b").contains("100.0%");
        assertThat(script("return document.querySelectorAll('svg path.point.measured').length"))
                .isEqualTo(1L);
        assertThat(Axe.seriousFindings(driver)).isEmpty();
        Browser.screenshot(driver, "bake-off");
    }
}
