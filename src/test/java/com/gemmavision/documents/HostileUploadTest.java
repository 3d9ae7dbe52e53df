package com.gemmavision.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import com.gemmavision.AppClient;
import com.gemmavision.documents.processing.DocumentRepository;
import com.gemmavision.documents.processing.DocumentStatus;
import com.gemmavision.documents.text.Ocr;

import tools.jackson.databind.JsonNode;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Uploads that once got a wrong answer or a raw Java message: a long CJK file name, a negative page count, a
 * truncated PNG, a PDF password (never stored in plain text), a run that runs out of memory (caught, failed in
 * words, not retried) and a document whose worker keeps dying (failed for good after a few runs).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:hostile-uploads;DB_CLOSE_DELAY=-1",
            "gemmavision.documents.poll-interval=100ms"
        })
class HostileUploadTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DocumentRepository repository;

    @MockitoBean
    Ocr ocr;

    private static JsonNode json(HttpResponse<String> response) {
        return DocumentPolling.json(response);
    }

    private static JsonNode finished(AppClient client, String id) {
        return DocumentPolling.finished(client, id);
    }

    @Test
    void aSmallPdfWithA140CharacterCjkNameIsAccepted() {
        String name = "請求書".repeat(46) + "一二.pdf";
        HttpResponse<String> response = new AppClient(port)
                .upload("/documents", Map.of(name, TestPdfs.report(1)), "Accept", "application/json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(json(response).get("accepted").get(0).get("filename").asString())
                .isEqualTo(name);
    }

    @Test
    void aNegativePageCountAndATruncatedPngAreRefusedInWords() {
        AppClient client = new AppClient(port);
        HttpResponse<String> negative = client.upload(
                "/documents", Map.of("minus.pdf", HostileFiles.negativePageCount()), "Accept", "application/json");
        byte[] png = TestPdfs.png(400, 300);
        HttpResponse<String> cut = client.upload(
                "/documents",
                Map.of("cut.png", HostileFiles.truncated(png, png.length / 2)),
                "Accept",
                "application/json");

        assertThat(negative.statusCode()).isEqualTo(422);
        assertThat(negative.body())
                .contains("minus.pdf has no pages")
                .doesNotContain("Illegal")
                .doesNotContain("Exception");
        assertThat(cut.statusCode()).isEqualTo(422);
        assertThat(cut.body()).contains("cut.png is not a readable image (damaged or truncated)");
    }

    @Test
    void aPdfPasswordIsStoredSealedNeverInPlainText() throws Exception {
        AppClient client = new AppClient(port);
        byte[] locked =
                TestPdfs.encrypted(TestPdfs.invoice(TestInvoices.ITALIAN, TestPdfs.Layout.COLUMNS), "open-sesame-42");
        String id = json(client.upload("/documents", Map.of("locked.pdf", locked), "Accept", "application/json"))
                .get("accepted")
                .get(0)
                .get("id")
                .asString();

        client.postForm("/documents/" + id + "/password", "password=open-sesame-42");
        JsonNode after = finished(client, id);

        assertThat(after.get("status").asString()).isEqualTo("done");
        String stored = jdbc.sql("SELECT password_sealed FROM document WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
        assertThat(stored).isNotBlank().doesNotContain("open-sesame-42");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM information_schema.columns WHERE LOWER(table_name) = 'document'"
                                + " AND LOWER(column_name) = 'password'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void runningOutOfMemoryFailsTheDocumentInWordsOnceAndTheServerGoesOn() throws Exception {
        when(ocr.available()).thenReturn(true);
        when(ocr.read(any(), any())).thenThrow(new OutOfMemoryError("Java heap space"));
        AppClient client = new AppClient(port);
        byte[] scan = ImagePdf.of(
                TestPdfs.scanned(TestPdfs.invoice(TestInvoices.ENGLISH, TestPdfs.Layout.COLUMNS), "jpg", 100));
        String id = json(client.upload("/documents", Map.of("scan.pdf", scan), "Accept", "application/json"))
                .get("accepted")
                .get(0)
                .get("id")
                .asString();

        JsonNode failed = finished(client, id);
        Thread.sleep(500);

        assertThat(failed.get("status").asString()).isEqualTo("failed");
        assertThat(failed.get("error").asString())
                .isEqualTo("Could not be processed: reading it (page 1) needs more"
                        + " memory than the server gives one document. Try a smaller file or a lower resolution.");
        assertThat(json(client.get("/documents/" + id + ".json")).get("status").asString())
                .isEqualTo("failed");
        assertThat(client.get("/actuator/health").statusCode()).isEqualTo(200);
    }

    @Test
    void aPageTreeThatContainsItselfFailsAsDamagedNotAsAnUnexpectedError() {
        AppClient client = new AppClient(port);
        HttpResponse<String> upload = client.upload(
                "/documents", Map.of("cyclic.pdf", HostileFiles.cyclicPageTree()), "Accept", "application/json");
        // its page count reads fine, so it is accepted; reading its second page meets the loop
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        JsonNode done =
                finished(client, json(upload).get("accepted").get(0).get("id").asString());

        assertThat(done.get("status").asString()).isEqualTo("failed");
        assertThat(done.get("error").asString())
                .startsWith("Could not be processed: the file is damaged (its page list refers to itself)")
                .doesNotContain("unexpected");
    }

    @Test
    void anyErrorInAWorkerEndsThatDocumentInWordsAndTheNextDocumentIsRead() throws Exception {
        when(ocr.available()).thenReturn(true);
        when(ocr.read(any(), any())).thenThrow(new InternalError("a native decoder gave up"));
        AppClient client = new AppClient(port);
        byte[] scan = ImagePdf.of(
                TestPdfs.scanned(TestPdfs.invoice(TestInvoices.GERMAN, TestPdfs.Layout.COLUMNS), "jpg", 100));
        String id = json(client.upload("/documents", Map.of("broken-scan.pdf", scan), "Accept", "application/json"))
                .get("accepted")
                .get(0)
                .get("id")
                .asString();

        JsonNode failed = finished(client, id);
        String next = json(client.upload(
                        "/documents", Map.of("next.pdf", TestPdfs.report(31)), "Accept", "application/json"))
                .get("accepted")
                .get(0)
                .get("id")
                .asString();

        assertThat(failed.get("status").asString()).isEqualTo("failed");
        assertThat(failed.get("error").asString())
                .startsWith("Could not be processed: an unexpected error (reference ")
                .doesNotContain("InternalError");
        assertThat(finished(client, next).get("status").asString()).isEqualTo("done");
    }

    @Test
    void aGiganticPageSaysItIsTooLargeToRenderNotThatTesseractIsMissing() throws Exception {
        when(ocr.available()).thenReturn(true);
        byte[] poster;
        try (PDDocument pdf = new PDDocument()) {
            pdf.addPage(new PDPage(new PDRectangle(14400, 14400)));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            poster = out.toByteArray();
        }
        AppClient client = new AppClient(port);
        String id = json(client.upload("/documents", Map.of("poster.pdf", poster), "Accept", "application/json"))
                .get("accepted")
                .get(0)
                .get("id")
                .asString();

        JsonNode done = finished(client, id);

        assertThat(done.get("status").asString()).isEqualTo("done");
        assertThat(done.get("pages").get(0).get("note").asString())
                .contains("too large to render for OCR")
                .contains("508 × 508 cm");
        assertThat(done.get("error").asString()).doesNotContain("not installed");
    }

    /** A one-page PDF of a new owner, stored as running: its id. */
    private String running(String name) {
        String owner = "owner-" + System.nanoTime();
        String id = name + "-" + System.nanoTime();
        repository.touchOwner(owner);
        repository.insert(new StoredDocument(
                id,
                owner,
                name + ".pdf",
                "application/pdf",
                10,
                DocumentStatus.RUNNING,
                0,
                "Reading page 1 of 1",
                null,
                1,
                null,
                null,
                false,
                Instant.now()));
        return id;
    }

    @Test
    void aDocumentWhoseWorkerKeepsDyingFailsForGoodAfterThreeRuns() {
        String id = running("poison");
        for (int run = 1; run <= 3; run++) {
            jdbc.sql("UPDATE document SET status = 'RUNNING', attempts = ?, claimed_alone = TRUE,"
                            + " claimed_by = 'dead-instance',"
                            + " heartbeat_at = ? WHERE id = ?")
                    .params(run, Timestamp.from(Instant.now().minusSeconds(60)), id)
                    .update();
            repository.expireClaims(Instant.now().minusSeconds(20), 3);
            String status = repository.find(id).orElseThrow().status().name();
            String claimedBy = jdbc.sql("SELECT claimed_by FROM document WHERE id = ?")
                    .param(id)
                    .query(String.class)
                    .optional()
                    .orElse(null);
            if (run < 3) {
                // queued again; this app's own worker may already have claimed it (it polls every 100 ms)
                assertThat(status.equals("QUEUED") || status.equals("RUNNING") && !"dead-instance".equals(claimedBy))
                        .as("after run %d: %s, claimed by %s", run, status, claimedBy)
                        .isTrue();
            } else {
                assertThat(status).as("after run %d", run).isEqualTo("FAILED");
            }
        }
        assertThat(repository.find(id).orElseThrow().error())
                .startsWith("Could not be processed: the server stopped 3 times while reading this document alone");
    }

    @Test
    void aDocumentWhoseRunDiedBesideAnotherIsNeverChargedAndIsNextReadAlone() {
        String id = running("bystander");
        for (int death = 1; death <= 5; death++) {
            // it died with the server while another document was read beside it (not claimed alone)
            jdbc.sql("UPDATE document SET status = 'RUNNING', attempts = 0, claimed_alone = FALSE,"
                            + " claimed_by = 'dead-instance', heartbeat_at = ? WHERE id = ?")
                    .params(Timestamp.from(Instant.now().minusSeconds(60)), id)
                    .update();
            repository.expireClaims(Instant.now().minusSeconds(20), 3);
            StoredDocument after = repository.find(id).orElseThrow();
            assertThat(after.status().name()).as("after death %d", death).isEqualTo("QUEUED");
        }
        assertThat(jdbc.sql("SELECT solo FROM document WHERE id = ?")
                        .param(id)
                        .query(Boolean.class)
                        .single())
                .as("queued to be read alone")
                .isTrue();
        jdbc.sql("UPDATE document SET status = 'FAILED' WHERE id = ?").param(id).update();
    }

    @Test
    void aTooLongPasswordIsRefusedWithItsReasonAndErrorAskedForDirectlyIs404() {
        AppClient client = new AppClient(port);
        String id = json(client.upload("/documents", Map.of("a.pdf", TestPdfs.report(1)), "Accept", "application/json"))
                .get("accepted")
                .get(0)
                .get("id")
                .asString();

        HttpResponse<String> tooLong = client.postForm("/documents/" + id + "/password", "password=" + "x".repeat(300));

        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("A PDF password has at most 200 characters.");
        assertThat(client.get("/error").statusCode()).isEqualTo(404);
    }

    @Test
    void fileNamesAreCutBetweenCharactersNeverInsideOne() {
        String name = "a".repeat(198) + "👍🏽👍🏽.pdf";
        String safe = Documents.safeName(name);
        assertThat(safe).endsWith("…").doesNotContain("\uFFFD");
        String kept = safe.substring(0, safe.length() - 1);
        assertThat(Character.isHighSurrogate(kept.charAt(kept.length() - 1))).isFalse();
        assertThat(kept.codePointCount(0, kept.length())).isLessThanOrEqualTo(Documents.MAX_NAME_LENGTH);
        assertThat(Documents.safeName("a".repeat(198) + "👍🏽x.pdf")).isEqualTo("a".repeat(198) + "…");
        assertThat(Documents.safeName("a".repeat(197) + "👍🏽x.pdf")).isEqualTo("a".repeat(197) + "👍🏽…");
    }

    @Test
    void bidirectionalControlsAreRemovedSoANameShowsWhatItIs() {
        assertThat(Documents.safeName("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
        assertThat(Documents.safeName("\u2067report\u2069\u200F.pdf\u061C")).isEqualTo("report.pdf");
        assertThat(Documents.safeName("family👨\u200D👩\u200D👧.pdf")).isEqualTo("family👨\u200D👩\u200D👧.pdf");
    }
}
