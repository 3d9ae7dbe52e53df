package com.gemmavision.workload;

import static com.gemmavision.documents.DocumentPolling.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import com.gemmavision.AppClient;
import com.gemmavision.documents.DocumentPolling;
import com.gemmavision.documents.TestInvoices;
import com.gemmavision.documents.TestPdfs;

import tools.jackson.databind.JsonNode;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An uploaded invoice becomes a workload: its exact tokens (Gemma 3's tokenizer, counted when processing finished),
 * documents per hour and cost per 1,000 documents, on the page and through the API; and only for its owner.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:workload-flow;DB_CLOSE_DELAY=-1")
class WorkloadFlowTest {

    @LocalServerPort
    int port;

    @Test
    void anUploadedDocumentGivesDocumentsPerHourAndCostPer1000() throws Exception {
        AppClient client = new AppClient(port);
        client.get("/");
        String id = DocumentPolling.acceptedId(client.upload(
                "/documents",
                Map.of("invoice.pdf", TestPdfs.invoice(TestInvoices.GERMAN, TestPdfs.Layout.COLUMNS)),
                "Accept",
                "application/json"));
        JsonNode done = DocumentPolling.finished(client, id);
        assertThat(done.get("status").asString()).isEqualTo("done");

        HttpResponse<String> api = client.get("/api/workload?gpu=NVIDIA%20L4&model=Gemma3-12B-IT&quant=fp8"
                + "&engine=vllm&pricePerHour=0.80&documentId=" + id);
        assertThat(api.statusCode()).isEqualTo(200);
        JsonNode workload = json(api);
        assertThat(workload.get("exactTokens").asBoolean()).isTrue();
        assertThat(workload.get("textTokens").asLong()).isPositive();
        // a PDF page is read as one image too: 256 tokens a page
        assertThat(workload.get("imageTokens").asLong() % 256).isZero();
        assertThat(workload.get("tokensPerDocument").asLong())
                .isEqualTo(workload.get("textTokens").asLong()
                        + workload.get("imageTokens").asLong());
        assertThat(workload.get("inputs").get("document").asString()).isEqualTo("invoice.pdf");
        assertThat(workload.get("documentsPerHour").get("bound").asDouble()).isPositive();
        assertThat(workload.get("costPer1000").get("bound").asDouble()).isPositive();

        Document page = Jsoup.parse(
                client.get("/workload?gpu=NVIDIA%20L4&documentId=" + id).body());
        assertThat(page.select("select[name=documentId] option[selected]").text())
                .isEqualTo("invoice.pdf");
        assertThat(page.select("#workload-results .note").first().text())
                .startsWith("invoice.pdf:")
                .contains("exact");

        // another user cannot use it
        AppClient stranger = new AppClient(port);
        stranger.get("/");
        HttpResponse<String> refused = stranger.get("/api/workload?documentId=" + id);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).get("parameter").asString()).isEqualTo("documentId");
    }
}
