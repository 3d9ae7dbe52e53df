package com.gemmavision.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.gemmavision.AppClient;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every page starts with a link that skips the masthead and the sidebar to its content, for keyboard and screen
 * reader users; the pages whose form comes first on a phone also link to their results.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:skip-links;DB_CLOSE_DELAY=-1")
class SkipLinkTest {

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/, #analysis", "/advisor, #advisor-results", "/workload, ''", "/views, ''", "/no-such-page, ''"})
    void theFirstLinkOfEveryPageSkipsToItsContent(String path, String results) {
        Document page = new AppClient(port).page(path);
        Element first = page.body().selectFirst("a[href]");
        assertThat(first).isNotNull();
        assertThat(first.hasClass("skip-link")).isTrue();
        assertThat(first.attr("href")).isEqualTo("#main-content");
        assertThat(page.select("main #main-content")).hasSize(1);
        if (results.isEmpty()) {
            assertThat(page.select("a.jump-to-results")).isEmpty();
        } else {
            assertThat(page.select("a.jump-to-results").attr("href")).isEqualTo(results);
            assertThat(page.select(results)).hasSize(1);
        }
    }
}
