package com.gemmavision.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.gemmavision.documents.TestInvoices;
import com.gemmavision.documents.TestPdfs;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Uploading a PDF in a real browser: the section shows progress, then the fields, without a page load. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:browser-documents;DB_CLOSE_DELAY=-1", "gemmavision.documents.poll-interval=200ms"})
class DocumentsBrowserIT {

    @LocalServerPort
    int port;

    private WebDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    private String text(String selector) {
        return (String) ((JavascriptExecutor) driver).executeScript(
                "const e = document.querySelector(arguments[0]); return e ? e.textContent : ''", selector);
    }

    @Test
    void uploadingAPdfShowsItsProgressAndThenItsFields() throws Exception {
        Path pdf = Files.createTempDirectory("upload").resolve("rechnung.pdf");
        Files.write(pdf, TestPdfs.invoice(TestInvoices.GERMAN, TestPdfs.Layout.COLUMNS));
        driver = Browser.open(true);
        driver.get("http://localhost:" + port + "/?model=Gemma3-4B-IT&model=Gemma3-1B");
        ((JavascriptExecutor) driver).executeScript("window.sameDocument = 'yes'");

        driver.findElement(By.cssSelector("#document-form input[type=file]")).sendKeys(pdf.toString());
        driver.findElement(By.xpath("//form[@id='document-form']//button[normalize-space()='Upload']")).click();

        Browser.waitFor(driver).until(d -> text("#documents article.document h3").contains("rechnung.pdf"));
        Browser.waitFor(driver).until(d -> text("#documents .badge").equals("done"));
        Browser.waitFor(driver).until(d -> text("#documents table.fields").contains("RE-2024-0042"));
        assertThat(text("#documents table.fields")).contains("357.00").contains("DE89370400440532013000");
        assertThat(text("#documents table.tokens")).contains("Gemma3-1B").contains("reads no images");
        assertThat(text("#document-list")).contains("rechnung.pdf");
        assertThat(((JavascriptExecutor) driver).executeScript("return window.sameDocument")).isEqualTo("yes");
        Browser.screenshot(driver, "documents");
    }
}
