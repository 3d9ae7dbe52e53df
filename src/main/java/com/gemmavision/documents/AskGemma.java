package com.gemmavision.documents;

import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

import com.gemmavision.documents.extraction.FieldExtractor;
import com.gemmavision.documents.text.PageText;

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
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public AskGemma(
            LlmProperties properties, DocumentRepository repository, DocumentContent contents, PdfPasswords passwords) {
        this.contents = contents;
        this.passwords = passwords;
        this.properties = properties;
        this.repository = repository;
    }

    /** What the model answered: its fields, or a message saying why there are none, and how long it took. */
    public record Answer(Map<String, String> fields, String problem, long millis, String model) {
        public boolean ok() {
            return problem == null;
        }
    }

    public boolean enabled() {
        return properties.enabled();
    }

    public LlmProperties settings() {
        return properties;
    }

    public Answer ask(DocumentResults results) {
        long start = System.nanoTime();
        try {
            String body = JSON.writeValueAsString(request(results));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(properties.completionsUrl()))
                    .timeout(properties.timeout())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (properties.apiKey() != null && !properties.apiKey().isBlank()) {
                request.header("Authorization", "Bearer " + properties.apiKey());
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (response.statusCode() / 100 != 2) {
                return problem(
                        "The server answered HTTP " + response.statusCode() + ": " + shorten(response.body()), millis);
            }
            return read(response.body(), millis);
        } catch (HttpTimeoutException e) {
            return problem(
                    "The model did not answer within " + properties.timeout().toSeconds() + " s.", elapsed(start));
        } catch (IOException | IllegalArgumentException e) {
            return problem("The model server could not be reached: " + e.getMessage(), elapsed(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return problem("Interrupted while waiting for the model.", elapsed(start));
        }
    }

    private Answer problem(String message, long millis) {
        return new Answer(Map.of(), message, millis, properties.model());
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private ObjectNode request(DocumentResults results) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", properties.model());
        root.put("temperature", 0);
        ArrayNode messages = root.putArray("messages");
        messages.addObject().put("role", "system").put("content", PROMPT);
        ObjectNode user = messages.addObject().put("role", "user");
        ArrayNode content = user.putArray("content");
        StringBuilder text = new StringBuilder("The document's text, page by page:\n");
        for (PageText page : results.pages()) {
            text.append("--- page ")
                    .append(page.pageNumber())
                    .append(" ---\n")
                    .append(page.text())
                    .append('\n');
        }
        content.addObject()
                .put("type", "text")
                .put("text", text.length() > 60_000 ? text.substring(0, 60_000) : text.toString());
        for (String image : pageImages(results.document())) {
            content.addObject()
                    .put("type", "image_url")
                    .putObject("image_url")
                    .put("url", "data:image/png;base64," + image);
        }
        return root;
    }

    /** The first pages as PNG, about 896 px on the long side (what the vision encoder takes). */
    private List<String> pageImages(StoredDocument document) throws IOException {
        List<String> images = new ArrayList<>();
        try (DocumentContent.Spooled content = contents.spool(document.id())) {
            if (document.kind() == DocumentKind.XML) {
                return images;
            }
            if (document.kind().isImage()) {
                BufferedImage image = ImageIO.read(content.file().toFile());
                if (image != null) {
                    images.add(png(scaled(image)));
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
                for (int i = 0; i < Math.min(properties.maxPages(), pdf.getNumberOfPages()); i++) {
                    float longSide = Math.max(
                            pdf.getPage(i).getMediaBox().getWidth(),
                            pdf.getPage(i).getMediaBox().getHeight());
                    images.add(png(renderer.renderImageWithDPI(i, Math.max(36, 896f / longSide * 72), ImageType.RGB)));
                }
            }
        }
        return images;
    }

    private static BufferedImage scaled(BufferedImage image) {
        double scale = 896.0 / Math.max(image.getWidth(), image.getHeight());
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
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (RuntimeException e) {
            return problem("The server's answer is not JSON: " + shorten(body), millis);
        }
        JsonNode message = root.path("choices").path(0).path("message");
        if (message.hasNonNull("refusal") && !message.get("refusal").asString().isBlank()) {
            return problem(
                    "The model refused: " + shorten(message.get("refusal").asString()), millis);
        }
        String content = message.path("content").asString("");
        String json = content.strip().replaceFirst("^```(?:json)?\\s*", "").replaceFirst("\\s*```$", "");
        int open = json.indexOf('{');
        int close = json.lastIndexOf('}');
        if (open < 0 || close < open) {
            return problem("The model did not answer with fields: " + shorten(content), millis);
        }
        try {
            JsonNode fields = JSON.readTree(json.substring(open, close + 1));
            Map<String, String> values = new LinkedHashMap<>();
            for (String name : FieldExtractor.FIELDS) {
                JsonNode value = fields.get(name);
                values.put(name, value == null || value.isNull() ? null : value.asString());
            }
            return new Answer(values, null, millis, properties.model());
        } catch (RuntimeException e) {
            return problem("The model's fields are not valid JSON: " + shorten(content), millis);
        }
    }

    private static String shorten(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
