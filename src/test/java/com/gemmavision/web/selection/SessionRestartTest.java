package com.gemmavision.web.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import com.gemmavision.AppClient;
import com.gemmavision.GemmaVisionApplication;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A selection stored before the server stops is restored after it starts again on the same database file. */
class SessionRestartTest {

    @TempDir
    Path data;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(GemmaVisionApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:h2:file:"
                                + data.resolve("gemmavision").toAbsolutePath());
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void theStoredSelectionSurvivesARestart() {
        AppClient client;
        try (ConfigurableApplicationContext first = start()) {
            client = new AppClient(port(first));
            client.get("/");
            client.get("/?model=Gemma3-27B-IT&quant=int4-b32&kv=true", "HX-Request", "true");
        }

        try (ConfigurableApplicationContext second = start()) {
            AppClient sameBrowser = client.withPort(port(second));
            HttpResponse<String> visit = sameBrowser.get("/");

            assertThat(visit.uri().getQuery()).isEqualTo("model=Gemma3-27B-IT&quant=int4-b32&kv=true&bench=&table=");
        }
    }
}
