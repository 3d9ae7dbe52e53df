package com.gemmavision.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import com.gemmavision.GemmaVisionApplication;
import com.gemmavision.documents.Documents;
import com.gemmavision.documents.StoredDocument;
import com.gemmavision.documents.extraction.ConfidenceModel;
import com.gemmavision.documents.extraction.EInvoiceXml;
import com.gemmavision.documents.extraction.ExtractedField;
import com.gemmavision.documents.extraction.FieldComparison;
import com.gemmavision.documents.extraction.FieldExtractor;
import com.gemmavision.documents.processing.DocumentRepository;
import com.gemmavision.documents.processing.DocumentStatus;
import com.gemmavision.documents.text.PageText;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Measures field extraction on a labelled folder ({@code labels.jsonl}, the format of {@code ../shared/corpus}):
 * every document goes through the app's real pipeline (upload checks, PDFBox text layer, Tesseract OCR, field
 * rules) in an app started on a throwaway in-memory database, with no HTTP in between; each labelled field is
 * scored right, wrong (a different value stated) or missed (left blank), with the corpus's comparison rules.
 * Prints a table per field, per document kind and overall, with OCR pages per second, and writes the misses to
 * a CSV, and each document's text to {@code target/extraction-texts}. {@code bench/extraction/run.sh} runs it; {@code CorpusExtractionIT} holds its floor.
 */
public final class ExtractionBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** How one labelled field came out. */
    public enum Outcome {
        RIGHT,
        WRONG,
        MISSED
    }

    public record Score(
            String file, String kind, String field, String expected, String actual, Outcome outcome, String snippet) {}

    public record Tally(int right, int wrong, int missed) {
        public int labelled() {
            return right + wrong + missed;
        }

        public double rightShare() {
            return labelled() == 0 ? 0 : (double) right / labelled();
        }

        public double wrongShare() {
            return labelled() == 0 ? 0 : (double) wrong / labelled();
        }

        Tally plus(Outcome outcome) {
            return new Tally(
                    right + (outcome == Outcome.RIGHT ? 1 : 0),
                    wrong + (outcome == Outcome.WRONG ? 1 : 0),
                    missed + (outcome == Outcome.MISSED ? 1 : 0));
        }
    }

    /**
     * One labelled document as the rules read it: every candidate with the rules' estimate and evidence (what the
     * confidence model is trained on), and the group left out together in the held-out figures.
     */
    public record Read(
            String file,
            String kind,
            String group,
            JsonNode labels,
            Map<String, ExtractedField> candidates,
            List<PageText> pages) {}

    public record Result(
            List<Score> scores, int ocrPages, double ocrSeconds, List<Read> reads, Map<String, List<PageText>> texts) {

        public Result(List<Score> scores, int ocrPages, double ocrSeconds, List<Read> reads) {
            this(scores, ocrPages, ocrSeconds, reads, Map.of());
        }

        public Tally overall() {
            Tally tally = new Tally(0, 0, 0);
            for (Score score : scores) {
                tally = tally.plus(score.outcome());
            }
            return tally;
        }

        public Map<String, Tally> by(Function<Score, String> key) {
            Map<String, Tally> tallies = new TreeMap<>();
            for (Score score : scores) {
                tallies.merge(
                        key.apply(score),
                        new Tally(0, 0, 0).plus(score.outcome()),
                        (a, b) -> new Tally(a.right() + b.right(), a.wrong() + b.wrong(), a.missed() + b.missed()));
            }
            return tallies;
        }

        public double ocrPagesPerSecond() {
            return ocrSeconds == 0 ? 0 : ocrPages / ocrSeconds;
        }
    }

    private ExtractionBench() {}

    public static void main(String[] args) throws Exception {
        List<String> paths =
                List.of(args).stream().filter(a -> !a.startsWith("--")).toList();
        List<Path> folders =
                paths.stream().filter(a -> !a.endsWith(".csv")).map(Path::of).toList();
        if (folders.isEmpty()) {
            folders = List.of(Path.of("../shared/corpus"));
        }
        Path misses = Path.of(
                paths.stream().filter(a -> a.endsWith(".csv")).findFirst().orElse("target/extraction-misses.csv"));
        boolean train = List.of(args).contains("--train");
        HeldOut.rankers = List.of(args).contains("--rankers");
        double tilt = List.of(args).stream()
                .filter(a -> a.startsWith("--tilt="))
                .mapToDouble(a -> Double.parseDouble(a.substring("--tilt=".length())))
                .findFirst()
                .orElse(0);
        if (tilt != 0 && train) {
            throw new IllegalArgumentException("--train learns from the corpus as it is: leave out --tilt");
        }
        Result result = run(folders, tilt);
        if (tilt != 0) {
            System.out.printf(Locale.ROOT, "Every image turned %.1f° before upload.%n%n", tilt);
        }
        System.out.println("As the app states them (the committed model, trained on all of this corpus: fitted):\n");
        System.out.print(table(result));
        HeldOut.Evaluation heldOut = HeldOut.leaveOneGroupOut(result.reads(), FieldExtractor.STATED);
        System.out.println();
        System.out.print(HeldOut.table(heldOut));
        HeldOut.Evaluation folds = HeldOut.groupedFolds(result.reads(), HeldOut.FOLDS, FieldExtractor.STATED);
        System.out.println();
        System.out.print(HeldOut.table(folds));
        for (HeldOut.Choice choice : HeldOut.Choice.values()) {
            HeldOut.Evaluation chosen =
                    HeldOut.groupedFoldsWithFieldThresholds(result.reads(), HeldOut.FOLDS, MAX_WRONG_PER_FIELD, choice);
            System.out.println();
            System.out.print(HeldOut.table(chosen));
        }
        com.gemmavision.documents.extraction.FieldThresholds thresholds =
                HeldOut.fieldThresholds(result.reads(), HeldOut.FOLDS, MAX_WRONG_PER_FIELD);
        System.out.println("\nThresholds chosen on all these documents' grouped folds (what --thresholds writes):");
        thresholds.asMap().forEach((key, t) -> System.out.printf(Locale.ROOT, "  %s from %.2f%n", key, t));
        if (List.of(args).contains("--thresholds")) {
            Path file = Path.of("src/main/resources" + com.gemmavision.documents.extraction.FieldThresholds.RESOURCE);
            Files.writeString(
                    file,
                    thresholds.write("From which probability a value is stated: the lowest keeping the wrong values of"
                            + " its origin (a page, or e-invoice XML)\nwithin " + Math.round(100 * MAX_WRONG_PER_FIELD)
                            + "% of its labelled ones, chosen by " + HeldOut.FOLDS
                            + " folds grouped by store or issuer over "
                            + folders.stream()
                                    .map(f -> f.getFileName().toString())
                                    .toList()
                            + "\nby bench/extraction/run.sh --thresholds (the same folders write the same file)"));
            System.out.println("Thresholds written to " + file);
        }
        System.out.print(OcrQuality.table(OcrQuality.measure(folders, result)));
        writeMisses(folds.asResult(), misses);
        System.out.println("Grouped-fold misses written to " + misses);
        if (train) {
            Path model = Path.of("src/main/resources" + ConfidenceModel.RESOURCE);
            List<ConfidenceModel.Example> examples = HeldOut.examples(result.reads());
            Files.writeString(
                    model,
                    ConfidenceModel.train(examples)
                            .write("Field confidence model: L2-regularised logistic regression (LIBLINEAR, C = "
                                    + ConfidenceModel.REGULARISATION_C + ")\ntrained on " + examples.size()
                                    + " labelled values of " + result.reads().size() + " documents in "
                                    + String.join(
                                            ", ",
                                            folders.stream()
                                                    .map(f -> f.getFileName().toString())
                                                    .toList())
                                    + " by bench/extraction/run.sh --train"
                                    + "\n(rebuild the app and run the bench again to see the app state with it)"));
            System.out.println("Model trained on " + examples.size() + " values written to " + model);
            if (!HeldOut.rankers) {
                return; // the rankers are written (and then shipped) only when asked for
            }
            writeRanking(
                    com.gemmavision.documents.extraction.AmountRanker.NAME,
                    "every amount on the page",
                    HeldOut.ranking(result.reads(), HeldOut.TOTAL),
                    folders);
            writeRanking(
                    com.gemmavision.documents.extraction.SellerRanker.NAME,
                    "the first lines of the first page",
                    HeldOut.ranking(result.reads(), HeldOut.SELLER),
                    folders);
        }
    }

    /** Writes a ranking's two models under src/main/resources/extraction, deterministically. */
    private static void writeRanking(
            String name, String over, com.gemmavision.documents.extraction.Ranking ranking, List<Path> folders)
            throws IOException {
        String from =
                folders.stream().map(f -> f.getFileName().toString()).toList().toString();
        Path ranker = Path.of("src/main/resources/extraction/" + name + ".txt");
        Files.writeString(
                ranker,
                ranking.ranker()
                        .write("Ranker " + name + ": L2-regularised logistic regression (LIBLINEAR, C = "
                                + ConfidenceModel.REGULARISATION_C + ") over " + over + ", trained on " + from
                                + "\nby bench/extraction/run.sh --train (the same folders write the same file)"));
        Path calibration = Path.of("src/main/resources/extraction/" + name + "-calibration.txt");
        Files.writeString(
                calibration,
                ranking.calibration()
                        .write("Calibration of " + name + "'s picks: logistic regression over the pick's log-odds,"
                                + " share and lead,\ncross-fitted on " + from + " by bench/extraction/run.sh --train"));
        System.out.println("Ranking written to " + ranker + " and " + calibration);
    }

    /** Wrong values, as a share of the labelled ones, that the chosen thresholds keep within (issue 28's ceiling). */
    static final double MAX_WRONG_PER_FIELD = 0.02;

    public static Result run(Path folder) throws IOException, InterruptedException {
        return run(List.of(folder), 0);
    }

    public static Result run(Path folder, double tiltDegrees) throws IOException, InterruptedException {
        return run(List.of(folder), tiltDegrees);
    }

    /**
     * The group a labelled document is held out with: an e-invoice's issuer group, a receipt's store (its
     * normalised seller name: several stores recur, and no store may be in both the fitting and the scoring part),
     * and any other document on its own.
     */
    static String group(JsonNode label) {
        if (label.hasNonNull("templateGroup")) {
            return "e-invoice group: " + label.get("templateGroup").asString();
        }
        JsonNode seller = label.path("fields").path("sellerName");
        if ("receipt".equals(label.path("kind").asString()) && seller.isString()) {
            return "store: " + seller.asString().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
        }
        return label.get("file").asString();
    }

    /**
     * As {@link #run(Path)}, with every image turned by {@code tiltDegrees} (counter-clockwise) before upload: how
     * a photo taken slightly off square reads.
     */
    public static Result run(List<Path> folders, double tiltDegrees) throws IOException, InterruptedException {
        List<JsonNode> labels = new ArrayList<>();
        Map<String, Path> folderOf = new LinkedHashMap<>();
        for (Path folder : folders) {
            for (String line : Files.readAllLines(folder.resolve("labels.jsonl"))) {
                if (!line.isBlank()) {
                    JsonNode label = JSON.readTree(line);
                    if (folderOf.putIfAbsent(label.get("file").asString(), folder) != null) {
                        throw new IllegalArgumentException(label.get("file") + " is in two folders");
                    }
                    labels.add(label);
                }
            }
        }
        // A database in files, not in memory: 190 documents' bytes would sit in the heap the app reads them with
        // (and an in-memory database outlives its context), which ran a 512 MB test JVM out of memory.
        Path database = Files.createTempDirectory("extraction-bench");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GemmaVisionApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:h2:file:"
                                + database.resolve("bench").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE",
                        "--gemmavision.documents.poll-interval=50ms",
                        "--gemmavision.documents.max-documents=100000",
                        "--gemmavision.documents.max-queued-pages=100000",
                        "--logging.level.root=WARN")) {
            Documents documents = app.getBean(Documents.class);
            DocumentRepository repository = app.getBean(DocumentRepository.class);
            List<Score> scores = new ArrayList<>();
            // Text PDFs first, then the images together, so the OCR figure is the app's throughput with its
            // configured workers, from the first image upload to the last image read.
            List<JsonNode> images = labels.stream()
                    .filter(l -> l.get("file").asString().matches("(?i).*\\.(png|jpe?g)$"))
                    .toList();
            List<JsonNode> others =
                    labels.stream().filter(l -> !images.contains(l)).toList();
            Map<String, String> ids = new LinkedHashMap<>();
            int ocrPages = 0;
            double ocrSeconds = 0;
            for (List<JsonNode> batch : List.of(others, images)) {
                Instant start = Instant.now();
                for (JsonNode label : batch) {
                    String file = label.get("file").asString();
                    Path folder = folderOf.get(file);
                    Path path = tiltDegrees != 0 && batch == images
                            ? tilted(folder.resolve(file), tiltDegrees)
                            : folder.resolve(file);
                    Documents.Outcome outcome =
                            documents.upload(owner(file), List.of(new Documents.Upload(file, path)));
                    if (!outcome.accepted().isEmpty()) {
                        ids.put(file, outcome.accepted().get(0).id());
                    }
                }
                for (JsonNode label : batch) {
                    String file = label.get("file").asString();
                    if (ids.containsKey(file)) {
                        waitUntilFinished(repository, ids.get(file), owner(file));
                    }
                }
                if (batch == images) {
                    ocrSeconds = Duration.between(start, Instant.now()).toNanos() / 1e9;
                    for (JsonNode label : batch) {
                        String id = ids.get(label.get("file").asString());
                        ocrPages += id == null
                                ? 0
                                : (int) repository.pages(id).stream()
                                        .filter(p -> p.source() == PageText.TextSource.OCR)
                                        .count();
                    }
                }
            }
            List<Read> reads = new ArrayList<>();
            Map<String, List<PageText>> texts = new LinkedHashMap<>();
            for (JsonNode label : labels) {
                String file = label.get("file").asString();
                Map<String, ExtractedField> found = new LinkedHashMap<>();
                Map<String, ExtractedField> candidates = new LinkedHashMap<>();
                String id = ids.get(file);
                if (id != null) {
                    StoredDocument done = repository.find(id, owner(file)).orElseThrow();
                    List<PageText> pages = repository.pages(id);
                    dumpText(file, pages);
                    if (done.status() == DocumentStatus.DONE) {
                        repository.fields(id).forEach(f -> found.put(f.name(), f));
                        candidates.putAll(FieldExtractor.candidates(
                                pages, embeddedXml(folderOf.get(file).resolve(file))));
                        texts.put(file, pages);
                    }
                }
                String kind = label.get("kind").asString()
                        + (label.path("embeddedXml").isNull()
                                        || label.path("embeddedXml").isMissingNode()
                                ? ""
                                : " (e-invoice)");
                reads.add(new Read(
                        file,
                        kind,
                        group(label),
                        label.get("fields"),
                        candidates,
                        texts.getOrDefault(file, List.of())));
                label.get("fields").properties().forEach(entry -> {
                    String name = entry.getKey();
                    ExtractedField field = found.get(name);
                    String expected = entry.getValue().isNumber()
                            ? entry.getValue().decimalValue().toPlainString()
                            : entry.getValue().asString();
                    String actual = field == null ? null : field.value();
                    scores.add(new Score(
                            file,
                            kind,
                            name,
                            expected,
                            actual,
                            compare(name, entry.getValue(), actual),
                            field == null
                                    ? (candidates.containsKey(name) ? "not sure" : "not found")
                                    : field.snippet() + " [" + Math.round(100 * field.confidence()) + "%"
                                            + (field.failed().isEmpty() ? "" : "; " + String.join("; ", field.failed()))
                                            + "]"));
                });
            }
            return new Result(scores, ocrPages, ocrSeconds, reads, texts);
        } finally {
            try (java.util.stream.Stream<Path> files = Files.walk(database)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(file -> file.toFile().delete());
            }
        }
    }

    /** A copy of an image turned by some degrees, in a temporary folder, in the image's own format. */
    private static Path tilted(Path image, double degrees) throws IOException {
        java.awt.image.BufferedImage turned = com.gemmavision.documents.text.Deskew.rotate(
                javax.imageio.ImageIO.read(image.toFile()), degrees, java.awt.image.BufferedImage.TYPE_INT_RGB);
        String name = image.getFileName().toString();
        String format = name.substring(name.lastIndexOf('.') + 1)
                .toLowerCase(Locale.ROOT)
                .replace("jpeg", "jpg");
        Path out = Files.createTempDirectory("tilted").resolve(name);
        javax.imageio.ImageIO.write(turned, format, out.toFile());
        return out;
    }

    /** The e-invoice a PDF carries, read as the processor reads it. */
    private static EInvoiceXml.Invoice embeddedXml(Path file) throws IOException {
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf")) {
            return null;
        }
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            return EInvoiceXml.attachedTo(pdf).orElse(null);
        }
    }

    private static String owner(String file) {
        return UUID.nameUUIDFromBytes(file.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Each document's text, and with OCR's word confidences, for looking into misses. */
    private static void dumpText(String file, List<PageText> pages) throws IOException {
        Path texts = Path.of("target", "extraction-texts");
        Files.createDirectories(texts);
        Files.writeString(
                texts.resolve(file + ".txt"),
                String.join("\n\f\n", pages.stream().map(PageText::text).toList()));
        StringBuilder scored = new StringBuilder();
        for (PageText page : pages) {
            String[] pageLines = page.text().split("\\R");
            for (int l = 0; l < pageLines.length; l++) {
                scored.append(pageLines[l])
                        .append("    ")
                        .append(page.wordConfidences(l))
                        .append('\n');
            }
        }
        Files.writeString(texts.resolve(file + ".ocr.txt"), scored.toString());
    }

    private static StoredDocument waitUntilFinished(DocumentRepository repository, String id, String owner)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            StoredDocument document = repository.find(id, owner).orElseThrow();
            if (document.status().finished()) {
                return document;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("document " + id + " did not finish in 5 minutes");
    }

    /** The corpus's comparison rules, as the app scores a bake-off: {@link FieldComparison}. */
    static Outcome compare(String field, JsonNode expected, String actual) {
        return Outcome.valueOf(FieldComparison.compare(
                        field, expected.isNumber() ? expected.decimalValue() : expected.asString(), actual)
                .name());
    }

    public static String table(Result result) {
        StringBuilder out = new StringBuilder();
        out.append("| field | right / labelled | wrong | not found |\n|---|---|---|---|\n");
        result.by(Score::field)
                .forEach((field, t) ->
                        out.append(row(field, t, notFound(result, s -> s.field().equals(field)))));
        out.append("\n| document kind | right / labelled | wrong | not found |\n|---|---|---|---|\n");
        result.by(Score::kind)
                .forEach((kind, t) ->
                        out.append(row(kind, t, notFound(result, s -> s.kind().equals(kind)))));
        out.append("\n").append(row("**overall**", result.overall(), notFound(result, s -> true)));
        out.append(String.format(
                Locale.ROOT,
                "%nOCR: %d image pages in %.1f s, %.2f pages/s (uploaded together, upload to"
                        + " fields, the app's default workers)%n",
                result.ocrPages(),
                result.ocrSeconds(),
                result.ocrPagesPerSecond()));
        return out.toString();
    }

    /** Labelled values no candidate was found for at all (not those found but left "not sure"). */
    static long notFound(Result result, java.util.function.Predicate<Score> which) {
        return result.scores().stream()
                .filter(which)
                .filter(s -> s.outcome() == Outcome.MISSED && "not found".equals(s.snippet()))
                .count();
    }

    /** A table row: right of labelled, wrong, not found, then any further cells. */
    static String row(String name, Tally t, long notFound, String... more) {
        return String.format(
                Locale.ROOT,
                "| %s | %d / %d (%.0f%%) | %d (%.1f%%) | %d |%s%n",
                name,
                t.right(),
                t.labelled(),
                100 * t.rightShare(),
                t.wrong(),
                100 * t.wrongShare(),
                notFound,
                more.length == 0 ? "" : " " + String.join(" | ", more) + " |");
    }

    public static void writeMisses(Result result, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer writer = Files.newBufferedWriter(file);
                CSVPrinter csv = CSVFormat.RFC4180
                        .builder()
                        .setHeader("file", "kind", "field", "expected", "actual", "outcome", "snippet")
                        .get()
                        .print(writer)) {
            for (Score score : result.scores()) {
                if (score.outcome() != Outcome.RIGHT) {
                    csv.printRecord(
                            score.file(),
                            score.kind(),
                            score.field(),
                            score.expected(),
                            score.actual(),
                            score.outcome(),
                            score.snippet());
                }
            }
        }
    }
}
