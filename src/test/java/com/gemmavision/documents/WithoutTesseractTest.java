package com.gemmavision.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.gemmavision.AppClient;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * On a server set to read with Tesseract alone ({@code ocr-engine=tesseract}) where Tesseract is missing, scanned
 * pages say why they have no text and text layers are still read. (With the default engine, PP-OCR, a server
 * without Tesseract still reads scans: {@link PpOcrWithoutTesseractTest}.)
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:without-tesseract;DB_CLOSE_DELAY=-1",
            "gemmavision.documents.poll-interval=100ms",
            "gemmavision.documents.tesseract=/nonexistent/tesseract",
            "gemmavision.documents.ocr-engine=tesseract"
        })
class WithoutTesseractTest {

    @LocalServerPort
    int port;

    @Test
    void scansGetNoTextAndSaySoWhileTextLayersAreStillRead() throws Exception {
        AppClient client = new AppClient(port);
        byte[] scan = ImagePdf.of(
                TestPdfs.scanned(TestPdfs.invoice(TestInvoices.ENGLISH, TestPdfs.Layout.COLUMNS), "jpg", 150));

        JsonNode scanned = ProcessedDocuments.process(client, "scan.pdf", scan);
        JsonNode typeset = ProcessedDocuments.process(
                client, "typeset.pdf", TestPdfs.invoice(TestInvoices.ENGLISH, TestPdfs.Layout.COLUMNS));

        assertThat(scanned.get("pages").get(0).get("textSource").asString()).isEqualTo("none");
        assertThat(scanned.get("error").asString()).contains("Tesseract is not installed");
        assertThat(typeset.get("fields").get("totalAmount").asString()).isEqualTo("1560.00");
        assertThat(client.page("/").select("#documents .warning").text()).contains("Tesseract OCR is not installed");
    }
}
