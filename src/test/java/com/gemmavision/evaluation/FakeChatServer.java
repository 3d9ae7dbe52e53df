package com.gemmavision.evaluation;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An in-process OpenAI-compatible chat-completions server for the bake-off's tests. It answers by the model named
 * in the request: {@code good} with each document's labelled fields, {@code sloppy} with a wrong total, no currency,
 * an HTTP 500 for one document and malformed JSON for another, {@code slow} after 3 s, {@code huge} with 2 MB, and
 * {@code trickle} a byte every 200 ms. A document is known by its invoice number appearing in the prompt.
 */
public final class FakeChatServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, ObjectNode> answers = new ConcurrentHashMap<>();
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger mostInFlight = new AtomicInteger();
    volatile String failWith500;
    volatile String failWithGarbage;

    public FakeChatServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The fields a document with this invoice number is answered with. */
    public void answer(String invoiceNumber, ObjectNode fields) {
        answers.put(invoiceNumber, fields);
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            String model = request.path("model").asString();
            String prompt = request.toString();
            ObjectNode fields = answers.entrySet().stream()
                    .filter(e -> prompt.contains(e.getKey()))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .map(ObjectNode::deepCopy)
                    .orElse(JSON.createObjectNode());
            switch (model) {
                case "good" -> {
                    sleep(50);
                    send(exchange, 200, completion(fields, 1000, 50));
                }
                case "sloppy" -> {
                    if (failWith500 != null && prompt.contains(failWith500)) {
                        send(exchange, 500, "{\"error\":{\"message\":\"CUDA out of memory\"}}");
                        return;
                    }
                    if (failWithGarbage != null && prompt.contains(failWithGarbage)) {
                        send(exchange, 200, "{\"choices\":[{\"message\":{\"content\":\"{totalAmount: ");
                        return;
                    }
                    if (fields.has("totalAmount")) {
                        fields.put(
                                "totalAmount",
                                fields.get("totalAmount").decimalValue().add(java.math.BigDecimal.ONE));
                    }
                    fields.putNull("currency");
                    send(exchange, 200, completion(fields, 900, 40));
                }
                case "planted" -> {
                    // text planted in a document led the model to numbers with exponents no amount has
                    fields.put("totalAmount", "1e999999999");
                    fields.put("taxAmount", "1e99999999");
                    fields.put("netAmount", "-1E-2147483648");
                    send(exchange, 200, completion(fields, 1000, 50));
                }
                case "bidi" ->
                    send(exchange, 500, "{\"error\":{\"message\":\"model \u202Egnp.exe\u2066 failed\u0007\"}}");
                case "slow" -> {
                    sleep(3000);
                    send(exchange, 200, completion(fields, 1, 1));
                }
                case "huge" -> send(exchange, 200, "{\"pad\":\"" + "x".repeat(2 << 20) + "\"}");
                case "trickle" -> {
                    exchange.sendResponseHeaders(200, 0);
                    try (OutputStream out = exchange.getResponseBody()) {
                        for (int i = 0; i < 100; i++) {
                            out.write('{');
                            out.flush();
                            sleep(200);
                        }
                    }
                }
                default -> send(exchange, 404, "{\"error\":\"no such model\"}");
            }
        } catch (IOException e) {
            // the client went away (it timed out or stopped reading): nothing to answer
        } finally {
            inFlight.decrementAndGet();
            exchange.close();
        }
    }

    private static String completion(ObjectNode fields, int prompt, int completion) {
        ObjectNode root = JSON.createObjectNode();
        root.putArray("choices")
                .addObject()
                .putObject("message")
                .put("role", "assistant")
                .put("content", "```json\n" + fields + "\n```");
        root.putObject("usage").put("prompt_tokens", prompt).put("completion_tokens", completion);
        return root.toString();
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
