package com.gemmavision.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.gemmavision.documents.TestInvoices;
import com.gemmavision.documents.TestPdfs;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;

/** Uploading a PDF in a real browser: the section shows progress, then the fields, without a page load. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:browser-documents;DB_CLOSE_DELAY=-1",
            "gemmavision.documents.poll-interval=200ms"
        })
class DocumentsBrowserIT extends BrowserTest {

    /** Opens the page with JavaScript, marks it (to tell a page load from a swap) and uploads a file through the form. */
    private void openAndUpload(String pathAndQuery, String filename, byte[] content) throws Exception {
        Path file = Files.createTempDirectory("upload").resolve(filename);
        Files.write(file, content);
        driver = Browser.open(true);
        driver.get(url(pathAndQuery));
        markDocument();
        driver.findElement(By.cssSelector("#document-form input[type=file]")).sendKeys(file.toString());
        driver.findElement(By.xpath("//form[@id='document-form']//button[normalize-space()='Upload']"))
                .click();
    }

    @Test
    void uploadingAPdfShowsItsProgressAndThenItsFields() throws Exception {
        openAndUpload(
                "/?model=Gemma3-4B-IT&model=Gemma3-1B",
                "rechnung.pdf",
                TestPdfs.invoice(TestInvoices.GERMAN, TestPdfs.Layout.COLUMNS));

        Browser.waitFor(driver)
                .until(d -> text("#documents article.document h3").contains("rechnung.pdf"));
        // the file field is emptied, so a second click does not upload the same file again
        assertThat(driver.findElement(By.cssSelector("#document-form input[type=file]"))
                        .getAttribute("value"))
                .isEmpty();
        // and the documents section, ~4,000 px down the page, is brought to where the user is looking
        double top = ((Number) script("return document.getElementById('documents').getBoundingClientRect().top"))
                .doubleValue();
        assertThat(top).isBetween(-2.0, 200.0);
        Browser.waitFor(driver).until(d -> text("#documents .badge").equals("done"));
        Browser.waitFor(driver).until(d -> text("#documents table.fields").contains("RE-2024-0042"));
        assertThat(text("#documents table.fields")).contains("357.00").contains("DE89370400440532013000");
        assertThat(text("#documents table.tokens")).contains("Gemma3-1B").contains("reads no images");
        assertThat(text("#documents")).contains("Text tokens are exact");
        assertThat(text("#document-list")).contains("rechnung.pdf");
        assertThat(sameDocument()).isTrue();
        Browser.screenshot(driver, "documents");
    }

    @Test
    void aFieldIsCorrectedInPlaceAndMarkedCorrected() throws Exception {
        openAndUpload(
                "/?model=Gemma3-4B-IT", "invoice.pdf", TestPdfs.invoice(TestInvoices.ENGLISH, TestPdfs.Layout.COLUMNS));
        Browser.waitFor(driver).until(d -> text("#documents table.fields").contains("£1,560.00"));

        WebElement input = driver.findElement(By.cssSelector("input[id$='-totalAmount']"));
        input.clear();
        input.sendKeys("1.650,00");
        driver.findElement(By.cssSelector("tr[id$='-totalAmount'] button")).click();

        Browser.waitFor(driver).until(d -> text("tr[id$='-totalAmount']").contains("corrected"));
        assertThat(text("tr[id$='-totalAmount']")).contains("£1,650.00").contains("was 1560.00");
        assertThat(sameDocument()).isTrue();
        // the focus stays on the row's Save the mouse clicked, not on the page (issue 30.9)
        assertThat((String) script("return document.activeElement.id"))
                .startsWith("save-")
                .endsWith("-totalAmount");

        // a refused value, sent with Enter, is explained beside its box: still typed, still focused, and the page
        // stays where it was (before, it jumped to the bottom and the message stood ~5,800 px above)
        script("document.querySelector(\"tr[id$='-issueDate']\").scrollIntoView({block: 'center'})");
        double before = ((Number) script("return window.scrollY")).doubleValue();
        WebElement date = driver.findElement(By.cssSelector("input[id$='-issueDate']"));
        date.clear();
        date.sendKeys("1850-01-01\n");
        Browser.waitFor(driver)
                .until(d -> text("tr[id$='-issueDate'] .field-error").contains("between 1900 and 2100"));
        WebElement typed = driver.findElement(By.cssSelector("input[id$='-issueDate']"));
        assertThat(typed.getAttribute("value")).isEqualTo("1850-01-01");
        assertThat(typed.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(script("return document.activeElement.id")).isEqualTo(typed.getAttribute("id"));
        assertThat(((Number) script("return window.scrollY")).doubleValue())
                .isCloseTo(before, org.assertj.core.data.Offset.offset(5.0));
        assertThat(text("tr[id$='-issueDate']")).contains("Jul 2, 2015");
        assertThat(driver.findElements(By.cssSelector("#documents .upload-messages.refused")))
                .isEmpty();
        // a saved correction swaps its row in place too
        typed.clear();
        typed.sendKeys("2015-07-03\n");
        Browser.waitFor(driver).until(d -> text("tr[id$='-issueDate']").contains("corrected"));
        assertThat(((Number) script("return window.scrollY")).doubleValue())
                .isCloseTo(before, org.assertj.core.data.Offset.offset(5.0));
        assertThat(sameDocument()).isTrue();
    }

    @Test
    void undoAppearsWhereRemoveWasClickedAndHasTheFocus() throws Exception {
        openAndUpload(
                "/?model=Gemma3-4B-IT", "invoice.pdf", TestPdfs.invoice(TestInvoices.ENGLISH, TestPdfs.Layout.COLUMNS));
        Browser.waitFor(driver).until(d -> text("#documents .badge").equals("done"));
        WebElement remove =
                driver.findElement(By.cssSelector("#document-list button[aria-label='Remove invoice.pdf']"));
        script("arguments[0].scrollIntoView({block: 'center'})", remove);
        double clickedAt = ((Number) script("return arguments[0].getBoundingClientRect().top", remove)).doubleValue();
        remove.click();

        Browser.waitFor(driver).until(d -> text("#document-list").contains("Removed invoice.pdf"));
        // before, Undo stood at the top of the documents section, ~4,000 px from the sidebar's Remove button
        assertThat(script("return document.activeElement.textContent.trim()")).isEqualTo("Undo");
        double undoAt = ((Number) script("return document.activeElement.getBoundingClientRect().top")).doubleValue();
        assertThat(Math.abs(undoAt - clickedAt)).isLessThan(150.0);
        assertThat(sameDocument()).isTrue();

        driver.switchTo().activeElement().click();
        Browser.waitFor(driver)
                .until(d -> text("#document-list").contains("invoice.pdf")
                        && !text("#document-list").contains("Removed"));
        assertThat(text("#documents article.document h3")).contains("invoice.pdf");
        // and after a mouse Undo the focus is on the document's Remove again, where the click was
        assertThat(script("return document.activeElement.getAttribute('aria-label')"))
                .isEqualTo("Remove invoice.pdf");
    }

    @Test
    void aRefusedUploadIsExplainedInPlace() throws Exception {
        openAndUpload(
                "/?model=Gemma3-4B-IT", "notes.pdf", "just some text, not a PDF".getBytes(StandardCharsets.UTF_8));

        Browser.waitFor(driver)
                .until(d -> text("#documents .upload-messages").contains("notes.pdf is not a PDF, PNG, JPEG"));
        assertThat(sameDocument()).isTrue();
        // styled as an error: announced as an alert, red rule and tint, and the word "Refused" before it
        assertThat(script("return document.querySelector('#documents .upload-messages').getAttribute('role')"))
                .isEqualTo("alert");
        assertThat(script("return getComputedStyle(document.querySelector('#documents .upload-messages'))"
                        + ".borderLeftColor"))
                .isEqualTo("rgb(179, 64, 10)");
        assertThat(script("return getComputedStyle(document.querySelector('#documents .upload-messages'),"
                        + " '::before').content"))
                .isEqualTo("\"Refused: \"");
    }
}
