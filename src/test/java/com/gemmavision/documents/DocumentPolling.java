package com.gemmavision.documents;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import com.gemmavision.AppClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Reading a document's JSON through HTTP and waiting until processing gets somewhere, for flow tests. */
public final class DocumentPolling {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DocumentPolling() {}

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** The id of the first document an upload's JSON answer accepted. */
    public static String acceptedId(HttpResponse<String> upload) {
        return json(upload).get("accepted").get(0).get("id").asString();
    }

    public static boolean finished(JsonNode document) {
        String status = document.get("status").asString();
        return !status.equals("queued") && !status.equals("running");
    }

    /** The document's JSON once {@code until} holds; fails the test when it does not within the time given. */
    public static JsonNode waitFor(AppClient client, String id, Predicate<JsonNode> until, Duration within) {
        Instant deadline = Instant.now().plus(within);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = json(client.get("/documents/" + id + ".json"));
            if (until.test(last)) {
                return last;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("document " + id + " did not get there in " + within + "; last: " + last);
    }

    /** The document's JSON once it is done, failed or cancelled. */
    public static JsonNode finished(AppClient client, String id) {
        return waitFor(client, id, DocumentPolling::finished, Duration.ofSeconds(60));
    }
}
