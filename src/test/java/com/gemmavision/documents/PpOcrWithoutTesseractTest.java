package com.gemmavision.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.gemmavision.AppClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

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

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    private JsonNode process(AppClient client, String name, byte[] content) throws InterruptedException {
        String id = JSON.readTree(client.upload("/documents", Map.of(name, content), "Accept", "application/json")
                        .body())
                .get("accepted")
                .get(0)
                .get("id")
                .asString();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode document;
        do {
            Thread.sleep(100);
            document = JSON.readTree(client.get("/documents/" + id + ".json").body());
        } while (!document.get("status").asString().equals("done")
                && Instant.now().isBefore(deadline));
        return document;
    }

    @Test
    void scansAreReadByPpOcrWithNoTesseractAtAll() throws Exception {
        AppClient client = new AppClient(port);
        byte[] scan = ImagePdf.of(
                TestPdfs.scanned(TestPdfs.invoice(TestInvoices.ENGLISH, TestPdfs.Layout.COLUMNS), "jpg", 150));

        JsonNode scanned = process(client, "scan.pdf", scan);

        assertThat(scanned.get("status").asString()).isEqualTo("done");
        assertThat(scanned.get("pages").get(0).get("textSource").asString()).isEqualTo("ocr");
        assertThat(scanned.get("pages").get(0).get("text").asString())
                .contains("INV-88213")
                .contains("Northwind");
        assertThat(client.page("/").select("#documents .warning").text()).doesNotContain("OCR is not installed");
    }
}
