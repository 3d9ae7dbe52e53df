package com.gemmavision.documents.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;

import com.gemmavision.AppClient;
import com.gemmavision.documents.TestInvoices;
import com.gemmavision.documents.TestPdfs;

import com.sun.net.httpserver.HttpServer;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** "Ask Gemma" against a fake OpenAI-compatible server on loopback: answers, fences, errors, refusals, timeouts. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:ask-gemma;DB_CLOSE_DELAY=-1",
                    "gemmavision.documents.poll-interval=100ms",
            "gemmavision.llm.model=gemma3:4b", "gemmavision.llm.timeout=1s"
        })
class AskGemmaFlowTest {

    private static volatile String reply = "";
    private static volatile int status = 200;
    private static volatile long delayMillis;
    private static volatile String lastRequest = "";
    private static final HttpServer FAKE = fake();

    private static HttpServer fake() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/v1/chat/completions", exchange -> {
                lastRequest = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                byte[] body = reply.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                try {
                    exchange.sendResponseHeaders(status, body.length);
                    exchange.getResponseBody().write(body);
                } catch (IOException ignored) {
                    // the client gave up waiting
                }
                exchange.close();
            });
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void llm(DynamicPropertyRegistry registry) {
        registry.add(
                "gemmavision.llm.base-url",
                () -> "http://127.0.0.1:" + FAKE.getAddress().getPort() + "/v1");
    }

    @AfterAll
    static void stop() {
        FAKE.stop(0);
    }

    @LocalServerPort
    int port;

    private static String completion(String content) {
        return "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":"
                + tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(content) + "}}]}";
    }

    private String uploadedAndDone(AppClient client) throws InterruptedException {
        HttpResponse<String> upload = client.upload(
                "/documents",
                Map.of("rechnung.pdf", TestPdfs.invoice(TestInvoices.GERMAN, TestPdfs.Layout.COLUMNS)),
                "Accept",
                "application/json");
        String id = upload.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)
                && !client.get("/documents/" + id + ".json").body().contains("\"status\":\"done\"")) {
            Thread.sleep(100);
        }
        return id;
    }

    private Document ask(AppClient client, String id) {
        return Jsoup.parse(client.postForm("/documents/" + id + "/ask", "", "HX-Request", "true")
                .body());
    }

    @Test
    void showsTheModelsFieldsBesideTheRulesWithTiming() throws Exception {
        AppClient client = new AppClient(port);
        String id = uploadedAndDone(client);
        status = 200;
        delayMillis = 0;
        reply = completion(
                "```json\n{\"documentType\":\"invoice\",\"invoiceNumber\":\"RE-2024-0042\",\"totalAmount\":\"357.00\","
                        + "\"currency\":\"EUR\",\"iban\":null,\"issueDate\":\"2015-07-02\"}\n```");

        Document answer = ask(client, id);

        assertThat(answer.select(".ask-result .note").text()).as(answer.text()).startsWith("gemma3:4b answered in");
        assertThat(answer.select("table.ask-fields tr:has(th:containsOwn(totalAmount)) td")
                        .eachText())
                .containsExactly("357.00", "357.00", "yes");
        assertThat(answer.select("table.ask-fields tr:has(th:containsOwn(iban)) td")
                        .eachText())
                .containsExactly("DE89370400440532013000", "—", "no");
        assertThat(lastRequest)
                .contains("\"model\":\"gemma3:4b\"")
                .contains("data:image/png;base64,")
                .contains("Rechnungsnummer: RE-2024-0042")
                .contains(AskGemma.PROMPT.substring(0, 40));
    }

    @Test
    void aMalformedAnswerARefusalAnErrorAndATimeoutAreEachExplained() throws Exception {
        AppClient client = new AppClient(port);
        String id = uploadedAndDone(client);
        delayMillis = 0;

        status = 200;
        reply = completion("I believe the total is about 357 euros.");
        assertThat(ask(client, id).select(".ask-result .error").text()).contains("did not answer with fields");

        reply = "{\"choices\":[{\"message\":{\"content\":null,\"refusal\":\"I cannot help with that.\"}}]}";
        assertThat(ask(client, id).select(".ask-result .error").text()).contains("The model refused: I cannot help");

        status = 500;
        reply = "{\"error\":\"model not loaded\"}";
        assertThat(ask(client, id).select(".ask-result .error").text())
                .contains("HTTP 500")
                .contains("model not loaded");

        status = 200;
        reply = "not json at all";
        assertThat(ask(client, id).select(".ask-result .error").text()).contains("not JSON");

        delayMillis = 3000;
        reply = completion("{}");
        assertThat(ask(client, id).select(".ask-result .error").text()).contains("did not answer within 1 s");
        delayMillis = 0;
    }

    @Test
    void theSectionOffersTheButtonOnlyWhenConfigured() throws Exception {
        AppClient client = new AppClient(port);
        String id = uploadedAndDone(client);

        assertThat(client.page("/").select("#ask-" + id + " button").text()).isEqualTo("Ask gemma3:4b to read it");
        assertThat(new AppClient(port).postForm("/documents/" + id + "/ask", "").statusCode())
                .isEqualTo(404);
    }
}
