package com.gemmavision.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.gemmavision.AppClient;
import com.gemmavision.documents.TestInvoices;
import com.gemmavision.documents.TestPdfs;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One test per rule of the security configuration, over real HTTP. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:security-rules;DB_CLOSE_DELAY=-1")
class SecurityRulesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private AppClient client() {
        return new AppClient(port);
    }

    @ParameterizedTest(name = "POST {0} without a token is refused")
    @ValueSource(
            strings = {
                "/",
                "/documents",
                "/documents/rerun",
                "/documents/x/cancel",
                "/documents/x/delete",
                "/documents/x/password",
                "/advisor"
            })
    void everyStateChangingRequestNeedsTheCsrfToken(String path) {
        assertThat(client().post(path).statusCode()).isEqualTo(403);
        assertThat(client().post(path, "HX-Request", "true").statusCode())
                .as("HTMX too")
                .isEqualTo(403);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/", "/advisor", "/api/advice", "/documents.json", "/nope"})
    void everyResponseCarriesTheSecurityHeaders(String path) {
        HttpResponse<String> response = client().get(path);

        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .hasValue(SecurityConfig.CONTENT_SECURITY_POLICY);
        assertThat(SecurityConfig.CONTENT_SECURITY_POLICY)
                .startsWith("default-src 'self'")
                .contains("script-src 'self';")
                .doesNotContain("unsafe-inline")
                .doesNotContain("unsafe-eval");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "/?bench=arena&bench=zero-shot&bench=multimodal&bench=long-context&bench=stem-code&table=9&compare=Gemma3-4B-IT&compare=Gemma2-27B-IT",
                "/advisor",
                "/nope"
            })
    void pagesHaveNoInlineScriptsEventHandlersOrStyles(String path) {
        Document page = Jsoup.parse(client().get(path, "Accept", "text/html").body());

        assertThat(page.select("script"))
                .allSatisfy(s -> assertThat(s.attr("src")).isNotBlank());
        assertThat(page.select("style")).isEmpty();
        for (Element element : page.getAllElements()) {
            assertThat(element.attributes().asList()).noneSatisfy(a -> {
                assertThat(a.getKey()).startsWith("on");
            });
            assertThat(element.hasAttr("style")).as(element.tagName()).isFalse();
        }
    }

    @Test
    void htmxIsToldNotToInjectItsIndicatorStyles() {
        Document page = Jsoup.parse(client().get("/").body());

        assertThat(page.selectFirst("meta[name=htmx-config]").attr("content"))
                .contains("\"includeIndicatorStyles\":false");
        assertThat(client().get("/css/app.css").body()).contains(".htmx-indicator");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() {
        AppClient browser = client();
        browser.get("/");
        // a first change is kept in the selection cookie alone; the client returning it starts the session
        browser.get("/?model=Gemma3-27B-IT");
        HttpResponse<String> response = browser.get("/?model=Gemma3-1B");

        String cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("SESSION="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
    }

    @Test
    void actuatorExposesHealthAndInfoOnly() {
        AppClient client = client();

        assertThat(client.get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(client.get("/actuator/info").statusCode()).isEqualTo(200);
        for (String hidden : List.of(
                "/actuator/env",
                "/actuator/beans",
                "/actuator/heapdump",
                "/actuator/configprops",
                "/actuator/mappings",
                "/actuator/loggers")) {
            assertThat(client.get(hidden).statusCode()).as(hidden).isEqualTo(404);
        }
        assertThat(client.get("/actuator").body()).contains("health").doesNotContain("\"env\"");
    }

    @Test
    void healthChecksCreateNoSession() {
        long before = jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION")
                .query(Long.class)
                .single();
        AppClient probe = client();

        for (int i = 0; i < 20; i++) {
            assertThat(probe.get("/actuator/health").headers().allValues("Set-Cookie"))
                    .isEmpty();
        }

        assertThat(jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void errorPagesAreTheAppsOwnWithoutStackTraces() {
        for (String path : List.of("/nope", "/tables/report-abc.csv", "/charts/report-15-x.svg", "/documents/x.json")) {
            HttpResponse<String> html = client().get(path, "Accept", "text/html");
            HttpResponse<String> json = client().get(path, "Accept", "application/json");
            assertThat(html.statusCode()).as(path).isBetween(400, 499);
            assertThat(html.body())
                    .as(path)
                    .contains("GemmaVision-QuantAdvisor")
                    .doesNotContain("Exception")
                    .doesNotContain("at com.")
                    .doesNotContain("Whitelabel");
            assertThat(json.body()).as(path).doesNotContain("trace").doesNotContain("Exception");
        }
    }

    @Test
    void requestsTheContainerRefusesGetThePlainPageNotTomcatsReport() throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(5000);
            String request = "GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "x".repeat(20_000)
                    + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(response)
                    .startsWith("HTTP/1.1 400")
                    .contains("GemmaVision-QuantAdvisor")
                    .doesNotContain("Apache Tomcat")
                    .doesNotContain("Exception");
        }
    }

    @Test
    void uploadedFilesAreNeverServedBack() {
        AppClient client = client();
        HttpResponse<String> upload = client.upload(
                "/documents",
                Map.of("x.pdf", TestPdfs.invoice(TestInvoices.DUTCH, TestPdfs.Layout.COLUMNS)),
                "Accept",
                "application/json");
        String id = upload.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

        for (String path : List.of(
                "/documents/" + id,
                "/documents/" + id + "/content",
                "/documents/" + id + ".pdf",
                "/documents/" + id + "/file")) {
            HttpResponse<String> response = client.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type").orElse(""))
                    .doesNotContain("pdf")
                    .doesNotContain("image");
        }
        HttpResponse<String> json = client.get("/documents/" + id + ".json");
        assertThat(json.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(json.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }
}
