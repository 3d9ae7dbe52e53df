package com.gemmavision.evaluation;

import static com.gemmavision.documents.DocumentPolling.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.gemmavision.AppClient;
import com.gemmavision.documents.DocumentPolling;
import com.gemmavision.documents.TestInvoices;
import com.gemmavision.documents.TestPdfs;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The bake-off end to end on the real H2 database: five labelled invoices, two endpoints of an in-process fake
 * OpenAI-compatible server (one right, one sloppy with an HTTP 500 and a malformed answer), then the hostile ones
 * (too slow, too large, trickling), and the refusals.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:evaluations;DB_CLOSE_DELAY=-1",
            "gemmavision.evaluation.timeout=1s",
            "gemmavision.evaluation.max-pages=1",
            "gemmavision.evaluation.max-labels-bytes=2048"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationFlowTest {

    private static FakeChatServer fake;

    @LocalServerPort
    int port;

    private AppClient client;
    private final List<String> invoiceNumbers = new ArrayList<>();

    @DynamicPropertySource
    static void endpoints(DynamicPropertyRegistry registry) throws IOException {
        fake = new FakeChatServer();
        String[][] endpoints = {
            {"vllm-12b", "good", "vllm", "Gemma3-12B-IT", "awq-int4"},
            {"llamacpp-4b", "sloppy", "llamacpp", "Gemma3-4B-IT", "q4_k_m"},
            {"too-slow", "slow", "vllm", "Gemma3-27B-IT", "bf16"},
            {"too-large", "huge", "vllm", "Gemma3-27B-IT", "bf16"},
            {"trickling", "trickle", "vllm", "Gemma3-27B-IT", "bf16"},
            {"planted", "planted", "vllm", "Gemma3-27B-IT", "bf16"},
            {"bidi", "bidi", "vllm", "Gemma3-27B-IT", "bf16"}
        };
        for (int i = 0; i < endpoints.length; i++) {
            String p = "gemmavision.evaluation.endpoints[" + i + "].";
            String[] e = endpoints[i];
            registry.add(p + "name", () -> e[0]);
            registry.add(p + "base-url", fake::baseUrl);
            registry.add(p + "model", () -> e[1]);
            registry.add(p + "engine", () -> e[2]);
            registry.add(p + "gemma-model", () -> e[3]);
            registry.add(p + "format", () -> e[4]);
        }
    }

    @AfterAll
    void stop() {
        fake.close();
    }

    /** Five invoices read by the rules; their labels (the fields as read) are what the good server answers. */
    @BeforeAll
    void fiveLabelledInvoices() {
        client = new AppClient(port);
        client.get("/");
        for (TestInvoices.Invoice invoice : List.of(
                TestInvoices.GERMAN,
                TestInvoices.ENGLISH,
                TestInvoices.FRENCH,
                TestInvoices.DUTCH,
                TestInvoices.SPANISH)) {
            String id = DocumentPolling.acceptedId(client.upload(
                    "/documents",
                    Map.of(invoice.name() + ".pdf", TestPdfs.invoice(invoice, TestPdfs.Layout.COLUMNS)),
                    "Accept",
                    "application/json"));
            DocumentPolling.finished(client, id);
            JsonNode labels =
                    json(client.get("/documents/" + id + "/labels.json")).get("fields");
            String number = labels.get("invoiceNumber").asString();
            invoiceNumbers.add(number);
            fake.answer(number, (ObjectNode) labels);
        }
        fake.failWith500 = invoiceNumbers.get(2);
        fake.failWithGarbage = invoiceNumbers.get(3);
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** A refused bake-off, from the form or the API, starts no session: refusals cannot fill the session table. */
    @Test
    void refusedBakeOffsLeaveNoSessionBehind() {
        long before = jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION")
                .query(Long.class)
                .single();
        for (int i = 0; i < 10; i++) {
            AppClient stranger = new AppClient(port);
            stranger.get("/evaluations");
            assertThat(api(stranger, "{\"endpoints\":[\"vllm-12b\"]}").statusCode())
                    .isEqualTo(409);
            assertThat(stranger.postForm("/evaluations", "endpoint=vllm-12b").statusCode())
                    .isEqualTo(409);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    private HttpResponse<String> api(AppClient who, String body) {
        return who.postJson("/api/evaluations", body);
    }

    /** Starts a bake-off (202, with where to follow it) and follows it until it is done: its runs. */
    private JsonNode runAndWait(AppClient who, String body) throws InterruptedException {
        HttpResponse<String> started = api(who, body);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode status = json(started);
        assertThat(started.headers().firstValue("Location").orElseThrow())
                .isEqualTo(status.get("status").asString());
        for (int i = 0; i < 600 && status.get("state").asString().equals("running"); i++) {
            Thread.sleep(100);
            status = json(who.get(status.get("status").asString()));
        }
        assertThat(status.get("state").asString()).isEqualTo("done");
        assertThat(status.get("asked").asInt()).isEqualTo(status.get("toAsk").asInt());
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

    private static JsonNode field(JsonNode run, String name) {
        for (JsonNode f : run.get("fields")) {
            if (f.get("field").asString().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no field " + name + " in " + run);
    }

    @Test
    void twoEndpointsOnFiveLabelledDocumentsGiveAccuracyLatencyTokensAndCostStoredAndCharted()
            throws InterruptedException {
        // answers another test's clients gave up on may still be sleeping in the fake server
        for (int i = 0; i < 100 && fake.inFlight.get() > 0; i++) {
            Thread.sleep(100);
        }
        fake.mostInFlight.set(0);
        JsonNode runs = runAndWait(
                client, "{\"endpoints\":[\"vllm-12b\",\"llamacpp-4b\"],\"pricePerHour\":0.80,\"currency\":\" eur\"}");

        JsonNode good = run(runs, "vllm-12b");
        assertThat(good.get("documents").asInt()).isEqualTo(5);
        assertThat(good.get("failed").asInt()).isZero();
        int labelled = good.get("labelledValues").asInt();
        assertThat(labelled).isGreaterThanOrEqualTo(5 * 5);
        assertThat(good.get("modelRight").asInt()).isEqualTo(labelled);
        assertThat(good.get("modelAccuracyPercent").asDouble()).isEqualTo(100.0);
        assertThat(good.get("promptTokens").asLong()).isEqualTo(5 * 1000);
        assertThat(good.get("completionTokens").asLong()).isEqualTo(5 * 50);
        assertThat(good.get("p50Seconds").asDouble()).isBetween(0.05, 1.0);
        assertThat(good.get("p95Seconds").asDouble())
                .isGreaterThanOrEqualTo(good.get("p50Seconds").asDouble());
        double perHour = good.get("documentsPerHourDerived").asDouble();
        assertThat(perHour)
                .isEqualTo(5 * 3600.0 / good.get("wallSeconds").asDouble(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(good.get("priceCurrency").asString()).isEqualTo("EUR");
        assertThat(good.get("costPer1000DocumentsDerived").decimalValue())
                .isEqualByComparingTo(
                        new BigDecimal("800").divide(BigDecimal.valueOf(perHour), 4, RoundingMode.HALF_UP));
        // two documents at a time, as configured
        assertThat(fake.mostInFlight.get()).isLessThanOrEqualTo(2);

        JsonNode sloppy = run(runs, "llamacpp-4b");
        assertThat(sloppy.get("failed").asInt()).isEqualTo(2);
        assertThat(sloppy.get("firstProblem").asString()).containsAnyOf("HTTP 500", "not valid JSON", "did not answer");
        JsonNode total = field(sloppy, "totalAmount");
        assertThat(total.get("modelRight").asInt()).isZero();
        assertThat(total.get("modelWrong").asInt()).isEqualTo(3);
        assertThat(total.get("modelMissed").asInt()).isEqualTo(2);
        // the rules, scored side by side against the same labels (the fields as read), are right on every one
        assertThat(total.get("rulesRight").asInt()).isEqualTo(5);
        assertThat(field(sloppy, "currency").get("modelMissed").asInt()).isEqualTo(5);
        assertThat(sloppy.get("promptTokens").asLong()).isEqualTo(3 * 900);

        // stored: listed again, on the page, as CSV, and drawn on the advisor's Pareto chart as measured points
        long goodId = good.get("id").asLong();
        long sloppyId = sloppy.get("id").asLong();
        List<Long> listed = new ArrayList<>();
        json(client.get("/api/evaluations")).forEach(r -> listed.add(r.get("id").asLong()));
        assertThat(listed).contains(goodId, sloppyId);
        Document page = Jsoup.parse(client.get("/evaluations").body());
        assertThat(page.select("#run-" + goodId).text()).contains("vllm-12b").contains("100.0%");
        assertThat(page.select("#run-" + sloppyId).text())
                .contains("llamacpp-4b")
                .contains("(2 failed)");
        assertThat(page.select("#fields-table").text()).contains("totalAmount");
        assertThat(page.select("svg path.point.measured > title").eachText())
                .anyMatch(t -> t.startsWith("Measured on your documents: vllm-12b (Gemma3-12B-IT in AWQ"))
                .anyMatch(t -> t.startsWith("Measured on your documents: llamacpp-4b (Gemma3-4B-IT in GGUF Q4_K_M"));
        // and on the advisor's own page, below its (cached) results, on the advisor's own engine: on vLLM the
        // vLLM run is a diamond and the llama.cpp run is named as measured elsewhere
        Document advisor = Jsoup.parse(client.get("/advisor?engine=vllm").body());
        assertThat(advisor.select("#measured svg path.point.measured > title").eachText())
                .anyMatch(t -> t.startsWith("Measured on your documents: vllm-12b"))
                .noneMatch(t -> t.contains("llamacpp-4b"));
        assertThat(advisor.select("#measured svg title").first().text()).contains("vLLM");
        assertThat(advisor.select("#measured").text())
                .contains("Not an option on vLLM")
                .contains("llamacpp-4b (Gemma3-4B-IT in q4_k_m, measured on llamacpp)");
        Document onLlama = Jsoup.parse(client.get("/advisor?engine=llamacpp").body());
        assertThat(onLlama.select("#measured svg path.point.measured > title").eachText())
                .anyMatch(t -> t.startsWith("Measured on your documents: llamacpp-4b"));
        assertThat(Jsoup.parse(new AppClient(port).get("/advisor").body()).select("#measured"))
                .isEmpty();
        String csv = client.get("/evaluations.csv").body();
        assertThat(csv.lines().findFirst().orElseThrow())
                .contains("p50_seconds", "prompt_tokens", "cost_per_1000_documents_derived");
        assertThat(csv.lines()).anyMatch(l -> l.startsWith(goodId + ",") && l.contains(",vllm-12b,good,vllm,"));
        // money names its currency: the price's, on the page and in the CSV
        assertThat(csv.lines().findFirst().orElseThrow()).contains(",price_per_hour,price_currency,cost_per_1000");
        assertThat(csv.lines()).anyMatch(l -> l.startsWith(goodId + ",") && l.contains(",0.8000,EUR,"));
        // accuracy and cost first, so a phone shows them without scrolling (issue 30.7)
        assertThat(page.select("#runs-table thead th").eachText().subList(0, 3))
                .containsExactly("Run", "Model right", "Cost / 1,000 (derived)");
        assertThat(page.select("#run-" + goodId + " td").get(1).text()).endsWith(" EUR");
        assertThat(client.get("/evaluations/fields.csv").body())
                .contains(sloppyId + ",llamacpp-4b,totalAmount,5,0,3,2,5,0,0");
    }

    @Test
    void slowHugeAndTricklingServersFailEachDocumentInWordsWithinTheTimeout() throws InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> started = api(client, "{\"endpoints\":[\"too-slow\",\"too-large\",\"trickling\"]}");
        assertThat(started.statusCode()).isEqualTo(202);
        // one bake-off of a user's at a time: a second, while the first runs, is refused in words
        HttpResponse<String> second = api(client, "{\"endpoints\":[\"vllm-12b\"]}");
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(json(second).get("error").asString()).contains("already running");
        // and another user cannot follow it
        AppClient stranger = new AppClient(port);
        stranger.get("/");
        assertThat(stranger.get(json(started).get("status").asString()).statusCode())
                .isEqualTo(404);
        JsonNode status = json(started);
        for (int i = 0; i < 600 && status.get("state").asString().equals("running"); i++) {
            Thread.sleep(100);
            status = json(client.get(status.get("status").asString()));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        JsonNode runs = status.get("runs");
        assertThat(run(runs, "too-slow").get("failed").asInt()).isEqualTo(5);
        assertThat(run(runs, "too-slow").get("firstProblem").asString()).contains("did not answer within 1 s");
        assertThat(run(runs, "too-large").get("failed").asInt()).isEqualTo(5);
        assertThat(run(runs, "too-large").get("firstProblem").asString()).contains("larger than 1024 KB");
        assertThat(run(runs, "trickling").get("failed").asInt()).isEqualTo(5);
        assertThat(run(runs, "trickling").get("documentsPerHourDerived").isNull())
                .isTrue();
        // 3 endpoints × 5 documents, 2 at a time, each cut off at 1 s: about 9 s, not 3 × 20 s
        assertThat(seconds).isLessThan(20);
    }

    @Test
    void numbersWithHugeExponentsInAnswersAreWrongAtOnceAndAServersBidiControlsAreNeverShownOrStored()
            throws InterruptedException {
        long start = System.nanoTime();
        JsonNode runs = runAndWait(client, "{\"endpoints\":[\"planted\",\"bidi\"]}");
        assertThat((System.nanoTime() - start) / 1e9).as("seconds").isLessThan(20);

        JsonNode planted = run(runs, "planted");
        assertThat(planted.get("failed").asInt()).isZero();
        assertThat(field(planted, "totalAmount").get("modelWrong").asInt()).isEqualTo(5);
        assertThat(field(planted, "invoiceNumber").get("modelRight").asInt()).isEqualTo(5);

        JsonNode bidi = run(runs, "bidi");
        assertThat(bidi.get("failed").asInt()).isEqualTo(5);
        assertThat(bidi.get("firstProblem").asString())
                .contains("gnp.exe")
                .doesNotContain("\u202E")
                .doesNotContain("\u2066")
                .doesNotContain("\u0007");
        assertThat(client.get("/evaluations").body()).doesNotContain("\u202E");
        assertThat(client.get("/evaluations.csv").body()).contains("gnp.exe").doesNotContain("\u202E");
    }

    @Test
    void refusalsAreInWordsWithAFittingStatus() {
        int asked = fake.requests.get();
        HttpResponse<String> unknown = api(client, "{\"endpoints\":[\"http://169.254.169.254/latest\"]}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).get("error").asString()).contains("There is no endpoint named");
        // an address given as a name reaches no server at all
        assertThat(fake.requests.get()).isEqualTo(asked);

        assertThat(api(client, "{\"endpoints\":[]}").statusCode()).isEqualTo(400);
        HttpResponse<String> money =
                api(client, "{\"endpoints\":[\"vllm-12b\"],\"pricePerHour\":1,\"currency\":\"BTC\"}");
        assertThat(money.statusCode()).isEqualTo(400);
        assertThat(json(money).get("error").asString()).startsWith("The currency must be one of USD, EUR, GBP");
        assertThat(api(client, "{\"endpoints\":[\"vllm-12b\"],\"pricePerHour\":-1}")
                        .statusCode())
                .isEqualTo(400);

        HttpResponse<String> badLine = api(
                client,
                "{\"endpoints\":[\"vllm-12b\"],\"labels\":\"{\\\"file\\\":\\\"a.pdf\\\",\\\"fields\\\":{}}\\nnot json\"}");
        assertThat(badLine.statusCode()).isEqualTo(400);
        assertThat(json(badLine).get("error").asString()).isEqualTo("Line 2 of labels.jsonl is not JSON.");

        HttpResponse<String> tooLarge =
                api(client, "{\"endpoints\":[\"vllm-12b\"],\"labels\":\"" + "x".repeat(3000) + "\"}");
        assertThat(tooLarge.statusCode()).isEqualTo(413);

        HttpResponse<String> unmatched = api(
                client,
                "{\"endpoints\":[\"vllm-12b\"],\"labels\":\"{\\\"file\\\":\\\"other.pdf\\\",\\\"fields\\\":"
                        + "{\\\"totalAmount\\\":1}}\"}");
        assertThat(unmatched.statusCode()).isEqualTo(409);
        assertThat(json(unmatched).get("error").asString()).contains("matched by \"file\"");

        // a body that is not the JSON asked for, or names no endpoint, is a 400 in words, never a 500
        // what was wrong is said in words, never just a status
        for (String body : new String[] {
            "null", "{\"endpoints\": \"ok\"}", "{\"endpoints\":[\"vllm-12b\"],\"pricePerHour\":\"abc\"}"
        }) {
            HttpResponse<String> bad = api(client, body);
            assertThat(bad.statusCode()).as(body).isEqualTo(400);
            assertThat(json(bad).get("error").asString()).as(body).contains("endpoints a list of endpoint names");
        }
        HttpResponse<String> hugeLabel = api(
                client,
                "{\"endpoints\":[\"vllm-12b\"],\"labels\":\"{\\\"file\\\":\\\"a.pdf\\\",\\\"fields\\\":"
                        + "{\\\"totalAmount\\\":1e400}}\"}");
        assertThat(hugeLabel.statusCode()).isEqualTo(400);
        assertThat(json(hugeLabel).get("error").asString()).startsWith("Line 1: totalAmount is out of range");

        for (String body : new String[] {
            "not json",
            "{\"endpoints\":\"vllm-12b\"}",
            "{\"endpoints\":[null]}",
            "{\"endpoints\":[\"vllm-12b\"],\"pricePerHour\":1e400}",
            "[".repeat(5000)
        }) {
            HttpResponse<String> bad = api(client, body);
            assertThat(bad.statusCode())
                    .as(body.substring(0, Math.min(40, body.length())))
                    .isEqualTo(400);
            assertThat(bad.body()).doesNotContain("Exception").doesNotContain("at com.");
        }

        // another user's documents are not theirs to score
        AppClient stranger = new AppClient(port);
        stranger.get("/");
        HttpResponse<String> none = api(stranger, "{\"endpoints\":[\"vllm-12b\"]}");
        assertThat(none.statusCode()).isEqualTo(409);
        assertThat(json(none).get("error").asString()).contains("None of your documents");
    }

    /** The form's multipart post: an endpoint and a labels file, with the page's CSRF token. */
    private HttpResponse<String> formWithLabels(byte[] labels) {
        String boundary = "----bakeoff" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"endpoint\"\r\n\r\nvllm-12b\r\n"
                        + "--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"labels\"; filename=\"labels.jsonl\""
                        + "\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(labels);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String[] csrf = client.csrf();
        try {
            return HttpClient.newBuilder()
                    .cookieHandler(client.cookies())
                    .build()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/evaluations"))
                                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                    .header(csrf[0], csrf[1])
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aLabelsFileFromTheFormThatIsNotUtf8OrTooLargeIsRefusedInWords() {
        HttpResponse<String> latin1 = formWithLabels(
                "{\"file\":\"M\u00fcller.pdf\",\"fields\":{}}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(latin1.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(latin1.body()).selectFirst(".refusal").text())
                .isEqualTo("labels.jsonl must be UTF-8 text.");

        HttpResponse<String> large = formWithLabels(new byte[4096]);
        assertThat(large.statusCode()).isEqualTo(413);
        assertThat(Jsoup.parse(large.body()).selectFirst(".refusal").text())
                .isEqualTo("labels.jsonl is larger than 2 KB.");
    }

    @Test
    void theFormWorksWithoutJavaScriptAndEscapesWhatItEchoes() throws InterruptedException {
        HttpResponse<String> refused =
                client.postForm("/evaluations", "endpoint=%3Cscript%3Ealert(1)%3C%2Fscript%3E&pricePerHour=abc");
        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.selectFirst(".refusal").text()).isEqualTo("The price per hour must be a number, such as 0.80.");
        assertThat(refused.body()).doesNotContain("<script>alert(1)");

        // the form starts the run and redirects to its page, which reloads itself until the run is in
        HttpResponse<String> ran = client.postForm("/evaluations", "endpoint=vllm-12b&pricePerHour=1.20");
        assertThat(ran.statusCode()).isEqualTo(200);
        String batchPage = ran.uri().getPath() + "?" + ran.uri().getQuery();
        assertThat(batchPage).startsWith("/evaluations?batch=");
        Document after = Jsoup.parse(ran.body());
        for (int i = 0; i < 600 && !after.select("#bake-off-progress progress").isEmpty(); i++) {
            assertThat(after.select("noscript meta[http-equiv=refresh]")).hasSize(1);
            Thread.sleep(100);
            after = Jsoup.parse(client.get(batchPage).body());
        }
        assertThat(after.select("#bake-off-progress").text()).startsWith("Done: 1 run stored");
        assertThat(after.select("#bake-off-form input[name=endpoint][checked]").eachAttr("value"))
                .containsExactly("vllm-12b");
        assertThat(after.select("noscript meta[http-equiv=refresh]")).isEmpty();
        assertThat(after.select("#runs-table tbody tr.selected")).hasSize(1);
        assertThat(after.select("#runs-table tbody tr.selected").text())
                .contains("vllm-12b")
                .contains("100.0%");
    }
}
