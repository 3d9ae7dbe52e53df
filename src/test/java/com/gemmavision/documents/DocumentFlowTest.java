package com.gemmavision.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.gemmavision.AppClient;
import com.gemmavision.documents.extraction.ExtractedField;
import com.gemmavision.documents.extraction.FieldExtractor;
import com.gemmavision.documents.processing.DocumentRepository;
import com.gemmavision.tokens.GemmaTokenizer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Uploading real PDFs through HTTP and reading back what the app extracted, on the real H2 database. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:document-flows;DB_CLOSE_DELAY=-1",
            "gemmavision.documents.max-pages=8",
            "gemmavision.documents.max-megapixels=2",
            "gemmavision.documents.max-file-size=3MB",
            "gemmavision.documents.max-documents=6",
            "gemmavision.documents.poll-interval=100ms"
        })
class DocumentFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    GemmaTokenizer tokenizer;

    @Autowired
    DocumentRepository repository;

    @BeforeEach
    void tokenizerLoaded() {
        assertThat(tokenizer.awaitReady()).isTrue();
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private JsonNode waitUntilFinished(AppClient client, String id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonNode document = json(client.get("/documents/" + id + ".json"));
            String status = document.get("status").asString();
            if (!status.equals("queued") && !status.equals("running")) {
                return document;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("document " + id + " did not finish");
    }

    private static Map<String, byte[]> files(Object... nameThenBytes) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < nameThenBytes.length; i += 2) {
            files.put((String) nameThenBytes[i], (byte[]) nameThenBytes[i + 1]);
        }
        return files;
    }

    @Test
    void anUploadedPdfIsReadPageByPageWithFieldsEvidenceTablesAndTokens() throws Exception {
        AppClient client = new AppClient(port);
        client.get("/");
        client.get("/?model=Gemma3-1B&model=Gemma3-4B-IT");
        byte[] pdf = TestPdfs.invoice(TestInvoices.GERMAN, TestPdfs.Layout.COLUMNS);

        HttpResponse<String> upload =
                client.upload("/documents", files("rechnung.pdf", pdf), "Accept", "application/json");

        assertThat(upload.statusCode()).isEqualTo(201);
        String id = json(upload).get("accepted").get(0).get("id").asString();
        JsonNode document = waitUntilFinished(client, id);
        assertThat(document.get("status").asString()).isEqualTo("done");
        assertThat(document.get("progress").asDouble()).isEqualTo(1.0);
        assertThat(document.get("pages").get(0).get("textSource").asString()).isEqualTo("text-layer");
        JsonNode fields = document.get("fields");
        TestInvoices.GERMAN
                .expected()
                .forEach((name, value) ->
                        assertThat(fields.get(name).asString()).as(name).isEqualTo(value));
        assertThat(fields.get("evidence").get("totalAmount").get("page").asInt())
                .isEqualTo(1);
        assertThat(fields.get("evidence").get("totalAmount").get("snippet").asString())
                .contains("357,00");
        assertThat(document.get("tables").get(0).get("rows").get(1).get(0).asString())
                .isEqualTo("Ordner A4");
        JsonNode tokens = document.get("tokens");
        assertThat(tokens.get("Gemma3-1B").get("imageTokens").asLong()).isZero();
        assertThat(tokens.get("Gemma3-1B").get("readsImages").asBoolean()).isFalse();
        assertThat(tokens.get("Gemma3-4B-IT").get("imageTokens").asLong()).isEqualTo(256);
        // counted with Gemma 3's tokenizer when processing finished, not estimated from the characters
        assertThat(tokens.get("Gemma3-4B-IT").get("textTokensExact").asBoolean())
                .isTrue();
        assertThat(tokens.get("Gemma3-4B-IT").get("textTokens").asLong())
                .isEqualTo(tokenizer
                        .count(document.get("pages").get(0).get("text").asString())
                        .getAsLong());
        assertThat(tokens.get("Gemma3-4B-IT").get("fits").asBoolean()).isTrue();
        assertThat(tokens.get("Gemma3-4B-IT").get("memoryBytes").get("bf16").asLong())
                .isPositive();

        String fieldsCsv = client.get("/documents/" + id + "/fields.csv").body();
        assertThat(fieldsCsv)
                .startsWith("field,value,page,snippet,confidence")
                .contains("iban,DE89370400440532013000,1,");
        Document page = client.page("/?model=Gemma3-4B-IT");
        assertThat(page.select("#document-" + id + " table.fields td strong").eachText())
                .contains("RE-2024-0042");
        assertThat(page.select("#document-" + id + " table.fields td strong").eachAttr("title"))
                .contains("357.00");
        Document german = Jsoup.parse(
                client.get("/?model=Gemma3-4B-IT", "Accept-Language", "de-DE").body());
        Document american = Jsoup.parse(
                client.get("/?model=Gemma3-4B-IT", "Accept-Language", "en-US").body());
        assertThat(german.select("#document-" + id + " table.fields td strong").eachText())
                .contains("357,00 €", "02.07.2015");
        assertThat(american.select("#document-" + id + " table.fields td strong")
                        .eachText())
                .contains("€357.00", "Jul 2, 2015");
        assertThat(page.select("#document-" + id + " pre.page-text mark").eachText())
                .anySatisfy(marked -> assertThat(marked).matches("Gesamtbetrag\\s+357,00 €"));
        assertThat(page.select("#document-list li a").eachText()).contains("rechnung.pdf");
        // exact counts are not labelled as estimates
        assertThat(page.select("#document-" + id + " table.tokens th").eachText())
                .contains("Text tokens")
                .doesNotContain("Text tokens (est.)");
        assertThat(page.select("#ask-" + id + " .hint").text()).contains("gemmavision.llm.base-url");
        long tokens4B = tokens.get("Gemma3-4B-IT").get("totalTokens").asLong();
        Document advisor = client.page("/advisor?model=Gemma3-1B&model=Gemma3-4B-IT");
        assertThat(advisor.select(".document-contexts a").text())
                .isEqualTo("From rechnung.pdf: " + tokens4B + " tokens");
        assertThat(advisor.select(".document-contexts a").attr("href")).contains("context=" + tokens4B);
        assertThat(page.select("#ask-" + id + " button")).isEmpty();
        assertThat(client.postForm("/documents/" + id + "/ask", "").statusCode())
                .isEqualTo(409);
    }

    @Test
    void severalFilesInOneUploadInEveryLayout() throws Exception {
        AppClient client = new AppClient(port);
        HttpResponse<String> upload = client.upload(
                "/documents",
                files(
                        "english.pdf", TestPdfs.invoice(TestInvoices.ENGLISH, TestPdfs.Layout.RIGHT_ALIGNED),
                        "french.pdf", TestPdfs.invoice(TestInvoices.FRENCH, TestPdfs.Layout.COLUMNS),
                        "italian.pdf", TestPdfs.invoice(TestInvoices.ITALIAN, TestPdfs.Layout.RIGHT_ALIGNED)),
                "Accept",
                "application/json");

        assertThat(upload.statusCode()).isEqualTo(201);
        List<TestInvoices.Invoice> expected = List.of(TestInvoices.ENGLISH, TestInvoices.FRENCH, TestInvoices.ITALIAN);
        for (int i = 0; i < 3; i++) {
            JsonNode document = waitUntilFinished(
                    client, json(upload).get("accepted").get(i).get("id").asString());
            JsonNode fields = document.get("fields");
            for (String name : List.of("invoiceNumber", "issueDate", "totalAmount", "taxAmount", "iban", "vatId")) {
                assertThat(fields.get(name).asString())
                        .as(expected.get(i).name() + " " + name)
                        .isEqualTo(expected.get(i).expected().get(name.equals("vatId") ? "sellerVatId" : name));
            }
        }
        assertThat(json(client.get("/documents.json"))).hasSize(3);
    }

    @Test
    void anotherSessionsDocumentIsNotFound() throws Exception {
        AppClient alice = new AppClient(port);
        String id = json(alice.upload(
                        "/documents",
                        files("a.pdf", TestPdfs.invoice(TestInvoices.DUTCH, TestPdfs.Layout.COLUMNS)),
                        "Accept",
                        "application/json"))
                .get("accepted")
                .get(0)
                .get("id")
                .asString();
        AppClient bob = new AppClient(port);

        assertThat(bob.get("/documents/" + id + ".json").statusCode()).isEqualTo(404);
        assertThat(bob.get("/documents/" + id + "/fields.csv").statusCode()).isEqualTo(404);
        assertThat(bob.postForm("/documents/" + id + "/delete", "").statusCode())
                .isEqualTo(404);
        assertThat(json(bob.get("/documents.json"))).isEmpty();
        assertThat(alice.get("/documents/" + id + ".json").statusCode()).isEqualTo(200);
    }

    @Test
    void badFilesGetAClearMessageAndA4xxAndNothingUploadedIsLost() throws Exception {
        AppClient client = new AppClient(port);
        client.upload("/documents", files("keep.pdf", TestPdfs.invoice(TestInvoices.SPANISH, TestPdfs.Layout.COLUMNS)));
        byte[] valid = TestPdfs.invoice(TestInvoices.ENGLISH, TestPdfs.Layout.COLUMNS);
        byte[] oversized = new byte[3_500_000];
        System.arraycopy("%PDF-1.4\n".getBytes(), 0, oversized, 0, 9);

        Map<String, Integer> statusByFile = new LinkedHashMap<>();
        Map<String, String> errorByFile = new LinkedHashMap<>();
        Map<String, byte[]> bad = files(
                "empty.pdf", new byte[0],
                "random.pdf",
                        new Random(1)
                                .ints(2000, 0, 256)
                                .collect(ByteArrayOutputStream::new, (out, b) -> out.write(b), (a, b) -> {})
                                .toByteArray(),
                "truncated.pdf", Arrays.copyOf(valid, 300),
                "many-pages.pdf", TestPdfs.report(9),
                "huge.png", TestPdfs.png(2000, 1500),
                "big.pdf", oversized,
                "animation.gif", "GIF89a\u0001\u0000".getBytes());
        for (var file : bad.entrySet()) {
            HttpResponse<String> response =
                    client.upload("/documents", Map.of(file.getKey(), file.getValue()), "Accept", "application/json");
            statusByFile.put(file.getKey(), response.statusCode());
            errorByFile.put(
                    file.getKey(),
                    json(response).get("rejected").get(0).get("error").asString());
        }

        assertThat(statusByFile)
                .containsEntry("empty.pdf", 400)
                .containsEntry("random.pdf", 415)
                .containsEntry("truncated.pdf", 422)
                .containsEntry("many-pages.pdf", 413)
                .containsEntry("huge.png", 413)
                .containsEntry("big.pdf", 413)
                .containsEntry("animation.gif", 415);
        assertThat(errorByFile.get("random.pdf")).contains("not a PDF, PNG, JPEG, e-invoice XML or ZIP file");
        assertThat(errorByFile.get("many-pages.pdf")).contains("9 pages; the limit is 8");
        assertThat(errorByFile.get("huge.png")).contains("2,000 × 1,500 pixels").contains("limit is 2 megapixels");
        assertThat(errorByFile.get("big.pdf")).contains("larger than the 3 MB limit");
        assertThat(json(client.get("/documents.json")))
                .extracting(n -> n.get("filename").asString())
                .containsExactly("keep.pdf");
    }

    @Test
    void theLimitOfDocumentsPerUserIsKept() {
        AppClient client = new AppClient(port);
        // seven different files (the same file twice would be recognised as such and kept once)
        List<TestInvoices.Invoice> invoices = TestInvoices.all().toList();
        Map<String, byte[]> seven = new LinkedHashMap<>();
        for (int i = 1; i <= 7; i++) {
            seven.put("doc-" + i + ".pdf", TestPdfs.invoice(invoices.get(i - 1), TestPdfs.Layout.COLUMNS));
        }

        HttpResponse<String> response = client.upload("/documents", seven, "Accept", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("accepted")).hasSize(6);
        assertThat(json(response).get("rejected").get(0).get("error").asString())
                .contains("the limit; remove one first");
    }

    @Test
    void anEncryptedPdfAsksForItsPasswordThenReads() throws Exception {
        AppClient client = new AppClient(port);
        byte[] locked = TestPdfs.encrypted(TestPdfs.invoice(TestInvoices.ITALIAN, TestPdfs.Layout.COLUMNS), "s3cret");

        String id = json(client.upload("/documents", files("locked.pdf", locked), "Accept", "application/json"))
                .get("accepted")
                .get(0)
                .get("id")
                .asString();
        JsonNode before = json(client.get("/documents/" + id + ".json"));
        assertThat(before.get("status").asString()).isEqualTo("failed");
        assertThat(before.get("needsPassword").asBoolean()).isTrue();
        assertThat(before.get("error").asString()).contains("encrypted");
        assertThat(client.page("/").select("#document-" + id + " input[type=password]"))
                .hasSize(1);

        assertThat(client.postForm("/documents/" + id + "/password", "password=" + "x".repeat(300))
                        .statusCode())
                .isEqualTo(400);
        client.postForm("/documents/" + id + "/password", "password=wrong");
        assertThat(waitUntilFinished(client, id).get("needsPassword").asBoolean())
                .isTrue();
        client.postForm("/documents/" + id + "/password", "password=s3cret");
        JsonNode after = waitUntilFinished(client, id);

        assertThat(after.get("status").asString()).isEqualTo("done");
        assertThat(after.get("fields").get("totalAmount").asString()).isEqualTo("244.00");
    }

    @Test
    void filenamesAreStrippedOfFoldersAndNeverRenderedAsMarkup() {
        AppClient client = new AppClient(port);
        byte[] pdf = TestPdfs.invoice(TestInvoices.DUTCH, TestPdfs.Layout.COLUMNS);

        client.upload("/documents", files("../../etc/<img src=x onerror=alert(1)>.pdf", pdf));
        String body = client.get("/").body();

        assertThat(json(client.get("/documents.json")).get(0).get("filename").asString())
                .isEqualTo("<img src=x onerror=alert(1)>.pdf");
        assertThat(body).doesNotContain("<img src=x").contains("&lt;img src=x onerror=alert(1)&gt;.pdf");
    }

    @Test
    void uploadsNeedTheCsrfTokenAndCanBeRemoved() throws Exception {
        AppClient client = new AppClient(port);
        assertThat(client.post("/documents").statusCode()).isEqualTo(403);

        String id = json(client.upload(
                        "/documents",
                        files("x.pdf", TestPdfs.invoice(TestInvoices.DUTCH, TestPdfs.Layout.COLUMNS)),
                        "Accept",
                        "application/json"))
                .get("accepted")
                .get(0)
                .get("id")
                .asString();
        HttpResponse<String> removed = client.postForm("/documents/" + id + "/delete", "", "HX-Request", "true");

        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(removed.body()).select("#document-" + id)).isEmpty();
        assertThat(client.get("/documents/" + id + ".json").statusCode()).isEqualTo(404);
    }

    @Test
    void panAndScanAddsCropTokensForPagesAndTheProgressSectionPolls() throws Exception {
        AppClient client = new AppClient(port);
        client.get("/");
        client.get("/?model=Gemma3-27B-IT&panScan=true");
        String id = json(client.upload(
                        "/documents",
                        files("p.pdf", TestPdfs.invoice(TestInvoices.DUTCH, TestPdfs.Layout.COLUMNS)),
                        "Accept",
                        "application/json"))
                .get("accepted")
                .get(0)
                .get("id")
                .asString();

        JsonNode document = waitUntilFinished(client, id);

        // An A4 page rendered at 300 dpi (2480 x 3508 px) makes 2 crops: (2 + 1) x 256 tokens.
        assertThat(document.get("tokens")
                        .get("Gemma3-27B-IT")
                        .get("imageTokens")
                        .asLong())
                .isEqualTo(768);
        assertThat(client.page("/documents/section").select("#documents").attr("hx-trigger"))
                .isEmpty();
    }

    @Test
    void valuesTheModelIsNotSureOfAndExpectedFieldsNotFoundAreRowsThatCanBeConfirmedOrAdded() throws Exception {
        AppClient client = new AppClient(port);
        client.get("/");
        HttpResponse<String> upload =
                client.upload("/documents", files("report.pdf", TestPdfs.report(1)), "Accept", "application/json");
        String id = json(upload).get("accepted").get(0).get("id").asString();
        assertThat(waitUntilFinished(client, id).get("status").asString()).isEqualTo("done");
        repository.deleteField(id, "totalAmount");
        repository.saveUnsureFields(
                id,
                List.of(new ExtractedField(
                        "totalAmount",
                        "12.30",
                        1,
                        "TOTAL 12.30",
                        0.41,
                        ExtractedField.OCR,
                        List.of(),
                        List.of("OCR unsure of the words read (52%)"))));

        Document page = client.page("/");
        Element unsure = page.selectFirst("#field-" + id + "-totalAmount");
        assertThat(unsure.hasClass("unsure")).isTrue();
        assertThat(unsure.text()).contains("not sure", "12.30", "41%", "OCR unsure");
        assertThat(unsure.select("input[name=value]").attr("value")).isEqualTo("12.30");
        assertThat(page.selectFirst("#field-" + id + "-invoiceNumber").text()).contains("not found");
        // the page says from which confidence values are stated: the thresholds the app ships (issue 28.3)
        assertThat(page.selectFirst(".stated-from-page").text())
                .isEqualTo(Math.round(100 * FieldExtractor.SHIPPED.of("", ExtractedField.OCR)) + "%");
        assertThat(page.selectFirst(".stated-from-xml").text())
                .isEqualTo(Math.round(100 * FieldExtractor.SHIPPED.of("", ExtractedField.EMBEDDED_XML)) + "%");
        // the JSON and CSV state only what is stated
        JsonNode fields = json(client.get("/documents/" + id + ".json")).get("fields");
        assertThat(fields.get("totalAmount").isNull()).isTrue();
        assertThat(fields.get("notSure").get("totalAmount").get("value").asString())
                .isEqualTo("12.30");
        assertThat(fields.get("notFound").toString()).contains("invoiceNumber");

        assertThat(client.postForm("/documents/" + id + "/fields/totalAmount", "value=12.30")
                        .statusCode())
                .isLessThan(400);
        assertThat(repository.unsureFields(id)).isEmpty();
        ExtractedField confirmed = repository.fields(id).stream()
                .filter(f -> f.name().equals("totalAmount"))
                .findFirst()
                .orElseThrow();
        assertThat(confirmed.source()).isEqualTo(ExtractedField.CORRECTED);
        assertThat(confirmed.snippet()).isEqualTo("was 12.30");
        assertThat(client.page("/")
                        .selectFirst("#field-" + id + "-invoiceNumber")
                        .text())
                .contains("not found");
    }
}
