package com.gemmavision.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import com.gemmavision.AppClient;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A body over the multipart limit is refused by the app in words and with 413, as a page or as JSON. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:upload-limit;DB_CLOSE_DELAY=-1",
                    "gemmavision.documents.max-file-size=1MB",
            "spring.servlet.multipart.max-file-size=1MB", "spring.servlet.multipart.max-request-size=2MB"
        })
class UploadLimitTest {

    @LocalServerPort
    int port;

    @Test
    void anOversizedBodyGets413AndAClearMessage() {
        byte[] big = new byte[1_500_000];
        System.arraycopy("%PDF-1.4\n".getBytes(), 0, big, 0, 9);
        AppClient client = new AppClient(port);

        HttpResponse<String> page = client.upload("/documents", Map.of("big.pdf", big), "Accept", "text/html");
        HttpResponse<String> json = client.upload("/documents", Map.of("big.pdf", big), "Accept", "application/json");

        assertThat(page.statusCode()).isEqualTo(413);
        assertThat(page.body())
                .contains("The upload is larger than the limit of 1 MB a file.")
                .contains("GemmaVision-QuantAdvisor")
                .doesNotContain("Exception");
        assertThat(json.statusCode()).isEqualTo(413);
        assertThat(json.body()).contains("\"error\":\"The upload is larger than the limit of 1 MB a file.\"");
    }
}
