package com.gemmavision.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.gemmavision.AppClient;
import com.gemmavision.tokens.GemmaTokenizer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A 300-page report read with 512 MB of heap (Failsafe's argLine): memory stays bounded by a page. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:large-document;DB_CLOSE_DELAY=-1",
            "gemmavision.documents.poll-interval=100ms"
        })
class LargeDocumentIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    GemmaTokenizer tokenizer;

    @Test
    void a300PageReportIsReadWithin512MegabytesOfHeap() throws Exception {
        assertThat(Runtime.getRuntime().maxMemory()).isLessThanOrEqualTo(512L * 1024 * 1024);
        // what is measured is reading the document: start-up (the tokenizer loading) is over first
        assertThat(tokenizer.awaitReady()).isTrue();
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        AppClient client = new AppClient(port);
        byte[] report = TestPdfs.report(300);

        String id = JSON.readTree(
                        client.upload("/documents", Map.of("annual-report.pdf", report), "Accept", "application/json")
                                .body())
                .get("accepted")
                .get(0)
                .get("id")
                .asString();
        JsonNode document = null;
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            document = JSON.readTree(client.get("/documents/" + id + ".json").body());
            if (document.get("status").asString().equals("done")) {
                break;
            }
            Thread.sleep(250);
        }

        assertThat(document.get("status").asString()).isEqualTo("done");
        assertThat(document.get("pageCount").asInt()).isEqualTo(300);
        assertThat(document.get("pages")).hasSize(300);
        assertThat(document.get("pages").get(299).get("text").asString()).contains("Annual Report 2024, page 300");
        assertThat(document.get("fields").get("documentType").asString()).isEqualTo("annual report");
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
        assertThat(peakHeap).isLessThan(512L * 1024 * 1024);
    }
}
