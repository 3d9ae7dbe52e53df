package com.gemmavision.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.gemmavision.AppClient;
import com.gemmavision.documents.intake.TempFiles;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * People correct fields in place (kept with an audit trail, applied again after a rerun, refused in words when
 * implausible), export a document as a labelled example, download the batch as CSV; ZIP archives, standalone
 * e-invoice XML and e-invoice PDFs whose XML disagrees with their page are read and checked.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:corrections;DB_CLOSE_DELAY=-1",
                    "gemmavision.documents.poll-interval=100ms",
            "gemmavision.documents.max-file-size=3MB", "spring.servlet.multipart.max-file-size=4MB"
        })
class CorrectionsAndBatchTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private static JsonNode json(HttpResponse<String> response) {
        return DocumentPolling.json(response);
    }

    private static String form(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static JsonNode done(AppClient client, String id) {
        return DocumentPolling.finished(client, id);
    }

    private static HttpResponse<String> uploadJson(AppClient client, String name, byte[] file) {
        return client.upload("/documents", Map.of(name, file), "Accept", "application/json");
    }

    private String upload(AppClient client, String name, byte[] file) {
        HttpResponse<String> response = client.upload("/documents", Map.of(name, file), "Accept", "application/json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).get("accepted").get(0).get("id").asString();
    }

    @Test
    void aCorrectionIsStoredWithItsHistoryMarkedAndSurvivesARerun() throws Exception {
        AppClient client = new AppClient(port);
        String id = upload(client, "rechnung.pdf", TestPdfs.invoice(TestInvoices.GERMAN, TestPdfs.Layout.COLUMNS));
        assertThat(done(client, id).get("fields").get("totalAmount").asString()).isEqualTo("357.00");

        HttpResponse<String> corrected = client.postForm(
                "/documents/" + id + "/fields/totalAmount", form("value", "1.357,00"), "Accept", "application/json");

        assertThat(corrected.statusCode()).isEqualTo(200);
        JsonNode fields = json(corrected).get("fields");
        assertThat(fields.get("totalAmount").asString()).isEqualTo("1357.00");
        assertThat(fields.get("evidence").get("totalAmount").get("source").asString())
                .isEqualTo("corrected");
        assertThat(fields.get("evidence").get("totalAmount").get("snippet").asString())
                .isEqualTo("was 357.00");
        assertThat(jdbc.sql("SELECT previous_value || ' -> ' || new_value FROM document_field_correction"
                                + " WHERE document_id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("357.00 -> 1357.00");

        client.postForm("/documents/rerun", "");
        Thread.sleep(300);
        assertThat(done(client, id).get("fields").get("totalAmount").asString()).isEqualTo("1357.00");

        JsonNode label = json(client.get("/documents/" + id + "/labels.json"));
        assertThat(label.get("file").asString()).isEqualTo("rechnung.pdf");
        assertThat(label.get("fields").get("totalAmount").isNumber()).isTrue();
        assertThat(label.get("fields").get("totalAmount").decimalValue()).isEqualByComparingTo("1357.00");
        assertThat(label.get("fields").get("sellerName").asString()).isEqualTo("Müller Bürobedarf GmbH");
    }

    @Test
    void implausibleCorrectionsAreRefusedInWordsAndMarkupIsNeverEchoedRaw() throws Exception {
        AppClient client = new AppClient(port);
        String id = upload(client, "invoice.pdf", TestPdfs.invoice(TestInvoices.ENGLISH, TestPdfs.Layout.COLUMNS));
        done(client, id);

        HttpResponse<String> oldDate = client.postForm(
                "/documents/" + id + "/fields/issueDate", form("value", "1850-03-01"), "Accept", "application/json");
        HttpResponse<String> huge = client.postForm(
                "/documents/" + id + "/fields/totalAmount",
                form("value", "1000000000000000"),
                "Accept",
                "application/json");
        HttpResponse<String> page =
                client.postForm("/documents/" + id + "/fields/currency", form("value", "<b>EURO</b>"));
        HttpResponse<String> unknown = client.postForm(
                "/documents/" + id + "/fields/password", form("value", "x"), "Accept", "application/json");
        HttpResponse<String> markup = client.postForm(
                "/documents/" + id + "/fields/buyerName",
                form("value", "<script>alert(1)</script> Kunde"),
                "Accept",
                "application/json");
        HttpResponse<String> stranger = new AppClient(port)
                .postForm(
                        "/documents/" + id + "/fields/totalAmount",
                        form("value", "1.00"),
                        "Accept",
                        "application/json");

        assertThat(oldDate.statusCode()).isEqualTo(422);
        assertThat(json(oldDate).get("error").asString()).contains("1850").contains("between 1900 and 2100");
        assertThat(huge.statusCode()).isEqualTo(422);
        assertThat(json(huge).get("error").asString()).contains("not plausible");
        assertThat(page.statusCode()).isEqualTo(422);
        assertThat(page.body())
                .contains("is not an ISO 4217 currency code")
                .doesNotContain("<b>EURO</b>")
                .contains("&lt;b&gt;EURO&lt;/b&gt;");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(stranger.statusCode()).isEqualTo(404);
        assertThat(markup.statusCode()).isEqualTo(200);
        String html = client.get("/").body();
        assertThat(html)
                .doesNotContain("<script>alert(1)</script>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; Kunde");
        assertThat(json(client.get("/documents/" + id + ".json"))
                        .get("fields")
                        .get("totalAmount")
                        .asString())
                .isEqualTo("1560.00");
    }

    @Test
    void aZipOfDocumentsIsOneBatchAndTheBatchDownloadsAsCsv() throws Exception {
        AppClient client = new AppClient(port);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("a/english.pdf", TestPdfs.invoice(TestInvoices.ENGLISH, TestPdfs.Layout.COLUMNS));
        files.put("b/french.pdf", TestPdfs.invoice(TestInvoices.FRENCH, TestPdfs.Layout.COLUMNS));
        HttpResponse<String> upload = uploadJson(client, "batch.zip", EInvoices.zip(files));

        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        JsonNode accepted = json(upload).get("accepted");
        assertThat(accepted).hasSize(2);
        assertThat(accepted.get(0).get("filename").asString()).isEqualTo("english.pdf");
        done(client, accepted.get(0).get("id").asString());
        done(client, accepted.get(1).get("id").asString());

        HttpResponse<String> csv = client.get("/documents.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0])
                .startsWith("id,filename,status,documentType,invoiceNumber")
                .contains("totalAmount");
        assertThat(lines).hasSize(3);
        assertThat(csv.body()).contains("english.pdf").contains("1560.00").contains("french.pdf");
    }

    @Test
    void zipBombsAndNestedArchivesAreRefusedAndNothingOfThemIsKept() {
        AppClient client = new AppClient(port);
        HttpResponse<String> bomb = uploadJson(client, "bomb.zip", EInvoices.zipBomb(20));
        HttpResponse<String> nested = uploadJson(
                client,
                "nested.zip",
                EInvoices.zip(Map.of("inner.zip", EInvoices.zip(Map.of("x.pdf", TestPdfs.report(1))))));

        assertThat(bomb.statusCode()).isEqualTo(413);
        assertThat(json(bomb).get("rejected").get(0).get("error").asString())
                .contains("unpacks to more than the 3 MB limit");
        assertThat(nested.statusCode()).isEqualTo(413);
        assertThat(json(nested).get("rejected").get(0).get("error").asString()).contains("holds another archive");
        assertThat(json(client.get("/documents.json"))).isEmpty();
    }

    private static List<String> leftoverUploads() throws Exception {
        try (Stream<Path> files = Files.list(TempFiles.directory())) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("unzipped") || n.startsWith("upload"))
                    .toList();
        }
    }

    @Test
    void aWindowsZipWithUmlautsInItsNamesIsReadWithThoseNames() throws Exception {
        AppClient client = new AppClient(port);
        HttpResponse<String> upload = uploadJson(
                client,
                "Rechnungen.zip",
                EInvoices.windowsZip(Map.of("Rechnung-Müller-Gößweinstein.pdf", TestPdfs.report(7))));

        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        assertThat(json(upload).get("accepted").get(0).get("filename").asString())
                .isEqualTo("Rechnung-Müller-Gößweinstein.pdf");
        assertThat(leftoverUploads()).isEmpty();
    }

    @Test
    void anEncryptedZipIsRefusedAsUnreadableAndNothingIsLeftInTheTemporaryFolder() throws Exception {
        AppClient client = new AppClient(port);
        HttpResponse<String> upload =
                uploadJson(client, "locked.zip", EInvoices.encryptedZip(Map.of("a.pdf", TestPdfs.report(8))));

        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(422);
        assertThat(json(upload).get("rejected").get(0).get("error").asString()).contains("is encrypted");
        assertThat(leftoverUploads()).isEmpty();
    }

    @Test
    void hiddenEntriesAndFoldersAreCountedButNeverInflated() throws Exception {
        AppClient client = new AppClient(port);
        HttpResponse<String> hidden =
                uploadJson(client, "mac.zip", EInvoices.zipWithCorruptHiddenEntry("invoice.pdf", TestPdfs.report(9)));
        HttpResponse<String> folders =
                uploadJson(client, "folders.zip", EInvoices.zipWithManyFolders(1_001, "x.pdf", TestPdfs.report(10)));

        assertThat(hidden.statusCode()).as(hidden.body()).isEqualTo(201);
        assertThat(json(hidden).get("accepted").get(0).get("filename").asString())
                .isEqualTo("invoice.pdf");
        assertThat(folders.statusCode()).as(folders.body()).isEqualTo(413);
        assertThat(json(folders).get("rejected").get(0).get("error").asString()).contains("1002 entries");
        assertThat(leftoverUploads()).isEmpty();
    }

    @Test
    void aSellerNameThatIsAFormulaDownloadsAsTextInEveryCsv() throws Exception {
        AppClient client = new AppClient(port);
        String formula = "=HYPERLINK(\"http://example.invalid\",\"Pay here\")";
        String xml =
                EInvoices.ubl().replace("Van Dijk Installaties B.V.", formula).replace("UBL-2024-17", "UBL-FORMULA");
        String id = upload(client, "formula.xml", xml.getBytes(StandardCharsets.UTF_8));
        assertThat(done(client, id).get("fields").get("sellerName").asString()).isEqualTo(formula);

        String batch = client.get("/documents.csv").body();
        String fields = client.get("/documents/" + id + "/fields.csv").body();

        assertThat(batch)
                .contains("'=HYPERLINK(")
                .doesNotContain(",\"=HYPERLINK(")
                .doesNotContain(",=HYPERLINK(");
        assertThat(fields)
                .contains("'=HYPERLINK(")
                .doesNotContain(",\"=HYPERLINK(")
                .doesNotContain(",=HYPERLINK(");
    }

    @Test
    void aStandaloneUblInvoiceIsReadFromItsXmlAndAnExternalEntityIsRefused() throws Exception {
        AppClient client = new AppClient(port);
        String id = upload(client, "invoice.xml", EInvoices.ubl().getBytes(StandardCharsets.UTF_8));
        JsonNode fields = done(client, id).get("fields");
        HttpResponse<String> hostile =
                uploadJson(client, "xxe.xml", EInvoices.withExternalEntity().getBytes(StandardCharsets.UTF_8));

        assertThat(fields.get("invoiceNumber").asString()).isEqualTo("UBL-2024-17");
        assertThat(fields.get("totalAmount").asString()).isEqualTo("121.00");
        assertThat(fields.get("sellerName").asString()).isEqualTo("Van Dijk Installaties B.V.");
        assertThat(fields.get("iban").asString()).isEqualTo("NL91ABNA0417164300");
        assertThat(fields.get("evidence").get("totalAmount").get("source").asString())
                .isEqualTo("embedded XML");
        assertThat(fields.get("evidence").get("totalAmount").get("checksPassed").toString())
                .contains("net 100.00 + tax 21.00");
        assertThat(fields.get("lineItems").get(0).get("description").asString()).isEqualTo("Montage");
        assertThat(hostile.statusCode()).isEqualTo(422);
        assertThat(hostile.body()).contains("not a UBL or CII e-invoice").doesNotContain("root:");
    }

    @Test
    void anEInvoiceWhoseXmlDisagreesWithItsPageSaysSoAndIsLessSure() throws Exception {
        AppClient client = new AppClient(port);
        byte[] page = TestPdfs.invoice(TestInvoices.GERMAN, TestPdfs.Layout.COLUMNS);
        byte[] einvoice = EInvoices.pdfWithXml(page, EInvoices.cii("RE-2024-0042", "357.01", "300.00", "57.00"));
        JsonNode fields =
                done(client, upload(client, "e-rechnung.pdf", einvoice)).get("fields");

        JsonNode total = fields.get("evidence").get("totalAmount");
        assertThat(fields.get("totalAmount").asString()).isEqualTo("357.01");
        assertThat(total.get("source").asString()).isEqualTo("embedded XML");
        assertThat(total.get("checksFailed").toString()).contains("XML 357.01, page 357.00");
        assertThat(total.get("confidence").asDouble())
                .isLessThan(fields.get("evidence")
                        .get("invoiceNumber")
                        .get("confidence")
                        .asDouble());
        assertThat(fields.get("evidence")
                        .get("invoiceNumber")
                        .get("checksPassed")
                        .toString())
                .contains("the page shows the same");
    }
}
