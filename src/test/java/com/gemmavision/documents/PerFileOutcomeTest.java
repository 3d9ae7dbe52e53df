package com.gemmavision.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doCallRealMethod;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import com.gemmavision.AppClient;
import com.gemmavision.documents.intake.DocumentContent;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * A request with several files answers for each: when one cannot be stored, the client hears which, with a
 * reference, and that the others were kept, never a 500 for a request whose other files were committed.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:per-file;DB_CLOSE_DELAY=-1",
            "gemmavision.documents.processing=false"
        })
class PerFileOutcomeTest {

    @LocalServerPort
    int port;

    @MockitoSpyBean
    DocumentContent content;

    @Test
    void aFileThatFailsToStoreIsReportedAloneAndTheOthersAreKept() throws Exception {
        doCallRealMethod()
                .doThrow(new IOException("disk gone"))
                .doCallRealMethod()
                .when(content)
                .write(any(), any());
        AppClient client = new AppClient(port);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("one.pdf", TestPdfs.report(1));
        files.put("two.pdf", TestPdfs.report(2));
        files.put("three.pdf", TestPdfs.report(3));

        HttpResponse<String> response = client.upload("/documents", files, "Accept", "application/json");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = DocumentPolling.json(response);
        assertThat(body.get("accepted")).hasSize(2);
        assertThat(body.get("rejected")).hasSize(1);
        assertThat(body.get("rejected").get(0).get("error").asString())
                .startsWith("two.pdf could not be stored (reference ")
                .doesNotContain("disk gone");
        assertThat(DocumentPolling.json(client.get("/documents.json"))).hasSize(2);
    }
}
