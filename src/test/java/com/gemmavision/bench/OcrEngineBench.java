package com.gemmavision.bench;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

import com.gemmavision.documents.extraction.Ranking;
import com.gemmavision.documents.text.Deskew;
import com.gemmavision.documents.text.Ocr;
import com.gemmavision.documents.text.OcrSettings;
import com.gemmavision.documents.text.PaddleOcr;

/**
 * The OCR engines side by side on a folder's transcribed images: each engine's character error rate against the
 * dataset's own transcripts (both folded alike) and its seconds per page. How the app's default engine is chosen.
 *
 *   java ... com.gemmavision.bench.OcrEngineBench ../shared/receipts [threads [pages [show]]]
 *   (TESSERACT=1 in the environment reads every page with Tesseract too, as the app runs it)
 */
public final class OcrEngineBench {

    private OcrEngineBench() {}

    /**
     * How many of the transcript's words the reading has as printed, spaces included: each word of the reading
     * counts once. Unlike the character error rate, indifferent to the order lines come in, and it counts two
     * words run together as both missed.
     */
    static int wordsFound(String transcript, String read) {
        Map<String, Integer> available = new java.util.HashMap<>();
        for (String word : read.split(" ")) {
            available.merge(word, 1, Integer::sum);
        }
        int found = 0;
        for (String word : transcript.split(" ")) {
            Integer left = available.get(word);
            if (left != null && left > 0) {
                available.put(word, left - 1);
                found++;
            }
        }
        return found;
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "../shared/receipts");
        int threads = args.length > 1
                ? Integer.parseInt(args[1])
                : Runtime.getRuntime().availableProcessors();
        int limit = args.length > 2 ? Integer.parseInt(args[2]) : Integer.MAX_VALUE;
        Map<String, String> transcripts = OcrQuality.transcripts(folder);
        try (PaddleOcr paddle = PaddleOcr.bundled(threads)) {
            long edits = 0;
            long reference = 0;
            long nanos = 0;
            List<Double> rates = new ArrayList<>();
            int n = 0;
            long words = 0;
            long wordsFound = 0;
            long tEdits = 0;
            long tNanos = 0;
            long tWordsFound = 0;
            Ocr tesseract = System.getenv("TESSERACT") == null
                    ? null
                    : new Ocr(new OcrSettings(
                            "tesseract",
                            List.of("eng", "deu", "fra", "nld", "spa", "ita"),
                            300,
                            Duration.ofSeconds(120),
                            Files.createTempDirectory("ocr-bench")));
            for (Map.Entry<String, String> entry : transcripts.entrySet()) {
                if (n++ >= limit) {
                    break;
                }
                BufferedImage image = ImageIO.read(Files.newInputStream(folder.resolve(entry.getKey())));
                long start = System.nanoTime();
                Ocr.Result result = paddle.read(Deskew.straighten(image));
                nanos += System.nanoTime() - start;
                String expected = OcrQuality.fold(entry.getValue());
                int e = Ranking.editDistance(OcrQuality.fold(result.text()), expected);
                edits += e;
                reference += expected.length();
                rates.add(e / (double) Math.max(1, expected.length()));
                words += expected.split(" ").length;
                wordsFound += wordsFound(expected, OcrQuality.fold(result.text()));
                if (tesseract != null) {
                    long t0 = System.nanoTime();
                    Ocr.Result t = tesseract.read(image);
                    tNanos += System.nanoTime() - t0;
                    tEdits += Ranking.editDistance(OcrQuality.fold(t.text()), expected);
                    tWordsFound += wordsFound(expected, OcrQuality.fold(t.text()));
                }
                if (args.length > 3) {
                    System.out.println("---- " + entry.getKey() + "\n" + result.text());
                }
            }
            rates.sort(Double::compare);
            System.out.printf(
                    Locale.ROOT,
                    "PP-OCR (%d threads): %d pages, character error rate %.1f%% of %,d characters (median %.1f%%,"
                            + " worst %.1f%%), %.2f s per page; transcript words read as printed %.1f%%%n",
                    threads,
                    rates.size(),
                    100.0 * edits / reference,
                    reference,
                    100 * rates.get(rates.size() / 2),
                    100 * rates.get(rates.size() - 1),
                    nanos / 1e9 / rates.size(),
                    100.0 * wordsFound / words);
            if (tesseract != null) {
                System.out.printf(
                        Locale.ROOT,
                        "Tesseract: character error rate %.1f%%, %.2f s per page; transcript words read as printed"
                                + " %.1f%%%n",
                        100.0 * tEdits / reference,
                        tNanos / 1e9 / rates.size(),
                        100.0 * tWordsFound / words);
            }
        }
    }
}
