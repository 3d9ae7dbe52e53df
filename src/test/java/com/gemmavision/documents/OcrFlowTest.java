package com.gemmavision.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.gemmavision.AppClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Scanned-looking images and image-only PDFs go through Tesseract for real. Skipped on a machine without
 * Tesseract, except under CI, where .ci/run installs it with its language data and a missing one fails.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:ocr-flows;DB_CLOSE_DELAY=-1",
            "gemmavision.documents.poll-interval=100ms"
        })
class OcrFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @BeforeAll
    static void tesseractIsThere() {
        boolean installed = Files.isExecutable(Path.of("/usr/bin/tesseract"));
        if (System.getenv("CI") == null) {
            Assumptions.assumeTrue(installed, "Tesseract is not installed");
        } else if (!installed) {
            throw new IllegalStateException("CI must install tesseract-ocr and its language data (see .ci/run)");
        }
    }

    private JsonNode process(AppClient client, String name, byte[] content) throws InterruptedException {
        HttpResponse<String> upload = client.upload("/documents", Map.of(name, content), "Accept", "application/json");
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        String id =
                JSON.readTree(upload.body()).get("accepted").get(0).get("id").asString();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            JsonNode document =
                    JSON.readTree(client.get("/documents/" + id + ".json").body());
            String status = document.get("status").asString();
            if (!status.equals("queued") && !status.equals("running")) {
                return document;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("OCR did not finish");
    }

    @Test
    void everyPageOfAGermanScanIsReadInGermanTheLaterOnesWithoutAnEnglishFirstPass() throws Exception {
        byte[] jpeg = TestPdfs.scanned(TestPdfs.invoice(TestInvoices.GERMAN, TestPdfs.Layout.COLUMNS), "jpg", 300);
        byte[] scan = ImagePdf.pages(2, pdf -> PDImageXObject.createFromByteArray(pdf, jpeg, "scan.jpg"));

        JsonNode document = process(new AppClient(port), "scan.pdf", scan);

        assertThat(document.get("status").asString()).isEqualTo("done");
        for (JsonNode page : document.get("pages")) {
            assertThat(page.get("textSource").asString()).isEqualTo("ocr");
            assertThat(page.get("text").asString())
                    .as("page %d read with German data", page.get("number").asInt())
                    .contains("Müller Bürobedarf");
        }
        assertThat(document.get("fields").get("totalAmount").asString()).isEqualTo("357.00");
    }

    @Test
    void aScannedPngIsReadByOcrWithItsConfidence() throws Exception {
        byte[] scan = TestPdfs.scanned(TestPdfs.invoice(TestInvoices.ENGLISH, TestPdfs.Layout.COLUMNS), "png", 300);

        JsonNode document = process(new AppClient(port), "scan.png", scan);

        assertThat(document.get("status").asString()).isEqualTo("done");
        JsonNode page = document.get("pages").get(0);
        assertThat(page.get("textSource").asString()).isEqualTo("ocr");
        assertThat(page.get("ocrConfidence").asDouble()).isGreaterThan(60);
        JsonNode fields = document.get("fields");
        assertThat(fields.get("invoiceNumber").asString()).isEqualTo("INV-88213");
        assertThat(fields.get("totalAmount").asString()).isEqualTo("1560.00");
        assertThat(fields.get("iban").asString()).isEqualTo("GB82WEST12345698765432");
        assertThat(fields.get("issueDate").asString()).isEqualTo("2015-07-02");
    }

    @Test
    void aPdfPageWithoutATextLayerIsRenderedAndOcrd() throws Exception {
        byte[] jpeg = TestPdfs.scanned(TestPdfs.invoice(TestInvoices.GERMAN, TestPdfs.Layout.COLUMNS), "jpg", 300);
        byte[] imageOnlyPdf = ImagePdf.of(jpeg);

        JsonNode document = process(new AppClient(port), "scan.pdf", imageOnlyPdf);

        assertThat(document.get("pages").get(0).get("textSource").asString()).isEqualTo("ocr");
        JsonNode fields = document.get("fields");
        assertThat(fields.get("invoiceNumber").asString()).isEqualTo("RE-2024-0042");
        assertThat(fields.get("totalAmount").asString()).isEqualTo("357.00");
        assertThat(fields.get("currency").asString()).isEqualTo("EUR");
    }
}
