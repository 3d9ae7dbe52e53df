package com.gemmavision.documents.text;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

import org.springframework.stereotype.Component;

/**
 * Optical character recognition with two engines: PaddleOCR's PP-OCRv4 networks run in ONNX Runtime
 * ({@link PaddleOcr}, shipped in the app) and Debian's Tesseract, run as a command. An image in, its lines of text
 * (wide gaps kept as two spaces), the mean word confidence and each word's out. The configured engine
 * ({@link OcrSettings#engine()}) reads a page in the first language; a page whose words tell another configured
 * language ({@link OcrLanguage}) is read again by Tesseract in that language, whose alphabets have the accented
 * letters PP-OCR's lacks. Whether Tesseract is there is checked once at start; PP-OCR's models are loaded and checked
 * at start too, so a missing or corrupt model file stops the app with a clear message rather than failing each
 * upload.
 */
@Component
public class Ocr implements AutoCloseable {

    private final OcrSettings properties;
    private final boolean tesseract;
    private final PaddleOcr paddle;

    public Ocr(OcrSettings properties) {
        this.properties = properties;
        this.tesseract = probe(properties.tesseract());
        this.paddle = properties.engine() != OcrEngine.PP_OCR
                ? null
                : properties.models() == null
                        ? PaddleOcr.bundled(properties.threads())
                        : PaddleOcr.fromFolder(properties.models(), properties.threads());
    }

    @Override
    public void close() {
        if (paddle != null) {
            paddle.close();
        }
    }

    /**
     * The text read, the mean word confidence (0 to 100), and for each line of the text the confidence of each of
     * its words in order (so a field knows how sure OCR was of the very words it was read from).
     */
    public record Result(String text, double confidence, List<List<Double>> lineConfidences) {

        public Result(String text, double confidence) {
            this(text, confidence, List.of());
        }

        /**
         * How much text was read with confidence: the characters of each word weighted by its confidence. Two
         * layouts of one page are compared by this, not by the mean confidence, which favours a reading that kept
         * a dozen sure words and dropped the rest of the receipt.
         */
        double confidentCharacters() {
            String[] lines = text.split("\\R");
            double sum = 0;
            for (int i = 0; i < lines.length && i < lineConfidences.size(); i++) {
                String[] words = lines[i].strip().split("\\s+");
                List<Double> confidences = lineConfidences.get(i);
                for (int w = 0; w < words.length && w < confidences.size(); w++) {
                    sum += words[w].length() * confidences.get(w) / 100.0;
                }
            }
            return lineConfidences.isEmpty() ? confidence * text.length() / 100.0 : sum;
        }
    }

    /** Whether pages can be read at all: PP-OCR is loaded, or Tesseract answers. */
    public boolean available() {
        return paddle != null || tesseract;
    }

    /** Whether the Tesseract command answers, asked once when the app starts. */
    private static boolean probe(String tesseract) {
        try {
            Process process = new ProcessBuilder(tesseract, "--version")
                    .redirectErrorStream(true)
                    .start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Reads an image in one or two quick passes instead of one slow one. The first pass uses the first configured
     * language (English by default) and a layout mode chosen from the page's shape: a tall narrow slip (a till
     * receipt) is one block of text, anything else is laid out automatically. The words found tell the page's
     * language ({@link OcrLanguage}); when it is another configured language, or the first pass was unsure, a
     * second pass reads with that language (plus the first) or the other layout, and the reading with more
     * confidently read text wins. Tesseract runs single-threaded: on two cores its OpenMP threads cost three times the time.
     */
    public Result read(BufferedImage image) throws IOException {
        return read(image, null).result();
    }

    /** A page read, and the language it was read in (for the next page of the same document). */
    public record Reading(Result result, String language) {}

    /**
     * Reads a page, straightened first when it is tilted ({@link Deskew}); {@code knownLanguage}, found on an earlier page of the same document, spares the English
     * first pass that finding it would take (a confident reading in it is kept; an unsure one is checked
     * against the usual first pass).
     */
    public Reading read(BufferedImage page, String knownLanguage) throws IOException {
        BufferedImage image = Deskew.straighten(page);
        if (paddle != null) {
            return readWithPaddle(image, knownLanguage);
        }
        return readWithTesseract(image, knownLanguage);
    }

    /**
     * PP-OCR reads the page; when its words (or an earlier page) tell another configured language and Tesseract is
     * there, Tesseract reads it in that language, and its reading is kept unless it found less confidently read
     * text.
     */
    private Reading readWithPaddle(BufferedImage image, String knownLanguage) throws IOException {
        String primary = properties.languages().get(0);
        Result read = paddle.read(image);
        String language = knownLanguage != null && properties.languages().contains(knownLanguage)
                ? knownLanguage
                : OcrLanguage.detect(read.text(), properties.languages()).orElse(primary);
        if (language.equals(primary) || !tesseract) {
            return new Reading(read, language);
        }
        Reading other = readWithTesseract(image, language);
        return other.result().confidentCharacters() >= 0.8 * read.confidentCharacters()
                ? other
                : new Reading(read, language);
    }

    private Reading readWithTesseract(BufferedImage image, String knownLanguage) throws IOException {
        Path input = Files.createTempFile(Files.createDirectories(properties.scratch()), "ocr", ".tmp");
        try {
            ImageIO.write(image, "png", input.toFile());
            String primary = properties.languages().get(0);
            boolean slip = image.getHeight() > 1.6 * image.getWidth();
            int layout = slip ? 6 : 3;
            if (knownLanguage != null
                    && !knownLanguage.equals(primary)
                    && properties.languages().contains(knownLanguage)) {
                Result known = run(input, knownLanguage + "+" + primary, layout);
                if (known.confidence() >= 75) {
                    return new Reading(known, knownLanguage);
                }
            }
            Result first = run(input, primary, layout);
            String language =
                    OcrLanguage.detect(first.text(), properties.languages()).orElse(primary);
            Result best = first;
            if (!language.equals(primary)) {
                Result second = run(input, language + "+" + primary, layout);
                best = second.confidence() >= first.confidence() - 2 ? second : first;
            }
            if (best.confidence() < 65) {
                Result other = run(input, language.equals(primary) ? primary : language + "+" + primary, slip ? 4 : 6);
                if (other.confidentCharacters() > best.confidentCharacters()) {
                    best = other;
                }
            }
            return new Reading(best, language);
        } finally {
            Files.deleteIfExists(input);
        }
    }

    private Result run(Path input, String languages, int layout) throws IOException {
        List<String> command = List.of(
                properties.tesseract(),
                input.toString(),
                "stdout",
                "-l",
                languages,
                "--psm",
                String.valueOf(layout),
                "--dpi",
                String.valueOf(properties.dpi()),
                "tsv");
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        Process process = builder.start();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Thread drain = new Thread(() -> drain(process.getErrorStream()), "tesseract-stderr");
            drain.setDaemon(true);
            drain.start();
            try (InputStream stdout = process.getInputStream()) {
                stdout.transferTo(out);
            }
            if (!process.waitFor(properties.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException(
                        "Tesseract took longer than " + properties.timeout().toSeconds() + " s");
            }
            drain.join(1000);
            if (process.exitValue() != 0) {
                throw new IOException("Tesseract failed with exit code " + process.exitValue());
            }
            return parseTsv(out.toString(StandardCharsets.UTF_8), layout == 6);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("OCR interrupted", e);
        }
    }

    private static void drain(InputStream stream) {
        try (stream) {
            stream.transferTo(OutputStream.nullOutputStream());
        } catch (IOException ignored) {
            // the process is gone; nothing to keep
        }
    }

    /** One recognised word, its box, its confidence (0 to 100) and the line its engine put it in. */
    record Word(int left, int top, int width, int height, String text, double confidence, String lineId) {
        double middle() {
            return top + height / 2.0;
        }
    }

    /**
     * Tesseract's TSV (level, page, block, paragraph, line, word, left, top, width, height, conf, text) back
     * into lines as printed: words whose vertical middles line up form a line, whatever blocks Tesseract put
     * them in (it splits table columns into blocks), read left to right with wide gaps kept as two spaces.
     */
    static Result parseTsv(String tsv) {
        return parseTsv(tsv, false);
    }

    /**
     * With {@code tesseractLines}, the lines Tesseract found (one uniform block, as on a till receipt, where its
     * line finding follows a skewed photo better than word heights do); otherwise lines rebuilt from word boxes.
     */
    static Result parseTsv(String tsv, boolean tesseractLines) {
        List<Word> words = new ArrayList<>();
        double confidenceSum = 0;
        int counted = 0;
        for (String row : tsv.split("\\R")) {
            String[] cells = row.split("\t", -1);
            if (cells.length < 12 || !cells[0].equals("5") || cells[11].isBlank()) {
                continue;
            }
            double confidence = Double.parseDouble(cells[10]);
            words.add(new Word(
                    Integer.parseInt(cells[6]),
                    Integer.parseInt(cells[7]),
                    Integer.parseInt(cells[8]),
                    Integer.parseInt(cells[9]),
                    cells[11],
                    confidence,
                    cells[2] + "/" + cells[3] + "/" + cells[4]));
            if (confidence >= 0) {
                confidenceSum += confidence;
                counted++;
            }
        }
        Result assembled = assemble(words, tesseractLines);
        return new Result(assembled.text(), counted == 0 ? 0 : confidenceSum / counted, assembled.lineConfidences());
    }

    /**
     * Words back into lines as printed: with {@code engineLines}, the lines the engine put them in; otherwise
     * words whose vertical middles line up form a line. Each line reads left to right with wide gaps kept as two
     * spaces; the confidence is the mean of the words'.
     */
    static Result assemble(List<Word> words, boolean engineLines) {
        List<List<Word>> lines = new ArrayList<>();
        if (engineLines) {
            Map<String, List<Word>> byLine = new LinkedHashMap<>();
            for (Word word : words) {
                byLine.computeIfAbsent(word.lineId(), k -> new ArrayList<>()).add(word);
            }
            lines.addAll(byLine.values());
            words = List.of();
        }
        words = new ArrayList<>(words);
        words.sort(Comparator.comparingDouble(Word::middle));
        for (Word word : words) {
            List<Word> last = lines.isEmpty() ? null : lines.get(lines.size() - 1);
            if (last != null
                    && Math.abs(word.middle() - average(last))
                            <= 0.5 * Math.max(word.height(), last.get(0).height())) {
                last.add(word);
            } else {
                List<Word> line = new ArrayList<>();
                line.add(word);
                lines.add(line);
            }
        }
        StringBuilder text = new StringBuilder();
        List<List<Double>> lineConfidences = new ArrayList<>();
        for (List<Word> line : lines) {
            line.sort(Comparator.comparingInt(Word::left));
            int lastEnd = Integer.MIN_VALUE;
            double charWidth = 10;
            StringBuilder out = new StringBuilder();
            for (Word word : line) {
                if (lastEnd != Integer.MIN_VALUE) {
                    out.append(word.left() - lastEnd > 2.5 * charWidth ? "  " : " ");
                }
                out.append(word.text());
                lastEnd = word.left() + word.width();
                charWidth = Math.max(
                        4, word.width() / (double) Math.max(1, word.text().length()));
            }
            text.append(out).append('\n');
            lineConfidences.add(
                    line.stream().map(w -> Math.max(0, w.confidence())).toList());
        }
        double mean = words.stream()
                .mapToDouble(w -> Math.max(0, w.confidence()))
                .average()
                .orElse(0);
        return new Result(text.toString().strip(), mean, lineConfidences);
    }

    private static double average(List<Word> line) {
        return line.stream().mapToDouble(Word::middle).average().orElse(0);
    }
}
