package com.gemmavision.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import com.gemmavision.AppClient;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Below the free-space floor uploads are refused in words with 507, nothing is stored, and pages still answer. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:disk-floor;DB_CLOSE_DELAY=-1",
            "gemmavision.documents.min-free-space=1000000TB"
        })
class DiskFloorTest {

    @LocalServerPort
    int port;

    @Test
    void anUploadBelowTheFloorIsRefusedWith507AndTheServerGoesOn() {
        AppClient client = new AppClient(port);
        HttpResponse<String> json =
                client.upload("/documents", Map.of("a.pdf", TestPdfs.report(1)), "Accept", "application/json");
        HttpResponse<String> page = client.upload("/documents", Map.of("b.pdf", TestPdfs.report(2)));

        assertThat(json.statusCode()).isEqualTo(507);
        assertThat(DocumentPolling.json(json)
                        .get("rejected")
                        .get(0)
                        .get("error")
                        .asString())
                .contains("short of disk space")
                .contains("Nothing was stored");
        assertThat(page.statusCode()).isEqualTo(507);
        assertThat(page.body()).contains("short of disk space");
        assertThat(DocumentPolling.json(client.get("/documents.json"))).isEmpty();
        assertThat(client.get("/").statusCode()).isEqualTo(200);
    }
}
