package com.gemmavision.documents;

import static com.gemmavision.documents.DocumentPolling.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import com.gemmavision.AppClient;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The same file uploaded twice is kept once; Remove can be undone for a while; without JavaScript a page with
 * documents in progress reloads itself. Processing is off here, so uploads stay queued.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:duplicate-undo;DB_CLOSE_DELAY=-1",
            "gemmavision.documents.processing=false",
            "gemmavision.documents.undo-for=3s"
        })
class DuplicateAndUndoTest {

    @LocalServerPort
    int port;

    @Autowired
    Documents documents;

    @Autowired
    JdbcClient jdbc;

    private static byte[] invoice(TestInvoices.Invoice invoice) throws Exception {
        return TestPdfs.invoice(invoice, TestPdfs.Layout.COLUMNS);
    }

    @Test
    void theSameFileUploadedTwiceIsRecognisedAndKeptOnce() throws Exception {
        AppClient client = new AppClient(port);
        client.get("/");
        byte[] pdf = invoice(TestInvoices.GERMAN);
        client.upload("/documents", Map.of("rechnung.pdf", pdf), "Accept", "application/json");

        HttpResponse<String> again =
                client.upload("/documents", Map.of("copy of rechnung.pdf", pdf), "Accept", "application/json");

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("rejected").get(0).get("error").asString())
                .startsWith("copy of rechnung.pdf is the same file as rechnung.pdf, which you uploaded already");
        assertThat(json(client.get("/documents.json")).size()).isEqualTo(1);
        // another user may upload the same file: it is their own copy
        AppClient other = new AppClient(port);
        other.get("/");
        assertThat(other.upload("/documents", Map.of("rechnung.pdf", pdf), "Accept", "application/json")
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    void removeCanBeUndoneWhileTheDocumentIsKept() throws Exception {
        AppClient client = new AppClient(port);
        client.get("/");
        String id = DocumentPolling.acceptedId(client.upload(
                "/documents", Map.of("invoice.pdf", invoice(TestInvoices.ENGLISH)), "Accept", "application/json"));

        Document removed = Jsoup.parse(client.postForm("/documents/" + id + "/delete", "", "HX-Request", "true")
                .body());
        assertThat(json(client.get("/documents.json")).size()).isZero();
        // Undo stands in the sidebar's list, where Remove was clicked, and takes the focus after the removal only
        assertThat(removed.select("#document-list .removed button[autofocus]")).hasSize(1);
        assertThat(removed.select("#documents .removed")).isEmpty();
        Document section = Jsoup.parse(client.get("/documents/section").body());
        assertThat(section.selectFirst("#document-list .removed").text()).contains("Removed invoice.pdf");
        assertThat(section.select("#document-list .removed form").attr("action"))
                .isEqualTo("/documents/" + id + "/restore");
        assertThat(section.select("#document-list .removed button[autofocus]")).isEmpty();

        HttpResponse<String> undo = client.postForm("/documents/" + id + "/restore", "", "HX-Request", "true");

        assertThat(undo.statusCode()).isEqualTo(200);
        assertThat(json(client.get("/documents.json")).get(0).get("filename").asString())
                .isEqualTo("invoice.pdf");
        assertThat(Jsoup.parse(undo.body()).select(".removed")).isEmpty();
    }

    @Test
    void afterTheUndoTimeTheDocumentIsGoneForGood() throws Exception {
        AppClient client = new AppClient(port);
        client.get("/");
        String id = DocumentPolling.acceptedId(client.upload(
                "/documents", Map.of("facture.pdf", invoice(TestInvoices.FRENCH)), "Accept", "application/json"));
        client.postForm("/documents/" + id + "/delete", "");

        Thread.sleep(3_200);

        assertThat(client.postForm("/documents/" + id + "/restore", "").statusCode())
                .isEqualTo(404);
        documents.purgeRemoved();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM document WHERE id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void withoutJavaScriptAPageWithDocumentsInProgressReloadsItself() throws Exception {
        AppClient client = new AppClient(port);
        client.get("/");
        Document idle = client.page("/");
        assertThat(idle.select("noscript meta[http-equiv=refresh]")).isEmpty();

        client.upload("/documents", Map.of("factura.pdf", invoice(TestInvoices.SPANISH)));
        Document busy = Jsoup.parse(client.get("/").body());

        assertThat(busy.select("head noscript").html()).contains("http-equiv=\"refresh\"");
    }
}
