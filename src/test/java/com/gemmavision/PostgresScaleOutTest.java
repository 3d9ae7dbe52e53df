package com.gemmavision;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.gemmavision.documents.TestInvoices;
import com.gemmavision.documents.TestPdfs;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two app instances on one PostgreSQL database, as behind a load balancer: a selection and a document made
 * through the first are served by the second, and queued work is done by whichever instance processes,
 * even after the one that took the upload has gone. Runs where GEMMAVISION_TEST_POSTGRES_URL names a
 * database (.ci/run starts one); required under CI.
 */
class PostgresScaleOutTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String URL = System.getenv("GEMMAVISION_TEST_POSTGRES_URL");
    private static final String USER = System.getenv().getOrDefault("GEMMAVISION_TEST_POSTGRES_USER", "gemmavision");
    private static final String PASSWORD =
            System.getenv().getOrDefault("GEMMAVISION_TEST_POSTGRES_PASSWORD", "gemmavision");

    private final String schema =
            "gv_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private ConfigurableApplicationContext first;
    private ConfigurableApplicationContext second;

    @BeforeEach
    void postgresIsThere() {
        if (System.getenv("CI") == null) {
            Assumptions.assumeTrue(URL != null, "GEMMAVISION_TEST_POSTGRES_URL is not set");
        } else if (URL == null) {
            throw new IllegalStateException(
                    "CI must start PostgreSQL and set GEMMAVISION_TEST_POSTGRES_URL (see .ci/run)");
        }
    }

    @AfterEach
    void stopAndDrop() throws Exception {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {first, second}) {
            if (context != null && context.isActive()) {
                context.close();
            }
        }
        if (URL == null) {
            return; // skipped: no PostgreSQL here
        }
        try (Connection db = DriverManager.getConnection(URL, USER, PASSWORD);
                Statement sql = db.createStatement()) {
            sql.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private ConfigurableApplicationContext start(boolean processing) {
        String separator = URL.contains("?") ? "&" : "?";
        return new SpringApplicationBuilder(GemmaVisionApplication.class)
                .run(
                        "--spring.profiles.active=postgres",
                        "--server.port=0",
                        "--spring.datasource.url=" + URL + separator + "currentSchema=" + schema,
                        "--spring.datasource.username=" + USER,
                        "--spring.datasource.password=" + PASSWORD,
                        "--spring.flyway.schemas=" + schema,
                        "--gemmavision.documents.processing=" + processing,
                        "--gemmavision.documents.poll-interval=100ms");
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void aSecondInstanceServesTheFirstInstancesSelectionAndDocumentsAndDoesItsQueuedWork() throws Exception {
        first = start(false);
        second = start(true);
        AppClient throughFirst = new AppClient(port(first));
        throughFirst.get("/");
        throughFirst.get("/?model=Gemma3-27B-IT&quant=sfp8&kv=true", "HX-Request", "true");
        HttpResponse<String> upload = throughFirst.upload(
                "/documents",
                Map.of("rechnung.pdf", TestPdfs.invoice(TestInvoices.GERMAN, TestPdfs.Layout.COLUMNS)),
                "Accept",
                "application/json");
        String id =
                JSON.readTree(upload.body()).get("accepted").get(0).get("id").asString();
        first.close();

        AppClient throughSecond = throughFirst.withPort(port(second));
        HttpResponse<String> visit = throughSecond.get("/");
        assertThat(visit.uri().getQuery()).isEqualTo("model=Gemma3-27B-IT&quant=sfp8&kv=true&bench=&table=");
        assertThat(visit.body()).contains("SFP8 — Gemma3-27B-IT: 46.1 GB");

        JsonNode document = null;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            document = JSON.readTree(
                    throughSecond.get("/documents/" + id + ".json").body());
            if (document.get("status").asString().equals("done")) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(document.get("status").asString()).isEqualTo("done");
        assertThat(document.get("fields").get("totalAmount").asString()).isEqualTo("357.00");
        assertThat(new AppClient(port(second)).get("/documents/" + id + ".json").statusCode())
                .isEqualTo(404);
    }

    @Test
    void theReportSeedAndTheApiWorkOnPostgres() {
        second = start(true);
        AppClient client = new AppClient(port(second));

        assertThat(client.get("/?model=Gemma3-1B&model=Gemma3-27B-IT&table=9&bench=arena")
                        .body())
                .contains(">9.48</td>")
                .contains("27,433")
                .contains("Gemma-3-27B-IT: 1338");
        assertThat(client.get("/api/memory?model=Gemma3-27B-IT&quant=bf16&context=131072")
                        .body())
                .contains("\"kvCacheBytes\":11173625856");

        // a bake-off run is stored and read back with its fields, and the oldest beyond the kept number goes
        com.gemmavision.evaluation.EvaluationRepository runs =
                second.getBean(com.gemmavision.evaluation.EvaluationRepository.class);
        java.util.function.IntFunction<com.gemmavision.evaluation.EvaluationRun> run =
                n -> new com.gemmavision.evaluation.EvaluationRun(
                        0,
                        "batch",
                        java.time.Instant.parse("2026-12-04T10:00:00Z").plusSeconds(n),
                        "vllm-12b",
                        "gaunernst/gemma-3-12b-it-int4-awq",
                        "vllm",
                        "Gemma3-12B-IT",
                        "awq-int4",
                        5,
                        1,
                        2,
                        8.5,
                        1.25,
                        2.5,
                        4000L,
                        null,
                        new java.math.BigDecimal("0.80"),
                        "GBP",
                        "The server answered HTTP 500",
                        1,
                        "1 document was read only in part.",
                        java.util.List.of(new com.gemmavision.evaluation.EvaluationRun.FieldScore(
                                "totalAmount", 3, 1, 1, 5, 0, 0)));
        runs.save("owner-pg", run.apply(1), 2);
        runs.save("owner-pg", run.apply(2), 2);
        runs.save("owner-pg", run.apply(3), 2);
        java.util.List<com.gemmavision.evaluation.EvaluationRun> stored = runs.list("owner-pg");
        assertThat(stored).hasSize(2);
        assertThat(stored.get(0).createdAt()).isEqualTo(java.time.Instant.parse("2026-12-04T10:00:03Z"));
        assertThat(stored.get(0).p50Seconds()).isEqualTo(1.25);
        assertThat(stored.get(0).completionTokens()).isNull();
        assertThat(stored.get(0).fields())
                .singleElement()
                .extracting("modelWrong")
                .isEqualTo(1);
        assertThat(stored.get(0).truncatedDocuments()).isEqualTo(1);
        assertThat(stored.get(0).priceCurrency()).isEqualTo("GBP");
        assertThat(stored.get(0).notes()).isEqualTo("1 document was read only in part.");

        // bake-offs are stored as they start, the owner's newest kept, with their heartbeats and ends
        runs.startBatch("batch-1", "owner-pg", 5, java.util.List.of("vllm-12b", "ollama-4b"), 2);
        runs.startBatch("batch-2", "owner-pg", 5, java.util.List.of("vllm-12b"), 2);
        runs.startBatch("batch-3", "owner-pg", 5, java.util.List.of("ollama-4b"), 2);
        assertThat(runs.batch("owner-pg", "batch-1")).isEmpty();
        runs.heartbeat("batch-2", 4);
        assertThat(runs.batch("owner-pg", "batch-2").orElseThrow().asked()).isEqualTo(4);
        runs.endBatch("batch-3", "done", 5, null);
        assertThat(runs.latestRunning("owner-pg").orElseThrow().endpoints()).containsExactly("vllm-12b");
    }
}
