package com.gemmavision.tokens.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.gemmavision.tokens.GemmaTokenizer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code POST /api/tokens} over HTTP, as a script calls it: no session, no CSRF token. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:token-api;DB_CLOSE_DELAY=-1")
class TokenApiTest {

    @LocalServerPort
    int port;

    @Autowired
    GemmaTokenizer tokenizer;

    @BeforeEach
    void loaded() {
        assertThat(tokenizer.awaitReady()).isTrue();
    }

    private HttpResponse<String> post(String body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/tokens"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void countsTheIssuesInvoiceLineExactly() throws Exception {
        String line = "Rechnungsnummer: 2015738820 vom 01.11.2024, Gesamtbetrag 447,88 EUR inkl. 19% USt.";

        HttpResponse<String> answer = post("text=" + URLEncoder.encode(line, StandardCharsets.UTF_8));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"tokens\":49,\"exact\":true}");
    }

    @Test
    void missingOrOversizedTextIsRefusedNamingTheField() throws Exception {
        HttpResponse<String> missing = post("words=hello");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("\"parameter\":\"text\"").contains("form field text");

        HttpResponse<String> tooLong = post("text=" + "a".repeat(50_001));
        assertThat(tooLong.statusCode()).isEqualTo(413);
        assertThat(tooLong.body()).contains("at most 50000");

        HttpResponse<String> overTheFormLimit = post("text=" + "a".repeat(70_000));
        assertThat(overTheFormLimit.statusCode()).isEqualTo(413);
        assertThat(overTheFormLimit.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(overTheFormLimit.body()).contains("send long text as JSON");
    }

    private HttpResponse<String> postJson(String body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/tokens"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void twentyOneThousandCjkCharactersAreCountedWhenSentAsJson() throws Exception {
        String cjk = "請求書合計金額税込".repeat(2_334).substring(0, 21_000);

        HttpResponse<String> answer = postJson("{\"text\":\"" + cjk + "\"}");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("\"exact\":true");
        assertThat(Long.parseLong(answer.body().replaceAll("\\D*(\\d+).*", "$1")))
                .isGreaterThan(1_000);
    }

    @Test
    void jsonThatIsTooLongMalformedOrDeepIsRefusedInWords() throws Exception {
        HttpResponse<String> tooLong = postJson("{\"text\":\"" + "a".repeat(250_000) + "\"}");
        HttpResponse<String> overMax = postJson("{\"text\":\"" + "a".repeat(50_001) + "\"}");
        HttpResponse<String> malformed = postJson("{\"text\":");
        HttpResponse<String> deep = postJson("[".repeat(100_000));
        HttpResponse<String> wrongType = postJson("{\"text\":[1,2]}");

        assertThat(tooLong.statusCode()).isEqualTo(413);
        assertThat(overMax.statusCode()).isEqualTo(413);
        assertThat(overMax.body()).contains("at most 50000");
        for (HttpResponse<String> refused : java.util.List.of(malformed, deep, wrongType)) {
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("\"parameter\":\"text\"");
        }
    }
}
