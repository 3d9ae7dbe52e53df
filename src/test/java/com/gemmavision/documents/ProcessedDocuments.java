package com.gemmavision.documents;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.gemmavision.AppClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** A file uploaded through the JSON API and its document polled until it is done, as a script would. */
final class ProcessedDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProcessedDocuments() {}

    /** The document's JSON once it is done, or as it stands after 30 s. */
    static JsonNode process(AppClient client, String name, byte[] content) throws InterruptedException {
        String id = JSON.readTree(client.upload("/documents", Map.of(name, content), "Accept", "application/json")
                        .body())
                .get("accepted")
                .get(0)
                .get("id")
                .asString();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode document;
        do {
            Thread.sleep(100);
            document = JSON.readTree(client.get("/documents/" + id + ".json").body());
        } while (!document.get("status").asString().equals("done")
                && Instant.now().isBefore(deadline));
        return document;
    }
}
