package com.gemmavision.documents.llm;

import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.imageio.ImageIO;

import com.gemmavision.documents.DecodeBudget;
import com.gemmavision.documents.DocumentKind;
import com.gemmavision.documents.DocumentResults;
import com.gemmavision.documents.PixelDecoder;
import com.gemmavision.documents.StoredDocument;
import com.gemmavision.documents.extraction.FieldExtractor;
import com.gemmavision.documents.intake.DocumentContent;
import com.gemmavision.documents.intake.PdfPasswords;
import com.gemmavision.documents.intake.TempFiles;
import com.gemmavision.documents.processing.DocumentRepository;
import com.gemmavision.documents.text.PageText;
import com.gemmavision.tokens.GemmaTokenizer;
import com.gemmavision.tokens.TokenCount;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.stereotype.Service;

/**
 * "Ask Gemma": sends a document's page images and text to an OpenAI-compatible chat-completions server with
 * an extraction prompt, and reads the fields it answers, to set beside the rule-based ones. Timeouts, error
 * statuses, refusals and answers that are not the JSON asked for each come back as a plain message.
 */
@Service
public class AskGemma {

    static final String PROMPT = "You extract key fields from a financial document. Answer with one JSON object"
            + " and nothing else, with these keys (null when absent): " + String.join(", ", FieldExtractor.FIELDS)
            + ". Dates as YYYY-MM-DD, amounts as plain decimals with a dot, currency as an ISO 4217 code,"
            + " documentType one of invoice, receipt, credit note, bank statement, annual report, other.";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LlmProperties properties;
    private final DocumentRepository repository;
    private final DocumentContent contents;
    private final PdfPasswords passwords;
    private final PixelDecoder decoder;
    private final GemmaTokenizer tokenizer;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public AskGemma(
            LlmProperties properties,
            DocumentRepository repository,
            DocumentContent contents,
            PdfPasswords passwords,
            PixelDecoder decoder,
            GemmaTokenizer tokenizer) {
        this.decoder = decoder;
        this.tokenizer = tokenizer;
        this.contents = contents;
        this.passwords = passwords;
        this.properties = properties;
        this.repository = repository;
    }

    /**
     * What the model answered: its fields, or a message saying why there are none, how long it took, and the
     * prompt and completion tokens the server counted ({@code usage}; null when it sent none, or sent counts no
     * exchange of this size can have). Beside them, what the app sent: {@code sentTokens} counted with Gemma 3's
     * tokenizer (text, prompt and 256 per page image; {@code sentExact} false where only the estimate was at hand),
     * whether the server counted clearly fewer prompt tokens than that ({@code readInPart}: it cut the prompt, as
     * Ollama does at its context without an error), whether it refused {@code response_format} and was asked again
     * without it ({@code withoutSchema}), and whether its {@code usage} was ignored as absurd.
     */
    public record Answer(
            Map<String, String> fields,
            String problem,
            long millis,
            String model,
            Integer promptTokens,
            Integer completionTokens,
            Long sentTokens,
            boolean sentExact,
            boolean readInPart,
            boolean withoutSchema,
            boolean usageIgnored) {
        public Answer(Map<String, String> fields, String problem, long millis, String model) {
            this(fields, problem, millis, model, null, null, null, false, false, false, false);
        }

        public boolean ok() {
            return problem == null;
        }

        Answer sent(TokenCount sent, boolean schemaRefused) {
            boolean absurd = promptTokens != null && (long) promptTokens > ABSURD_FACTOR * sent.tokens() + ABSURD_SLACK
                    || completionTokens != null && completionTokens > MAX_ANSWER_TOKENS + ABSURD_COMPLETION_SLACK;
            Integer prompt = absurd ? null : promptTokens;
            double share = sent.exact() ? READ_IN_PART_SHARE : READ_IN_PART_SHARE_ESTIMATED;
            boolean cut = ok() && prompt != null && prompt < share * sent.tokens();
            return new Answer(
                    fields,
                    problem,
                    millis,
                    model,
                    prompt,
                    absurd ? null : completionTokens,
                    sent.tokens(),
                    sent.exact(),
                    cut,
                    schemaRefused,
                    absurd);
        }
    }

    /**
     * The answer's length bound ({@code max_tokens}): the fields take about 200 tokens, so a model that rambles
     * stops here instead of running to the end of its context.
     */
    public static final int MAX_ANSWER_TOKENS = 1024;

    /**
     * A prompt the server counted below this share of what the app counted was cut. The server's chat template
     * adds tokens (turn markers, image delimiters), so a whole prompt never counts less than the app's own count.
     */
    static final double READ_IN_PART_SHARE = 0.9;

    /** The same, where the app only estimated what it sent (characters per token, which can be 30% off). */
    static final double READ_IN_PART_SHARE_ESTIMATED = 0.5;

    /** Prompt tokens beyond this many times what was sent (plus the slack) are no count of this exchange. */
    static final long ABSURD_FACTOR = 4;

    static final long ABSURD_SLACK = 4096;
    static final int ABSURD_COMPLETION_SLACK = 64;

    /**
     * One OpenAI-compatible server to ask: the configured "Ask Gemma" one, or a bake-off endpoint. Never built
     * from a request: addresses come from the server's configuration only.
     */
    public record Target(
            String completionsUrl,
            String model,
            String apiKey,
            Duration timeout,
            int maxPages,
            boolean images,
            String imagesSetting) {
        public static Target of(LlmProperties properties) {
            return new Target(
                    properties.completionsUrl(),
                    properties.model(),
                    properties.apiKey(),
                    properties.timeout(),
                    properties.maxPages(),
                    properties.readsImages(),
                    "gemmavision.llm.images");
        }
    }

    /** An answer larger than this is not read to its end: no extraction answer comes near it. */
    static final int MAX_ANSWER_BYTES = 1 << 20;

    public boolean enabled() {
        return properties.enabled();
    }

    public LlmProperties settings() {
        return properties;
    }

    public Answer ask(DocumentResults results) {
        return ask(results, Target.of(properties));
    }

    /**
     * Asks one server about one document. The whole exchange, answer included, is bounded by the target's
     * timeout, and at most {@link #MAX_ANSWER_BYTES} of the answer are read.
     */
    public Answer ask(DocumentResults results, Target target) {
        long start = System.nanoTime();
        Prompt prompt;
        try {
            prompt = prompt(results, target);
        } catch (IOException e) {
            return problem("The document's pages could not be prepared: " + e.getMessage(), elapsed(start), target);
        }
        Exchange first = exchange(request(prompt, target, true), target, start);
        if (first.answer() != null) {
            return first.answer();
        }
        boolean schemaRefused = false;
        Exchange answered = first;
        if (first.status() / 100 != 2 && refusesSchema(first.body())) {
            // an older server that knows no json_schema: asked once more without it, and the run says so
            schemaRefused = true;
            answered = exchange(request(prompt, target, false), target, start);
            if (answered.answer() != null) {
                return answered.answer();
            }
        }
        long millis = elapsed(start);
        if (answered.status() / 100 != 2) {
            if (!prompt.images().isEmpty() && refusesImages(answered.body())) {
                return problem(
                        "This server does not read images: set " + target.imagesSetting()
                                + "=false to send it text only. It answered HTTP " + answered.status() + ": "
                                + shorten(answered.body()),
                        millis,
                        target);
            }
            return problem(
                    "The server answered HTTP " + answered.status() + ": " + shorten(answered.body()), millis, target);
        }
        return read(answered.body(), millis, target.model()).sent(prompt.tokens(), schemaRefused);
    }

    /** The text and page images one document is sent as, and the tokens they make, counted by the app. */
    private record Prompt(String text, List<String> images, TokenCount tokens) {}

    private Prompt prompt(DocumentResults results, Target target) throws IOException {
        StringBuilder text = new StringBuilder("The document's text, page by page:\n");
        for (PageText page : results.pages()) {
            text.append("--- page ")
                    .append(page.pageNumber())
                    .append(" ---\n")
                    .append(page.text())
                    .append('\n');
        }
        String sent = text.length() > MAX_TEXT_CHARS ? text.substring(0, MAX_TEXT_CHARS) : text.toString();
        List<String> images = target.images() ? pageImages(results.document(), target.maxPages()) : List.of();
        return new Prompt(sent, images, counted(PROMPT + "\n" + sent, images.size()));
    }

    /** The prompt's text, counted with Gemma 3's tokenizer where it is loaded, and 256 tokens per image. */
    private TokenCount counted(String text, int images) {
        TokenCount words = tokenizer == null
                ? new TokenCount((long) Math.ceil(text.length() / 4.0), false)
                : tokenizer.countOrEstimate(text, Duration.ofSeconds(5));
        return new TokenCount(words.tokens() + (long) images * IMAGE_TOKENS, words.exact());
    }

    /** Soft tokens one image takes in Gemma 3 (its SigLIP encoder's 256 pooled tokens). */
    static final int IMAGE_TOKENS = 256;

    /** The text sent at most, in characters. */
    static final int MAX_TEXT_CHARS = 60_000;

    /** One HTTP exchange: the status and body, or an answer already (a timeout, an unreachable server). */
    private record Exchange(int status, String body, Answer answer) {}

    private Exchange exchange(ObjectNode request, Target target, long start) {
        CompletableFuture<HttpResponse<InputStream>> sent = null;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(target.completionsUrl()))
                    .timeout(target.timeout())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request)));
            if (target.apiKey() != null && !target.apiKey().isBlank()) {
                builder.header("Authorization", "Bearer " + target.apiKey());
            }
            sent = http.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            long deadline = start + target.timeout().toNanos();
            HttpResponse<InputStream> response =
                    sent.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return new Exchange(response.statusCode(), readBounded(response.body(), deadline), null);
        } catch (TimeoutException | HttpTimeoutException e) {
            // the exchange is given up, so it holds no connection past the deadline
            if (sent != null) {
                sent.cancel(true);
            }
            return new Exchange(0, "", timedOut(target, start));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new Exchange(
                    0,
                    "",
                    cause instanceof HttpTimeoutException
                            ? timedOut(target, start)
                            : problem(
                                    "The model server could not be reached: " + cause.getMessage(),
                                    elapsed(start),
                                    target));
        } catch (IOException | IllegalArgumentException e) {
            return new Exchange(
                    0, "", problem("The model server could not be reached: " + e.getMessage(), elapsed(start), target));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Exchange(0, "", problem("Interrupted while waiting for the model.", elapsed(start), target));
        }
    }

    /**
     * Whether an error answer refuses the {@code response_format} itself: older llama-server builds answer
     * {@code response_format type must be one of "text" or "json_object", but got: json_schema}, servers without
     * guided decoding name the field in their 400 or 422.
     */
    static boolean refusesSchema(String body) {
        String text = body.toLowerCase(Locale.ROOT);
        return text.contains("response_format") || text.contains("json_schema") || text.contains("guided_");
    }

    /**
     * Whether an error answer refuses the page images: vLLM launched with {@code --limit-mm-per-prompt
     * '{"image": 0}'} answers "At most 0 image(s) may be provided in one prompt.", llama-server without
     * {@code --mmproj} "image input is not supported - hint: ... you may need to provide the mmproj", text-only
     * models that they do not support images or multimodal input.
     */
    static boolean refusesImages(String body) {
        String text = body.toLowerCase(Locale.ROOT);
        return text.contains("image")
                && (text.contains("not supported")
                        || text.contains("at most 0")
                        || text.contains("mmproj")
                        || text.contains("does not support")
                        || text.contains("multimodal")
                        || text.contains("vision"));
    }

    private static Answer timedOut(Target target, long start) {
        return problem(
                "The model did not answer within " + target.timeout().toSeconds() + " s.", elapsed(start), target);
    }

    /** The answer's text, read up to the size bound and the deadline (a server trickling bytes is cut off). */
    private static String readBounded(InputStream in, long deadline) throws IOException, TimeoutException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (in) {
            ScheduledFuture<?> guard = DEADLINES.schedule(
                    () -> {
                        try {
                            in.close();
                        } catch (IOException ignored) {
                            // closing is the point; a failure to close changes nothing
                        }
                    },
                    Math.max(1, deadline - System.nanoTime()),
                    TimeUnit.NANOSECONDS);
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, Math.min(n, MAX_ANSWER_BYTES + 1 - out.size()));
                    if (out.size() > MAX_ANSWER_BYTES) {
                        throw new IOException("the answer is larger than " + MAX_ANSWER_BYTES / 1024 + " KB");
                    }
                }
            } catch (IOException e) {
                if (System.nanoTime() >= deadline) {
                    throw new TimeoutException();
                }
                throw e;
            } finally {
                guard.cancel(false);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ask-gemma-deadlines");
        t.setDaemon(true);
        return t;
    });

    private static Answer problem(String message, long millis, Target target) {
        return new Answer(Map.of(), message, millis, target.model());
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /**
     * The chat-completions body: the prompt and page images, temperature 0, the answer bounded by
     * {@link #MAX_ANSWER_TOKENS} and, when {@code structured}, the fields' JSON schema as {@code response_format}
     * (vLLM's guided decoding, llama-server's {@code json_schema} and Ollama's {@code format} all take it).
     */
    private static ObjectNode request(Prompt prompt, Target target, boolean structured) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", target.model());
        root.put("temperature", 0);
        root.put("max_tokens", MAX_ANSWER_TOKENS);
        if (structured) {
            root.set("response_format", RESPONSE_FORMAT);
        }
        ArrayNode messages = root.putArray("messages");
        messages.addObject().put("role", "system").put("content", PROMPT);
        ObjectNode user = messages.addObject().put("role", "user");
        ArrayNode content = user.putArray("content");
        content.addObject().put("type", "text").put("text", prompt.text());
        for (String image : prompt.images()) {
            content.addObject()
                    .put("type", "image_url")
                    .putObject("image_url")
                    .put("url", "data:image/png;base64," + image);
        }
        return root;
    }

    /** Every field a string or null, all of them present, nothing else. */
    static final ObjectNode RESPONSE_FORMAT = responseFormat();

    private static ObjectNode responseFormat() {
        ObjectNode format = JSON.createObjectNode().put("type", "json_schema");
        ObjectNode wrapper = format.putObject("json_schema").put("name", "document_fields");
        ObjectNode schema = wrapper.putObject("schema").put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = schema.putArray("required");
        for (String field : FieldExtractor.FIELDS) {
            ArrayNode types = properties.putObject(field).putArray("type");
            types.add("string").add("null");
            required.add(field);
        }
        schema.put("additionalProperties", false);
        return format;
    }

    /** The first pages as PNG, about 896 px on the long side (what the vision encoder takes). */
    private List<String> pageImages(StoredDocument document, int maxPages) throws IOException {
        try {
            return decodedPageImages(document, maxPages);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for decoding memory");
        }
    }

    /** Side of the square the vision encoder reads (Gemma 3's SigLIP takes 896 × 896). */
    static final int MODEL_IMAGE_SIDE = 896;

    private List<String> decodedPageImages(StoredDocument document, int maxPages)
            throws IOException, InterruptedException {
        List<String> images = new ArrayList<>();
        try (DocumentContent.Spooled content = contents.spool(document.id())) {
            if (document.kind() == DocumentKind.XML) {
                return images;
            }
            if (document.kind().isImage()) {
                try (PixelDecoder.Decoded decoded = decoder.forModel(content.file(), MODEL_IMAGE_SIDE)) {
                    images.add(png(scaled(decoded.image())));
                } catch (DecodeBudget.TooLarge e) {
                    // the text goes without the picture
                }
                return images;
            }
            String password = repository
                    .sealedPassword(document.id())
                    .flatMap(passwords::open)
                    .orElse("");
            try (PDDocument pdf =
                    Loader.loadPDF(content.file().toFile(), password, null, null, TempFiles.pdfScratch())) {
                PDFRenderer renderer = new PDFRenderer(pdf);
                renderer.setSubsamplingAllowed(true);
                for (int i = 0; i < Math.min(maxPages, pdf.getNumberOfPages()); i++) {
                    float longSide = Math.max(
                            pdf.getPage(i).getMediaBox().getWidth(),
                            pdf.getPage(i).getMediaBox().getHeight());
                    float dpi = Math.max(36, (float) MODEL_IMAGE_SIDE / longSide * 72);
                    try (DecodeBudget.Reservation held = decoder.forPage(pdf.getPage(i), dpi, i + 1)) {
                        images.add(png(renderer.renderImageWithDPI(i, dpi, ImageType.RGB)));
                    } catch (DecodeBudget.TooLarge e) {
                        // the text goes without this page's picture
                    }
                }
            }
        }
        return images;
    }

    private static BufferedImage scaled(BufferedImage image) {
        double scale = (double) MODEL_IMAGE_SIDE / Math.max(image.getWidth(), image.getHeight());
        if (scale >= 1) {
            return image;
        }
        int w = (int) (image.getWidth() * scale);
        int h = (int) (image.getHeight() * scale);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        out.getGraphics().drawImage(image.getScaledInstance(w, h, Image.SCALE_SMOOTH), 0, 0, null);
        return out;
    }

    private static String png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    /** Reads the fields out of a chat-completions answer, tolerating a Markdown code fence around the JSON. */
    Answer read(String body, long millis) {
        return read(body, millis, properties.model());
    }

    Answer read(String body, long millis, String model) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (RuntimeException e) {
            return problemFor(model, "The server's answer is not JSON: " + shorten(body), millis);
        }
        JsonNode message = root.path("choices").path(0).path("message");
        if (message.hasNonNull("refusal") && !message.get("refusal").asString().isBlank()) {
            return problemFor(
                    model,
                    "The model refused: " + shorten(message.get("refusal").asString()),
                    millis);
        }
        String content = message.path("content").asString("");
        String json = content.strip().replaceFirst("^```(?:json)?\\s*", "").replaceFirst("\\s*```$", "");
        int open = json.indexOf('{');
        int close = json.lastIndexOf('}');
        if (open < 0 || close < open) {
            return problemFor(model, "The model did not answer with fields: " + shorten(content), millis);
        }
        try {
            JsonNode fields = JSON.readTree(json.substring(open, close + 1));
            Map<String, String> values = new LinkedHashMap<>();
            for (String name : FieldExtractor.FIELDS) {
                JsonNode value = fields.get(name);
                values.put(name, value == null || value.isNull() ? null : plain(value.asString()));
            }
            JsonNode usage = root.path("usage");
            return new Answer(
                    values,
                    null,
                    millis,
                    model,
                    count(usage.path("prompt_tokens")),
                    count(usage.path("completion_tokens")),
                    null,
                    false,
                    false,
                    false,
                    false);
        } catch (RuntimeException e) {
            return problemFor(model, "The model's fields are not valid JSON: " + shorten(content), millis);
        }
    }

    /** A token count as the server sent it: a whole number from 0 to Integer.MAX_VALUE, else none. */
    private static Integer count(JsonNode node) {
        return node.isIntegralNumber() && node.canConvertToInt() && node.asInt() >= 0 ? node.asInt() : null;
    }

    private static Answer problemFor(String model, String message, long millis) {
        return new Answer(Map.of(), message, millis, model);
    }

    /** An answer that failed for a reason of the app's own (its message written for the user). */
    public static Answer failed(String model, String message) {
        return problemFor(model, message, 0);
    }

    private static String shorten(String text) {
        String flat = plain(text).replaceAll("\\s+", " ").strip();
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }

    /**
     * What a server sent, without the characters that change how text around it is shown: bidirectional
     * controls (U+202E turns "fdp.exe" into "exe.pdf"), other invisible format characters and control characters
     * other than line breaks and tabs. Applied before anything a server sends is shown or stored.
     */
    public static String plain(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            int type = Character.getType(c);
            boolean control = Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t';
            if (type != Character.FORMAT && !control) {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
