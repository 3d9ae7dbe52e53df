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
 *
 * <p>Engine-shaped models answer, refuse and cut as the engines do, quoted from their source and issues:
 * <ul>
 *   <li>{@code vllm-text-only}: vLLM launched with {@code --limit-mm-per-prompt '{"image": 0}'} refuses any image
 *       with its {@code ErrorResponse} object, HTTP 400 ({@code vllm/entrypoints/openai/protocol.py}; the message
 *       is the multimodal processor's "At most 0 image(s) may be provided in one prompt.").
 *   <li>{@code llamacpp-no-mmproj}: llama-server started without {@code --mmproj} answers 500 with its
 *       {@code server_error} object ("image input is not supported - hint: if this is unexpected, you may need to
 *       provide the mmproj", {@code tools/server/utils.hpp}).
 *   <li>{@code llamacpp-old}: a llama-server (or ik_llama.cpp) build from before json_schema was accepted answers
 *       500 "response_format type must be one of \"text\" or \"json_object\", but got: json_schema"
 *       (ikawrakow/ik_llama.cpp#778) and answers the same request without {@code response_format}.
 *   <li>{@code ollama}: Ollama cuts a prompt longer than its context ({@code num_ctx}, 4,096 by default below
 *       24 GiB of VRAM) without an error: its runner logs "truncating input prompt limit=4096 prompt=7268 keep=4
 *       new=4096" and {@code usage.prompt_tokens} is the context; the OpenAI endpoint cannot raise it.
 *   <li>{@code schema-garbage} answers invalid JSON although a schema was asked; {@code no-usage} sends no
 *       {@code usage}; {@code absurd-usage} and {@code ollama-overcount} report more tokens than were sent.
 * </ul>
 * Prompt tokens are counted at or above what a Gemma server counts: a token per two characters of text, 260 per
 * image (256 soft tokens and their delimiters) and 20 for the chat template.
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
    /** Ollama's context, {@code num_ctx}: 4,096 by default. */
    volatile int ollamaContext = 4096;
    /** Every request, by the model it named, as the server received it. */
    final Map<String, java.util.List<JsonNode>> received = new ConcurrentHashMap<>();

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
            received.computeIfAbsent(model, m -> new java.util.concurrent.CopyOnWriteArrayList<>())
                    .add(request);
            String prompt = request.toString();
            int images = images(request);
            int tokens = promptTokens(request);
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
                case "vllm-text-only" -> {
                    if (images > 0) {
                        send(
                                exchange,
                                400,
                                "{\"object\":\"error\",\"message\":\"At most 0 image(s) may be provided in one"
                                        + " prompt.\",\"type\":\"BadRequestError\",\"param\":null,\"code\":400}");
                        return;
                    }
                    send(exchange, 200, completion(fields, tokens, 60));
                }
                case "llamacpp-no-mmproj" -> {
                    if (images > 0) {
                        send(
                                exchange,
                                500,
                                "{\"error\":{\"code\":500,\"message\":\"image input is not supported - hint: if"
                                        + " this is unexpected, you may need to provide the mmproj\","
                                        + "\"type\":\"server_error\"}}");
                        return;
                    }
                    send(exchange, 200, completion(fields, tokens, 60));
                }
                case "llamacpp-old" -> {
                    if ("json_schema"
                            .equals(request.path("response_format").path("type").asString())) {
                        send(
                                exchange,
                                500,
                                "{\"error\":{\"code\":500,\"message\":\"response_format type must be one of"
                                        + " \\\"text\\\" or \\\"json_object\\\", but got: json_schema\","
                                        + "\"type\":\"server_error\"}}");
                        return;
                    }
                    send(exchange, 200, completion(fields, tokens, 60));
                }
                case "ollama" -> {
                    if (tokens > ollamaContext) {
                        // the head of the prompt is gone: the model never saw the document's opening lines
                        send(exchange, 200, completion(JSON.createObjectNode(), ollamaContext, 30));
                        return;
                    }
                    send(exchange, 200, completion(fields, tokens, 60));
                }
                case "schema-garbage" ->
                    send(
                            exchange,
                            200,
                            "{\"choices\":[{\"message\":{\"content\":\"{\\\"totalAmount\\\": 12\"}}],"
                                    + "\"usage\":{\"prompt_tokens\":" + tokens + ",\"completion_tokens\":5}}");
                case "no-usage" -> {
                    ObjectNode root = (ObjectNode) JSON.readTree(completion(fields, 1, 1));
                    root.remove("usage");
                    send(exchange, 200, root.toString());
                }
                case "absurd-usage" -> send(exchange, 200, completion(fields, 2_000_000_000, 1_000_000_000));
                case "ollama-overcount" -> send(exchange, 200, completion(fields, tokens * 10 + 5000, 60));
                default -> send(exchange, 404, "{\"error\":\"no such model\"}");
            }
        } catch (IOException e) {
            // the client went away (it timed out or stopped reading): nothing to answer
        } finally {
            inFlight.decrementAndGet();
            exchange.close();
        }
    }

    private static int images(JsonNode request) {
        int images = 0;
        for (JsonNode message : request.path("messages")) {
            for (JsonNode part : message.path("content")) {
                images += "image_url".equals(part.path("type").asString()) ? 1 : 0;
            }
        }
        return images;
    }

    private static int promptTokens(JsonNode request) {
        long characters = 0;
        for (JsonNode message : request.path("messages")) {
            JsonNode content = message.path("content");
            if (content.isString()) {
                characters += content.asString().length();
            }
            for (JsonNode part : content) {
                characters += part.path("text").asString("").length();
            }
        }
        return (int) Math.ceil(characters / 2.0) + 260 * images(request) + 20;
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
