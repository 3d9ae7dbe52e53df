package com.gemmavision.web.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.util.List;

import com.gemmavision.AppClient;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Whole-application flows over HTTP, on the real migrations in H2, with JDBC sessions. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:selection-flows;DB_CLOSE_DELAY=-1")
class SelectionFlowTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private static List<String> checked(Document page, String name) {
        return page.select("input[name=" + name + "][type=checkbox][checked]").eachAttr("value");
    }

    private static List<String> chartTooltips(Document page) {
        return page.select("svg.chart title").eachText();
    }

    @Test
    void aPermalinkOpensTheSameViewInAFreshClient() {
        AppClient alice = new AppClient(port);
        HttpResponse<String> change = alice.get(
                "/?model=Gemma3-12B-IT&model=Gemma3-27B-IT&quant=int4&quant=sfp8&kv=true", "HX-Request", "true");
        String permalink = change.headers().firstValue("HX-Push-Url").orElseThrow();
        Document alicePage = alice.page(permalink);

        Document bobPage = new AppClient(port).page(permalink);

        assertThat(checked(bobPage, "model")).containsExactly("Gemma3-12B-IT", "Gemma3-27B-IT");
        assertThat(checked(bobPage, "quant")).containsExactly("int4", "sfp8");
        assertThat(checked(bobPage, "kv")).containsExactly("true");
        assertThat(chartTooltips(bobPage))
                .isEqualTo(chartTooltips(alicePage))
                .contains("SFP8 — Gemma3-27B-IT: 46.1 GB");
    }

    @Test
    void aPlainVisitRestoresTheLastSelectionFromTheSession() {
        AppClient client = new AppClient(port);
        client.get("/");
        client.get("/?model=Gemma3-1B&quant=bf16&kv=false", "HX-Request", "true");

        HttpResponse<String> visit = client.get("/");

        assertThat(visit.statusCode()).isEqualTo(200);
        assertThat(visit.uri().getQuery()).isEqualTo("model=Gemma3-1B&quant=bf16&kv=false&bench=&table=");
        assertThat(checked(Jsoup.parse(visit.body()), "model")).containsExactly("Gemma3-1B");
    }

    @Test
    void parametersWinOverTheSession() {
        AppClient client = new AppClient(port);
        client.get("/?model=Gemma3-1B");

        Document page = client.page("/?model=Gemma3-27B");

        assertThat(checked(page, "model")).containsExactly("Gemma3-27B");
    }

    @Test
    void readingThePageCreatesNoSessionRow() {
        long before = sessions();
        AppClient client = new AppClient(port);

        HttpResponse<String> page = client.get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(cookieNames(client)).doesNotContain("SESSION");
        assertThat(sessions()).isEqualTo(before);
    }

    @Test
    void aSelectionIsStoredInTheJdbcSessionTables() {
        long before = sessions();
        AppClient client = new AppClient(port);

        client.get("/?model=Gemma3-4B-IT&kv=true");
        assertThat(sessions())
                .as("a first change is kept in the selection cookie alone")
                .isEqualTo(before);
        client.get("/?model=Gemma3-4B-IT&kv=true");
        assertThat(sessions()).as("the same selection again changes nothing").isEqualTo(before);
        client.get("/?model=Gemma3-12B-IT&kv=true");

        assertThat(cookieNames(client)).contains("SESSION");
        assertThat(sessions()).isEqualTo(before + 1);
    }

    @Test
    void aPostNeedsTheCsrfTokenOfThePage() {
        AppClient client = new AppClient(port);
        Document page = client.page("/");
        String token = page.selectFirst("meta[name=_csrf]").attr("content");
        String header = page.selectFirst("meta[name=_csrf_header]").attr("content");

        assertThat(client.post("/").statusCode()).isEqualTo(403);
        assertThat(client.post("/", header, "not-the-token").statusCode()).isEqualTo(403);
        assertThat(client.post("/", header, token).statusCode()).isEqualTo(405);
    }

    @Test
    void badParametersNeverCauseAServerError() {
        AppClient client = new AppClient(port);
        List<String> hostile = List.of(
                "/?model=%3Cimg%20src=x%20onerror=alert(1)%3E",
                "/?model=<script>alert(1)</script>",
                "/?kv=%00&quant=%FF%FE",
                "/?table=99999999999999999999&table=-1&table=5.5",
                "/?bench=" + "a".repeat(5000),
                "/?" + "model=Gemma3-1B&".repeat(400),
                "/?model=Gemma3-1B&model=%E2%80%AE",
                "/charts/memory.svg?quant=%25%25",
                "/tables/parameters.csv?model=%0D%0AInjected:%20header",
                "/nope",
                "/?model");

        for (String url : hostile) {
            AppClient.RawResponse response = client.raw(url);
            assertThat(response.statusCode()).as(url).isLessThan(500);
            assertThat(response.body())
                    .as(url)
                    .doesNotContain("Exception")
                    .doesNotContain("at com.gemmavision")
                    .doesNotContain("<script>alert(1)</script>")
                    .doesNotContain("<img src=x");
        }
        HttpResponse<String> notFound = client.get("/nope", "Accept", "text/html");
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.body()).contains("This page does not exist").contains("GemmaVision-QuantAdvisor");
    }

    @Test
    void aRedrawOfTheStoredSelectionLeavesTheSessionRowAlone() throws Exception {
        AppClient client = new AppClient(port);
        client.get("/");
        String selection = "/?model=Gemma3-12B-IT&quant=int4&kv=true";
        // a first change is kept in the selection cookie alone; the client returning it starts the session
        client.get("/?model=Gemma3-1B", "HX-Request", "true");
        client.get(selection, "HX-Request", "true");
        assertThat(cookieNames(client)).contains("SESSION", "gv-selection");
        Thread.sleep(300); // the session is saved as its request ends, possibly after the answer arrived
        long lastAccess = lastAccess();

        HttpResponse<String> again = client.get(selection, "HX-Request", "true");
        Thread.sleep(300);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(lastAccess()).as("neither read nor touched").isEqualTo(lastAccess);
        HttpResponse<String> plainVisit = client.get("/");
        assertThat(plainVisit.uri().getQuery()).startsWith("model=Gemma3-12B-IT&quant=int4&kv=true");
        // a changed selection is stored in the session again
        client.get("/?model=Gemma3-27B-IT", "HX-Request", "true");
        assertThat(client.get("/").uri().getQuery()).startsWith("model=Gemma3-27B-IT&quant=int4");
    }

    @Test
    void aCopyOfTheSelectionForgedOrFromAnotherSessionIsIgnored() {
        AppClient client = new AppClient(port);
        client.get("/");
        client.get("/?model=Gemma3-1B&quant=bf16", "HX-Request", "true");
        // the copy a client sends is checked against the session it belongs to
        client.cookies()
                .getCookieStore()
                .add(
                        java.net.URI.create("http://127.0.0.1:" + port + "/"),
                        cookie(
                                "gv-selection",
                                "0123456789abcdef01234567."
                                        + java.util.Base64.getUrlEncoder()
                                                .withoutPadding()
                                                .encodeToString("model=Gemma3-27B-IT&quant=sfp8&kv=true&bench=&table="
                                                        .getBytes())));

        assertThat(client.get("/").uri().getQuery()).startsWith("model=Gemma3-1B&quant=bf16");
    }

    @Test
    void aFragmentTheBrowserHoldsIsAnsweredNotModified() {
        AppClient client = new AppClient(port);
        String selection = "/?model=Gemma3-4B-IT&quant=int4&kv=false&bench=&table=";
        HttpResponse<String> first = client.get(selection, "HX-Request", "true");
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = client.get(selection, "HX-Request", "true", "If-None-Match", etag);
        HttpResponse<String> other = client.get("/?model=Gemma3-1B", "HX-Request", "true", "If-None-Match", etag);

        assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.headers().firstValue("ETag")).isNotEqualTo(java.util.Optional.of(etag));
    }

    @Test
    void downloadsAndStaticAssetsRevalidateWithEntityTagsAndAssetsCarryTheirContentHash() {
        AppClient client = new AppClient(port);
        HttpResponse<String> csv = client.get("/tables/parameters.csv");
        String etag = csv.headers().firstValue("ETag").orElseThrow();
        assertThat(client.get("/tables/parameters.csv", "If-None-Match", etag).statusCode())
                .isEqualTo(304);

        Document page = client.page("/");
        String css = page.select("link[rel=stylesheet]").attr("href");
        String script = page.select("script[src*=app]").attr("src");
        assertThat(css).matches("/css/app-[0-9a-f]{32}\\.css");
        assertThat(script).matches("/js/app-[0-9a-f]{32}\\.js");
        HttpResponse<String> asset = client.get(css);
        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("Cache-Control").orElse("")).contains("max-age=31536000");
    }

    @Test
    void theSessionAndItsSelectionOutliveTheBrowser() {
        AppClient client = new AppClient(port);
        client.get("/");
        HttpResponse<String> first = client.get("/?model=Gemma3-1B", "HX-Request", "true");
        assertThat(first.headers().allValues("Set-Cookie"))
                .as("a first change is kept in the selection cookie alone, for as long")
                .noneSatisfy(c -> assertThat(c).startsWith("SESSION="))
                .anySatisfy(c -> assertThat(c).startsWith("gv-selection=").contains("Max-Age=2592000"));
        HttpResponse<String> change = client.get("/?model=Gemma3-4B-IT&quant=sfp8", "HX-Request", "true");

        List<String> cookies = change.headers().allValues("Set-Cookie");
        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("SESSION=").contains("Max-Age=2592000"));
        assertThat(cookies)
                .anySatisfy(c -> assertThat(c).startsWith("gv-selection=").contains("Max-Age=2592000"));
    }

    @Test
    void forgetMeDeletesTheSessionItsDocumentsAndItsCookies() {
        AppClient client = new AppClient(port);
        client.get("/");
        client.get("/?model=Gemma3-27B-IT&quant=sfp8", "HX-Request", "true");
        HttpResponse<String> upload = client.upload(
                "/documents",
                java.util.Map.of("report.pdf", com.gemmavision.documents.TestPdfs.report(1)),
                "Accept",
                "application/json");
        assertThat(upload.statusCode()).isEqualTo(201);
        long sessionsBefore = sessions();
        long documentsBefore = documents();

        // the footer's link asks first, saying what will go; a POST without the confirmation deletes nothing
        org.jsoup.nodes.Document question = Jsoup.parse(client.get("/forget").body());
        assertThat(question.select("#forget-list li").eachText())
                .anyMatch(item -> item.startsWith("your stored selection"))
                .anyMatch(item -> item.startsWith("1 document,"));
        assertThat(question.select("form[action=/forget] input[name=confirm]").attr("value"))
                .isEqualTo("yes");
        HttpResponse<String> unconfirmed = client.postForm("/forget", "");
        assertThat(unconfirmed.uri().getPath()).isEqualTo("/forget");
        assertThat(sessions()).isEqualTo(sessionsBefore);
        assertThat(documents()).isEqualTo(documentsBefore);

        HttpResponse<String> forget = client.postForm("/forget", "confirm=yes");

        assertThat(forget.statusCode()).isEqualTo(200); // followed the redirect to a fresh main page
        assertThat(sessions()).isEqualTo(sessionsBefore - 1);
        assertThat(documents()).isEqualTo(documentsBefore - 1);
        assertThat(cookieNames(client)).doesNotContain("SESSION", "gv-selection");
        assertThat(client.get("/").uri().getQuery()).isNull(); // nothing stored to restore
        assertThat(client.post("/forget").statusCode()).isEqualTo(403); // no CSRF token, no forgetting
    }

    private long documents() {
        return jdbc.sql("SELECT COUNT(*) FROM document").query(Long.class).single();
    }

    private static HttpCookie cookie(String name, String value) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        return cookie;
    }

    private long lastAccess() {
        return jdbc.sql("SELECT MAX(LAST_ACCESS_TIME) FROM SPRING_SESSION")
                .query(Long.class)
                .single();
    }

    private long sessions() {
        return jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION").query(Long.class).single();
    }

    private static List<String> cookieNames(AppClient client) {
        return client.cookies().getCookieStore().getCookies().stream()
                .map(HttpCookie::getName)
                .toList();
    }

    /** A gv-selection cookie as anyone could forge it before it was signed: an unkeyed SHA-256 of its query. */
    private static String forged(String query) throws Exception {
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        sha.update((byte) 0);
        String tag = java.util.HexFormat.of()
                .formatHex(sha.digest(query.getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0, 12);
        return tag + "."
                + java.util.Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(query.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The cookie is signed with a key the server keeps: a forged or hostile one is ignored, never a 500 or a loop. */
    @Test
    void aForgedSelectionCookieIsIgnored() throws Exception {
        for (String query : new String[] {
            "model=Gemma3-12B-IT",
            "model={x}",
            "//evil.example/",
            "%zz%",
            "model=a\r\nSet-Cookie: x=1",
            "m=" + "x".repeat(9000)
        }) {
            HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/"))
                                    .header("Cookie", "gv-selection=" + forged(query))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(query).isEqualTo(200);
            assertThat(answer.headers().firstValue("Location")).as(query).isEmpty();
        }
    }
}
