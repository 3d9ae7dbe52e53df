package com.gemmavision.evaluation;

import static com.gemmavision.documents.DocumentPolling.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.gemmavision.AppClient;
import com.gemmavision.documents.DocumentPolling;
import com.gemmavision.documents.TestInvoices;
import com.gemmavision.documents.TestPdfs;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The bake-off against servers shaped like the real engines ({@link FakeChatServer}): vLLM and llama-server that
 * refuse images, an older llama-server that refuses {@code response_format}, Ollama cutting a long document to its
 * 4,096-token context without an error, and servers whose answers or token counts are broken. Three invoices and a
 * four-page report, labelled by an uploaded labels.jsonl, on the real H2 database.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:engines;DB_CLOSE_DELAY=-1",
            "gemmavision.evaluation.timeout=2s",
            "gemmavision.evaluation.max-pages=3"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineShapedServersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static FakeChatServer fake;

    /** name, served model, engine, Gemma model, format, images ("" unset). */
    private static final String[][] ENDPOINTS = {
        {"vllm-text-only-with-images", "vllm-text-only", "vllm", "Gemma3-12B-IT", "bf16", ""},
        {"vllm-text-only", "vllm-text-only", "vllm", "Gemma3-12B-IT", "bf16", "false"},
        {"llamacpp-no-mmproj", "llamacpp-no-mmproj", "llamacpp", "Gemma3-4B-IT", "q4_k_m", ""},
        {"llamacpp-old", "llamacpp-old", "llamacpp", "Gemma3-4B-IT", "q4_k_m", ""},
        {"ollama-4b", "ollama", "ollama", "Gemma3-4B-IT", "q4_k_m", ""},
        {"vllm-1b", "vllm-text-only", "vllm", "Gemma3-1B-IT", "bf16", ""},
        {"schema-garbage", "schema-garbage", "vllm", "Gemma3-4B-IT", "bf16", ""},
        {"no-usage", "no-usage", "vllm", "Gemma3-4B-IT", "bf16", ""},
        {"absurd-usage", "absurd-usage", "vllm", "Gemma3-4B-IT", "bf16", ""},
        {"ollama-overcount", "ollama-overcount", "ollama", "Gemma3-4B-IT", "q4_k_m", ""},
        {"slow", "slow", "vllm", "Gemma3-27B-IT", "bf16", ""},
        {"misconfigured", "no-usage", "vllm", "Gemma3-12B", "int4", ""}
    };

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private AppClient client;
    private String labels;

    @DynamicPropertySource
    static void endpoints(DynamicPropertyRegistry registry) throws IOException {
        fake = new FakeChatServer();
        for (int i = 0; i < ENDPOINTS.length; i++) {
            String p = "gemmavision.evaluation.endpoints[" + i + "].";
            String[] e = ENDPOINTS[i];
            registry.add(p + "name", () -> e[0]);
            registry.add(p + "base-url", fake::baseUrl);
            registry.add(p + "model", () -> e[1]);
            registry.add(p + "engine", () -> e[2]);
            registry.add(p + "gemma-model", () -> e[3]);
            registry.add(p + "format", () -> e[4]);
            if (!e[5].isEmpty()) {
                registry.add(p + "images", () -> e[5]);
            }
        }
    }

    @AfterAll
    void stop() {
        fake.close();
    }

    @BeforeAll
    void threeInvoicesAndAReport() {
        client = new AppClient(port);
        client.get("/");
        StringBuilder jsonl = new StringBuilder();
        for (TestInvoices.Invoice invoice : List.of(TestInvoices.GERMAN, TestInvoices.ENGLISH, TestInvoices.FRENCH)) {
            String file = invoice.name() + ".pdf";
            String id = DocumentPolling.acceptedId(client.upload(
                    "/documents",
                    Map.of(file, TestPdfs.invoice(invoice, TestPdfs.Layout.COLUMNS)),
                    "Accept",
                    "application/json"));
            DocumentPolling.finished(client, id);
            JsonNode fields =
                    json(client.get("/documents/" + id + "/labels.json")).get("fields");
            fake.answer(fields.get("invoiceNumber").asString(), (ObjectNode) fields);
            jsonl.append(line(file, fields)).append('\n');
        }
        String report = DocumentPolling.acceptedId(
                client.upload("/documents", Map.of("report.pdf", TestPdfs.report(4)), "Accept", "application/json"));
        DocumentPolling.finished(client, report);
        jsonl.append(line("report.pdf", JSON.createObjectNode().put("totalAmount", 1037)));
        labels = jsonl.toString();
    }

    private static String line(String file, JsonNode fields) {
        ObjectNode line = JSON.createObjectNode().put("file", file);
        line.set("fields", fields);
        return line.toString();
    }

    private HttpResponse<String> api(String body) {
        return client.postJson("/api/evaluations", body);
    }

    private synchronized JsonNode bakeOff(String... endpoints) throws InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("labels", labels);
        for (String e : endpoints) {
            body.withArray("endpoints").add(e);
        }
        HttpResponse<String> started = api(body.toString());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode status = json(started);
        for (int i = 0; i < 900 && status.get("state").asString().equals("running"); i++) {
            Thread.sleep(100);
            status = json(client.get(status.get("status").asString()));
        }
        assertThat(status.get("state").asString()).isEqualTo("done");
        return status.get("runs");
    }

    private static JsonNode run(JsonNode runs, String endpoint) {
        for (JsonNode run : runs) {
            if (run.get("endpoint").asString().equals(endpoint)) {
                return run;
            }
        }
        throw new AssertionError("no run of " + endpoint + " in " + runs);
    }

    private static int labelled(JsonNode run) {
        return run.get("labelledValues").asInt();
    }

    @Test
    void imagesGoOnlyWhereTheServerReadsThemAndARefusalNamesTheSetting() throws InterruptedException {
        JsonNode runs = bakeOff("vllm-text-only-with-images", "vllm-text-only", "llamacpp-no-mmproj", "vllm-1b");

        JsonNode refused = run(runs, "vllm-text-only-with-images");
        assertThat(refused.get("failed").asInt()).as(refused.toString()).isEqualTo(4);
        assertThat(refused.get("firstProblem").asString())
                .contains("does not read images")
                .contains("At most 0 image(s) may be provided in one prompt.")
                .contains("gemmavision.evaluation.endpoints[0].images=false");
        JsonNode noProjector = run(runs, "llamacpp-no-mmproj");
        assertThat(noProjector.get("failed").asInt()).isEqualTo(4);
        assertThat(noProjector.get("firstProblem").asString())
                .contains("HTTP 500")
                .contains("provide the mmproj")
                .contains("gemmavision.evaluation.endpoints[2].images=false");

        // text only, by the setting or because 1B reads no images: every document answered, every value right
        for (String name : List.of("vllm-text-only", "vllm-1b")) {
            JsonNode textOnly = run(runs, name);
            assertThat(textOnly.get("failed").asInt()).as(name).isZero();
            assertThat(textOnly.get("modelRight").asInt()).as(name).isEqualTo(labelled(textOnly) - 1);
            assertThat(textOnly.get("notes").asString()).as(name).contains("Text only");
        }
        // the served model behind three endpoints: only the refused endpoint's four requests carried images
        List<JsonNode> sent = fake.received.get("vllm-text-only");
        assertThat(sent).hasSize(12);
        assertThat(sent.stream().filter(r -> r.toString().contains("image_url")))
                .hasSize(4);
    }

    @Test
    void everyRequestAsksForTheSchemaAtTemperatureZeroWithABoundedAnswer() throws InterruptedException {
        bakeOff("no-usage");
        for (JsonNode request : fake.received.get("no-usage")) {
            assertThat(request.get("temperature").asInt()).isZero();
            assertThat(request.get("max_tokens").asInt()).isEqualTo(1024);
            JsonNode format = request.get("response_format");
            assertThat(format.get("type").asString()).isEqualTo("json_schema");
            JsonNode schema = format.get("json_schema").get("schema");
            assertThat(schema.get("required").toString()).contains("totalAmount", "invoiceNumber", "issueDate");
            assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
            assertThat(request.toString()).contains("image_url");
        }
    }

    @Test
    void aServerThatRefusesTheSchemaIsAskedAgainWithoutItAndTheRunSaysSo() throws InterruptedException {
        JsonNode old = run(bakeOff("llamacpp-old"), "llamacpp-old");
        assertThat(old.get("failed").asInt()).isZero();
        assertThat(old.get("modelRight").asInt()).isEqualTo(labelled(old) - 1);
        assertThat(old.get("notes").asString())
                .contains("refused response_format")
                .contains("4 documents were asked again without it");
        List<JsonNode> sent = fake.received.get("llamacpp-old");
        assertThat(sent).hasSize(8);
        assertThat(sent.stream().filter(r -> r.has("response_format"))).hasSize(4);
    }

    @Test
    void ollamasSilentCutIsReportedAndKeptOutOfTheAccuracy() throws InterruptedException {
        JsonNode ollama = run(bakeOff("ollama-4b"), "ollama-4b");
        assertThat(ollama.get("failed").asInt()).isZero();
        // the four-page report went past 4,096 tokens: the server counted exactly its context
        assertThat(ollama.get("truncatedDocuments").asInt()).isEqualTo(1);
        assertThat(ollama.get("notes").asString())
                .contains("1 document was read only in part")
                .contains("the server counted 4096 prompt tokens of the")
                .contains("OLLAMA_CONTEXT_LENGTH");
        // the report (4 documents asked) is not in the figures; the three invoices are, all right
        assertThat(ollama.get("documents").asInt()).isEqualTo(4);
        assertThat(ollama.get("modelRight").asInt()).isEqualTo(labelled(ollama));
        assertThat(ollama.get("modelAccuracyPercent").asDouble()).isEqualTo(100.0);

        Document page = Jsoup.parse(client.get("/evaluations").body());
        assertThat(page.select("#run-" + ollama.get("id").asLong()).text()).contains("(1 read in part)");
        assertThat(page.select(".run-notes").text()).contains("ollama-4b:").contains("read only in part");
        String csv = client.get("/evaluations.csv").body();
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",truncated_documents,notes");
        assertThat(csv.lines())
                .anyMatch(l -> l.startsWith(ollama.get("id").asLong() + ",")
                        && l.contains(",1,\"1 document was read only in part"));
    }

    @Test
    void brokenAnswersAndAbsurdCountsNeitherCrashNorCount() throws InterruptedException {
        JsonNode runs = bakeOff("schema-garbage", "no-usage", "absurd-usage", "ollama-overcount");

        JsonNode garbage = run(runs, "schema-garbage");
        assertThat(garbage.get("failed").asInt()).isEqualTo(4);
        assertThat(garbage.get("firstProblem").asString())
                .contains("did not answer with fields")
                .contains("{\"totalAmount\": 12");

        JsonNode none = run(runs, "no-usage");
        assertThat(none.get("failed").asInt()).isZero();
        assertThat(none.get("promptTokens").isNull()).isTrue();

        for (String name : List.of("absurd-usage", "ollama-overcount")) {
            JsonNode absurd = run(runs, name);
            assertThat(absurd.get("failed").asInt()).as(name).isZero();
            assertThat(absurd.get("promptTokens").isNull()).as(name).isTrue();
            assertThat(absurd.get("truncatedDocuments").asInt()).as(name).isZero();
            assertThat(absurd.get("notes").asString()).as(name).contains("Token counts ignored on 4 documents");
            assertThat(absurd.get("modelRight").asInt()).as(name).isEqualTo(labelled(absurd) - 1);
        }
    }

    /** vLLM with the report's int4 and a base model's name: said beside the endpoint, not silently chart-less. */
    @Test
    void anEndpointWhoseCodesTheAdvisorDoesNotKnowIsSaidOnThePage() {
        Document page = Jsoup.parse(client.get("/evaluations").body());
        String note = page.select("label:has(input[value=misconfigured]) .endpoint-note")
                .text();
        assertThat(note)
                .contains("Its runs get no point on the chart")
                .contains("gemma-model “Gemma3-12B” is not one of")
                .contains("format “int4” is not one vllm loads (bf16, awq-int4, fp8)");
        assertThat(page.select("label:has(input[value=ollama-4b]) .endpoint-note"))
                .isEmpty();
        assertThat(page.select("label:has(input[value=vllm-1b]) .hint").text()).contains("text only");
    }

    @Test
    void aBakeOffCutShortByAStopSaysWhichServersNeverFinished() {
        String batch = "00000000-0000-0000-0000-00000000abcd";
        String owner = jdbc.sql("SELECT owner FROM document ORDER BY created_at LIMIT 1")
                .query(String.class)
                .single();
        Timestamp then = Timestamp.from(Instant.now().minusSeconds(600));
        jdbc.sql("INSERT INTO evaluation_batch (id, owner, started_at, heartbeat_at, state, documents, asked,"
                        + " endpoints) VALUES (?, ?, ?, ?, 'running', 4, 5, ?)")
                .params(batch, owner, then, then, "ollama-4b\nvllm-text-only")
                .update();

        // opened without the batch, after the restart: the page shows it once, stopped, never "done"
        Document page = Jsoup.parse(client.get("/evaluations").body());
        assertThat(page.select("#bake-off-progress").text())
                .contains("The server stopped while this bake-off ran")
                .contains("ollama-4b, vllm-text-only never finished")
                .doesNotContain("Done");
        JsonNode status = json(client.get("/api/evaluations/batches/" + batch));
        assertThat(status.get("state").asString()).isEqualTo("stopped");
        assertThat(status.get("unfinished").toString()).contains("ollama-4b", "vllm-text-only");
        assertThat(Jsoup.parse(client.get("/evaluations").body()).select("#bake-off-progress"))
                .as("shown once")
                .isEmpty();
    }

    @Test
    void aRunningBakeOffIsShownWheneverThePageOpensAndARefusalLinksToIt() throws InterruptedException {
        synchronized (this) {
            ObjectNode body = JSON.createObjectNode().put("labels", labels);
            body.withArray("endpoints").add("slow");
            HttpResponse<String> started = api(body.toString());
            assertThat(started.statusCode()).isEqualTo(202);
            String batch = json(started).get("batch").asString();

            Document page = Jsoup.parse(client.get("/evaluations").body());
            assertThat(page.select("#bake-off-progress").text()).contains("Running:");
            assertThat(page.select("#bake-off-progress").attr("hx-get")).contains(batch);

            HttpResponse<String> second = api(body.toString());
            assertThat(second.statusCode()).isEqualTo(429);
            assertThat(json(second).get("running").asString()).isEqualTo("/api/evaluations/batches/" + batch);
            Document refused =
                    Jsoup.parse(client.postForm("/evaluations", "endpoint=slow").body());
            assertThat(refused.select(".refusal a").attr("href")).isEqualTo("/evaluations?batch=" + batch);

            JsonNode status = json(started);
            for (int i = 0; i < 300 && status.get("state").asString().equals("running"); i++) {
                Thread.sleep(100);
                status = json(client.get(status.get("status").asString()));
            }
            assertThat(status.get("state").asString()).isEqualTo("done");
        }
    }
}
