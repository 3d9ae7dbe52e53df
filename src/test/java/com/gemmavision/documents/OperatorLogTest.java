package com.gemmavision.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.gemmavision.AppClient;

import tools.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What an operator reads: one line per document processed (id, pages by route, seconds, outcome), never the
 * document's name or content, and none of the libraries' warnings that say nothing to act on.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:operator-log;DB_CLOSE_DELAY=-1",
            "gemmavision.documents.poll-interval=100ms"
        })
class OperatorLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Test
    void eachDocumentIsOneLineWithoutItsContentAndTheStartIsQuiet(CapturedOutput output) throws Exception {
        AppClient client = new AppClient(port);
        client.get("/");
        byte[] pdf = TestPdfs.invoice(TestInvoices.GERMAN, TestPdfs.Layout.COLUMNS);
        HttpResponse<String> upload =
                client.upload("/documents", Map.of("rechnung-mueller.pdf", pdf), "Accept", "application/json");
        String id =
                JSON.readTree(upload.body()).get("accepted").get(0).get("id").asString();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        String line = null;
        while (line == null && Instant.now().isBefore(deadline)) {
            line = output.getAll()
                    .lines()
                    .filter(l -> l.contains("Document " + id + " "))
                    .findFirst()
                    .orElse(null);
            Thread.sleep(100);
        }
        assertThat(line).isNotNull().matches(".*Document " + id + " done: 1 page \\(text-layer 1\\), \\d+\\.\\d s$");
        assertThat(output.getAll())
                .doesNotContain("rechnung-mueller", "RE-2024-0042", "Gesamtbetrag")
                .doesNotContain("newer than the version Flyway has been verified with")
                .doesNotContain("is not recording statistics")
                .doesNotContain("Using fallback font")
                .doesNotContain("Failed to detect GPU count");
    }

    /** A PDF report leaves nothing in the operator's log: the PDF library's INFO lines say nothing to act on. */
    @Test
    void aPdfReportWritesNoLibraryInfoLines(CapturedOutput output) throws Exception {
        AppClient client = new AppClient(port);
        int before = output.getAll().length();
        HttpResponse<String> pdf = client.get("/report.pdf?model=Gemma3-4B-IT&quant=bf16");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("pdf"));
        String logged = output.getAll().substring(before);
        // Tomcat's one line when the first request of this app arrives is not the PDF's
        assertThat(logged.lines()
                        .filter(l -> l.contains(" INFO ") || l.contains("INFO::"))
                        .filter(l -> !l.contains("DispatcherServlet")))
                .as(logged)
                .isEmpty();
    }
}
