package com.gemmavision.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.gemmavision.AppClient;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Team views over HTTP on the real migrations: save, open by short link in another browser, rename, delete. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:team-views;DB_CLOSE_DELAY=-1",
            "gemmavision.views.max-views=5",
            "gemmavision.views.max-views-per-session=3",
            "gemmavision.views.page-size=2",
            "gemmavision.views.admin-token=test-admin-secret"
        })
class TeamViewsFlowTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void noViewsYet() {
        jdbc.sql("DELETE FROM saved_view").update();
    }

    private static String form(String... pairs) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (form.length() > 0) {
                form.append('&');
            }
            form.append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return form.toString();
    }

    private static String slugOf(HttpResponse<String> answer) {
        String path = answer.uri().getPath();
        assertThat(path).matches("/v/[a-z2-9]{7}");
        return path.substring(3);
    }

    @Test
    void aSavedAdvisorViewOpensByItsShortLinkForSomeoneElse() {
        AppClient alice = new AppClient(port);
        HttpResponse<String> saved = alice.postForm(
                "/views",
                form(
                        "name", "27B Int4 on L4, 128K, invoices",
                        "note", "For the <b>invoice</b> pipeline",
                        "author", "Alice",
                        "page", "advisor",
                        "model", "Gemma3-27B-IT",
                        "quant", "int4",
                        "gpu", "NVIDIA L4",
                        "context", "131072",
                        "batch", "2",
                        "engine", "vllm",
                        "kvDtype", "fp8"));

        assertThat(saved.statusCode()).isEqualTo(200);
        String slug = slugOf(saved);

        Document bob = new AppClient(port).page("/v/" + slug);
        assertThat(bob.title()).isEqualTo("27B Int4 on L4, 128K, invoices · Team view · GemmaVision-QuantAdvisor");
        assertThat(bob.select("input[name=model][checked]").eachAttr("value")).containsExactly("Gemma3-27B-IT");
        assertThat(bob.select("input[name=quant][checked]").eachAttr("value")).containsExactly("int4");
        assertThat(bob.selectFirst("input[name=context]").attr("value")).isEqualTo("131072");
        assertThat(bob.selectFirst("input[name=batch]").attr("value")).isEqualTo("2");
        assertThat(bob.selectFirst(".saved-view-banner").text())
                .contains("27B Int4 on L4, 128K, invoices", "saved by Alice")
                .contains("For the <b>invoice</b> pipeline");
        assertThat(bob.select(".saved-view-banner b")).isEmpty();

        Document list = new AppClient(port).page("/views");
        assertThat(list.selectFirst("#view-" + slug).text())
                .contains("27B Int4 on L4, 128K, invoices", "Alice", "Advisor: NVIDIA L4 · 131,072 tokens × 2")
                // the engine and KV type the advice depends on (issue 30.9)
                .contains("vLLM (hybrid KV cache manager), KV fp8");
    }

    @Test
    void aScriptGetsTheSlugAndUrlAsJson() {
        AppClient client = new AppClient(port);
        HttpResponse<String> saved = client.postForm(
                "/views", form("name", "Int4 overview", "model", "Gemma3-4B-IT"), "Accept", "application/json");

        assertThat(saved.statusCode()).isEqualTo(201);
        assertThat(saved.body())
                .matches("\\{\"slug\":\"[a-z2-9]{7}\",\"url\":\"http://localhost:\\d+/v/[a-z2-9]{7}\".*");
        assertThat(saved.headers().firstValue("Location").orElseThrow()).contains("/v/");
    }

    @Test
    void htmxGetsTheLinkInPlace() {
        AppClient client = new AppClient(port);
        HttpResponse<String> saved = client.postForm(
                "/views", form("name", "Quick", "model", "Gemma3-1B-IT", "kv", "true"), "HX-Request", "true");

        Document fragment = Jsoup.parse(saved.body());
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(fragment.selectFirst("input.share-url").attr("value"))
                .matches("http://localhost:\\d+/v/[a-z2-9]{7}");
    }

    @Test
    void refusalsSayWhyWithAFittingStatusAndKeepTheInput() {
        AppClient client = new AppClient(port);

        HttpResponse<String> unnamed = client.postForm("/views", form("name", "  \u0007 ", "model", "Gemma3-4B-IT"));
        assertThat(unnamed.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(unnamed.body());
        assertThat(page.selectFirst(".refusal").text()).contains("Give the view a name");
        assertThat(page.select("#retry-view-form input[name=model]").eachAttr("value"))
                .containsExactly("Gemma3-4B-IT");

        HttpResponse<String> tooLong = client.postForm("/views", form("name", "x".repeat(121)), "HX-Request", "true");
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(tooLong.body()).selectFirst(".refusal").text())
                .isEqualTo("The name is 121 characters long; at most 120 are kept.");

        HttpResponse<String> missing = client.get("/v/zzzzzzz");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(missing.body()).selectFirst(".refusal").text())
                .isEqualTo("There is no saved view at this link.");

        HttpResponse<String> noToken = client.post("/views");
        assertThat(noToken.statusCode()).isEqualTo(403);
    }

    @Test
    void renameKeepsTheLinkAndDeleteRemovesIt() {
        AppClient client = new AppClient(port);
        String slug = slugOf(client.postForm("/views", form("name", "Before", "model", "Gemma3-12B-IT")));

        client.postForm("/views/" + slug, form("name", "After", "note", "line one\r\nline two"));
        Document renamed = client.page("/v/" + slug);
        assertThat(renamed.title()).startsWith("After · Team view");
        assertThat(renamed.select("input[name=model][checked]").eachAttr("value"))
                .containsExactly("Gemma3-12B-IT");

        HttpResponse<String> deleted = client.postForm("/views/" + slug + "/delete", "");
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(client.get("/v/" + slug).statusCode()).isEqualTo(404);
        assertThat(client.postForm("/views/" + slug + "/delete", "").statusCode())
                .isEqualTo(404);
    }

    @Test
    void theServerKeepsABoundedNumberOfViews() {
        int status = 0;
        for (int i = 0; i < 7 && status != 409; i++) {
            status = new AppClient(port)
                    .postForm("/views", form("name", "View " + i), "Accept", "application/json")
                    .statusCode();
        }
        assertThat(status).isEqualTo(409);
    }

    /** One session cannot fill the server for everyone: it saves at most its own share, then 429 in words. */
    @Test
    void oneSessionSavesABoundedNumberOfViews() {
        AppClient spammer = new AppClient(port);
        for (int i = 0; i < 3; i++) {
            assertThat(spammer.postForm("/views", form("name", "Spam " + i), "Accept", "application/json")
                            .statusCode())
                    .isEqualTo(201);
        }
        HttpResponse<String> refused = spammer.postForm("/views", form("name", "Spam 3"), "Accept", "application/json");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("at most 3 team views");
        // someone else still saves
        assertThat(new AppClient(port)
                        .postForm("/views", form("name", "Real work"), "Accept", "application/json")
                        .statusCode())
                .isEqualTo(201);
    }

    private long sessions() {
        return jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION").query(Long.class).single();
    }

    /** A refused save starts no session: refused saves cannot fill the session table, nor the views. */
    @Test
    void refusedSavesLeaveNoSessionBehind() {
        long before = sessions();
        for (int i = 0; i < 20; i++) {
            AppClient stranger = new AppClient(port);
            assertThat(stranger.postForm("/views", form("name", ""), "Accept", "application/json")
                            .statusCode())
                    .isEqualTo(422);
        }
        assertThat(sessions()).isEqualTo(before);
    }

    /** The per-session cap is checked and the view inserted under one lock: parallel saves cannot overshoot it. */
    @Test
    void parallelSavesOfOneSessionStopExactlyAtItsShare() throws Exception {
        AppClient spammer = new AppClient(port);
        assertThat(spammer.postForm("/views", form("name", "First"), "Accept", "application/json")
                        .statusCode())
                .isEqualTo(201);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(24);
        java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            int n = i;
            answers.add(pool.submit(
                    () -> spammer.postForm("/views", form("name", "Parallel " + n), "Accept", "application/json")
                            .statusCode()));
        }
        long created = 0;
        for (java.util.concurrent.Future<Integer> answer : answers) {
            int status = answer.get();
            assertThat(status).isIn(201, 429, 409);
            created += status == 201 ? 1 : 0;
        }
        pool.shutdown();
        assertThat(created).isEqualTo(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM saved_view").query(Long.class).single())
                .isEqualTo(3);
    }

    @Test
    void onlyTheSavingSessionOrTheAdminRenamesOrDeletesAView() {
        AppClient alice = new AppClient(port);
        String slug = slugOf(alice.postForm("/views", form("name", "Alice's", "model", "Gemma3-4B-IT")));
        AppClient bob = new AppClient(port);
        bob.get("/");

        HttpResponse<String> rename = bob.postForm("/views/" + slug, form("name", "Bob was here"));
        assertThat(rename.statusCode()).isEqualTo(403);
        assertThat(rename.body()).contains("Only the session that saved");
        assertThat(bob.postForm("/views/" + slug + "/delete", "").statusCode()).isEqualTo(403);
        assertThat(bob.postForm("/views/" + slug + "/delete", "", "X-Admin-Token", "guess")
                        .statusCode())
                .isEqualTo(403);
        assertThat(bob.page("/v/" + slug).title()).startsWith("Alice's");
        // the list offers the change controls to the owner only
        assertThat(bob.page("/views").select("#view-" + slug + " form")).isEmpty();
        assertThat(bob.page("/views").select("#view-" + slug).text()).contains("Saved by another session");
        assertThat(alice.page("/views").select("#view-" + slug + " form")).hasSize(2);
        // the admin token changes anyone's
        assertThat(bob.postForm("/views/" + slug + "/delete", "", "X-Admin-Token", "test-admin-secret")
                        .statusCode())
                .isEqualTo(200);
        assertThat(alice.get("/v/" + slug).statusCode()).isEqualTo(404);
    }

    @Test
    void theListIsPaginatedNewestFirst() {
        for (String name : new String[] {"First", "Second", "Third"}) {
            new AppClient(port).postForm("/views", form("name", name));
        }
        AppClient reader = new AppClient(port);
        Document first = reader.page("/views");
        assertThat(first.select("#views-table tbody tr th a").eachText()).containsExactly("Third", "Second");
        assertThat(first.select("nav.pages").text()).contains("Page 1 of 2 (3 views)");
        assertThat(first.select("nav.pages a[rel=next]").attr("href")).isEqualTo("/views?page=2");
        Document second = reader.page("/views?page=2");
        assertThat(second.select("#views-table tbody tr th a").eachText()).containsExactly("First");
        assertThat(reader.page("/views?page=99")
                        .select("#views-table tbody tr th a")
                        .eachText())
                .containsExactly("First");
        assertThat(reader.page("/views?page=abc")
                        .select("#views-table tbody tr th a")
                        .eachText())
                .containsExactly("Third", "Second");
    }

    @Test
    void theListDownloadsAsCsv() {
        AppClient client = new AppClient(port);
        client.postForm("/views", form("name", "Comma, \"quoted\"", "model", "Gemma3-4B-IT"));
        HttpResponse<String> csv = client.get("/views.csv");
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body())
                .startsWith("slug,name,note,author,page,selects,link,created,updated")
                .contains("\"Comma, \"\"quoted\"\"\"");
    }
}
