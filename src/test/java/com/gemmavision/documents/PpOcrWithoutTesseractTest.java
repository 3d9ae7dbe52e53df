package com.gemmavision.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.gemmavision.AppClient;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * With the default engine, PP-OCR, shipped in the app, a server without Tesseract still reads a scanned English
 * invoice, its fields included, and does not warn that there is no OCR.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:pp-ocr-without-tesseract;DB_CLOSE_DELAY=-1",
            "gemmavision.documents.poll-interval=100ms",
            "gemmavision.documents.tesseract=/nonexistent/tesseract"
        })
class PpOcrWithoutTesseractTest {

    @LocalServerPort
    int port;

    @Test
    void scansAreReadByPpOcrWithNoTesseractAtAll() throws Exception {
        AppClient client = new AppClient(port);
        byte[] scan = ImagePdf.of(
                TestPdfs.scanned(TestPdfs.invoice(TestInvoices.ENGLISH, TestPdfs.Layout.COLUMNS), "jpg", 150));

        JsonNode scanned = ProcessedDocuments.process(client, "scan.pdf", scan);

        assertThat(scanned.get("status").asString()).isEqualTo("done");
        assertThat(scanned.get("pages").get(0).get("textSource").asString()).isEqualTo("ocr");
        assertThat(scanned.get("pages").get(0).get("text").asString())
                .contains("INV-88213")
                .contains("Northwind");
        assertThat(client.page("/").select("#documents .warning").text()).doesNotContain("OCR is not installed");
    }
}
