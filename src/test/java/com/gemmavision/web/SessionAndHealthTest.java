package com.gemmavision.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.gemmavision.AppClient;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Sessions are made only for clients that keep cookies, so crawlers and probes leave no rows; health writes to
 * the database, so a database that cannot write reports DOWN.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:sessions-and-health;DB_CLOSE_DELAY=-1",
            "gemmavision.selection.new-sessions-per-client-per-minute=5"
        })
@DirtiesContext
class SessionAndHealthTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private long sessions() {
        return jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION").query(Long.class).single();
    }

    @Test
    void cookielessGetsWithSelectionsCreateNoSessionButABrowserIsRememberedFromItsFirstChange() throws Exception {
        long before = sessions();
        HttpClient crawler = HttpClient.newHttpClient();
        for (int i = 0; i < 50; i++) {
            HttpResponse<String> page = crawler.send(
                    HttpRequest.newBuilder(URI.create(
                                    "http://localhost:" + port + "/?model=Gemma3-1B&quant=int4&kv=" + (i % 2 == 0)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
        }
        assertThat(sessions()).isEqualTo(before);

        AppClient browser = new AppClient(port);
        browser.get("/");
        assertThat(sessions()).isEqualTo(before);
        browser.get("/?model=Gemma3-12B-IT&quant=sfp8", "HX-Request", "true");
        assertThat(sessions())
                .as("the first change lives in the selection cookie")
                .isEqualTo(before);
        assertThat(browser.get("/").uri().getQuery()).startsWith("model=Gemma3-12B-IT&quant=sfp8");
        browser.get("/?model=Gemma3-27B-IT&quant=sfp8", "HX-Request", "true");
        assertThat(sessions()).as("returning the cookie starts the session").isEqualTo(before + 1);
        assertThat(browser.get("/").uri().getQuery()).startsWith("model=Gemma3-27B-IT&quant=sfp8");
    }

    @Test
    void aClientKeepingOnlyTheCsrfCookieLeavesNoSessionRowsHoweverManySelectionsItAsks() throws Exception {
        AppClient probe = new AppClient(port);
        probe.get("/");
        HttpCookie csrf = probe.cookies().getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN"))
                .findFirst()
                .orElseThrow();
        long before = sessions();
        HttpClient client = HttpClient.newHttpClient();
        Set<String> sessionCookies = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> page = client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/?model=Gemma3-1B&quant=int4&kv="
                                    + (i % 2 == 0) + "&table=" + (5 + i % 14)))
                            .header("Cookie", "XSRF-TOKEN=" + csrf.getValue())
                            .header("HX-Request", "true")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            page.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("SESSION="))
                    .forEach(sessionCookies::add);
        }
        assertThat(sessionCookies).isEmpty();
        assertThat(sessions()).isEqualTo(before);
    }

    @Test
    @DirtiesContext(methodMode = DirtiesContext.MethodMode.AFTER_METHOD) // the minute's budget is spent
    void oneAddressStartsAtMostItsBudgetOfSessionsAMinuteAndTheRestKeepTheirSelectionInTheCookie() {
        long before = sessions();
        List<AppClient> browsers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            AppClient browser = new AppClient(port);
            browser.get("/");
            browser.get("/?model=Gemma3-1B", "HX-Request", "true");
            browser.get("/?model=Gemma3-4B-IT&table=" + (5 + i), "HX-Request", "true");
            browsers.add(browser);
        }

        assertThat(sessions() - before).isBetween(1L, 5L);
        for (int i = 0; i < 8; i++) {
            assertThat(browsers.get(i).get("/").uri().getQuery()).contains("table=" + (5 + i));
        }
    }

    @Test
    void healthIsDownWhenTheDatabaseCannotWrite() {
        AppClient client = new AppClient(port);
        assertThat(client.get("/actuator/health").statusCode()).isEqualTo(200);
        jdbc.sql("DROP TABLE health_probe").update();
        try {
            HttpResponse<String> health = client.get("/actuator/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("DOWN");
        } finally {
            jdbc.sql("CREATE TABLE health_probe (id INTEGER PRIMARY KEY, checked_at TIMESTAMP NOT NULL)")
                    .update();
            jdbc.sql("INSERT INTO health_probe (id, checked_at) VALUES (1, CURRENT_TIMESTAMP)")
                    .update();
        }
        assertThat(client.get("/actuator/health").statusCode()).isEqualTo(200);
    }
}
