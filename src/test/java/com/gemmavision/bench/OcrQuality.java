package com.gemmavision.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.gemmavision.documents.extraction.Amounts;
import com.gemmavision.documents.extraction.Dates;
import com.gemmavision.documents.text.PageText;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * How well the page was read before any rule looks at it. Against a folder's {@code transcripts.jsonl} (the
 * dataset's own line transcripts, what a perfect OCR would read): the character error rate of the app's OCR, with
 * both texts folded the same way (upper case, runs of white space as one space, lines in reading order). For every
 * labelled document: whether each labelled value occurs in the text read at all, the ceiling any rule can reach,
 * beside the same share in the transcript, so a miss can be told an OCR miss or a rule miss.
 */
final class OcrQuality {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NUMBER = Pattern.compile("-?\\d[\\d.,' ]*\\d|\\d");

    /** One document's reading: its character error counts (when it has a transcript) and which values occur. */
    record Reading(
            String file,
            int referenceCharacters,
            int edits,
            Map<String, Boolean> inText,
            Map<String, Boolean> inTranscript) {

        boolean transcribed() {
            return referenceCharacters > 0;
        }

        double characterErrorRate() {
            return transcribed() ? (double) edits / referenceCharacters : 0;
        }
    }

    private OcrQuality() {}

    static List<Reading> measure(List<Path> folders, ExtractionBench.Result result) throws IOException {
        List<Reading> readings = new ArrayList<>();
        for (Path folder : folders) {
            Map<String, String> transcripts = transcripts(folder);
            for (String line : Files.readAllLines(folder.resolve("labels.jsonl"))) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode label = JSON.readTree(line);
                String file = label.get("file").asString();
                List<PageText> pages = result.texts().get(file);
                if (pages == null) {
                    continue;
                }
                String read =
                        String.join("\n", pages.stream().map(PageText::text).toList());
                String transcript = transcripts.get(file);
                int edits = 0;
                int reference = 0;
                if (transcript != null) {
                    String expected = fold(transcript);
                    edits = com.gemmavision.documents.extraction.Ranking.editDistance(fold(read), expected);
                    reference = expected.length();
                }
                Map<String, Boolean> inText = new LinkedHashMap<>();
                Map<String, Boolean> inTranscript = new LinkedHashMap<>();
                label.get("fields").properties().forEach(entry -> {
                    if (entry.getKey().equals("currency")) {
                        return; // inferred from symbols and context, not printed as its code: no ceiling to read
                    }
                    inText.put(entry.getKey(), occurs(entry.getKey(), entry.getValue(), read));
                    if (transcript != null) {
                        inTranscript.put(entry.getKey(), occurs(entry.getKey(), entry.getValue(), transcript));
                    }
                });
                readings.add(new Reading(file, reference, edits, inText, inTranscript));
            }
        }
        return readings;
    }

    /** A folder's transcripts by file: lines in reading order (top to bottom, then left to right). */
    static Map<String, String> transcripts(Path folder) throws IOException {
        Map<String, String> transcripts = new LinkedHashMap<>();
        Path file = folder.resolve("transcripts.jsonl");
        if (!Files.exists(file)) {
            return transcripts;
        }
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode record = JSON.readTree(line);
            List<JsonNode> lines = new ArrayList<>();
            record.get("lines").forEach(lines::add);
            lines.sort(
                    Comparator.comparingInt((JsonNode l) -> l.get("box").get(1).asInt())
                            .thenComparingInt(l -> l.get("box").get(0).asInt()));
            transcripts.put(
                    record.get("file").asString(),
                    String.join(
                            "\n",
                            lines.stream().map(l -> l.get("text").asString()).toList()));
        }
        return transcripts;
    }

    /** Upper case, every run of white space one space: OCR and transcripts compared alike. */
    static String fold(String text) {
        return text.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    /** Whether a labelled value occurs in a text: an amount or a date in any printed form, any other text folded. */
    static boolean occurs(String field, JsonNode value, String text) {
        if (value.isNumber()) {
            BigDecimal expected = value.decimalValue();
            Matcher numbers = NUMBER.matcher(text);
            while (numbers.find()) {
                if (Amounts.parse(numbers.group())
                        .filter(found -> found.compareTo(expected) == 0)
                        .isPresent()) {
                    return true;
                }
            }
            return false;
        }
        if (field.endsWith("Date")) {
            String iso = value.asString();
            return Dates.find(text, false).stream()
                            .anyMatch(d -> d.date().toString().equals(iso))
                    || Dates.find(text, true).stream()
                            .anyMatch(d -> d.date().toString().equals(iso));
        }
        String squeezed = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
        return squeezed.contains(value.asString().toLowerCase(Locale.ROOT).replaceAll("\\s+", ""));
    }

    static String table(List<Reading> readings) {
        StringBuilder out = new StringBuilder();
        List<Reading> transcribed =
                readings.stream().filter(Reading::transcribed).toList();
        if (!transcribed.isEmpty()) {
            long edits = transcribed.stream().mapToLong(Reading::edits).sum();
            long characters =
                    transcribed.stream().mapToLong(Reading::referenceCharacters).sum();
            double[] rates = transcribed.stream()
                    .mapToDouble(Reading::characterErrorRate)
                    .sorted()
                    .toArray();
            out.append(String.format(
                    Locale.ROOT,
                    "%nOCR against the transcripts (%d documents): character error rate %.1f%% of %,d characters"
                            + " (median document %.1f%%, worst %.1f%%)%n",
                    transcribed.size(),
                    100.0 * edits / characters,
                    characters,
                    100 * rates[rates.length / 2],
                    100 * rates[rates.length - 1]));
        }
        Map<String, int[]> byField = new TreeMap<>();
        for (Reading reading : readings) {
            reading.inText().forEach((field, present) -> {
                int[] t = byField.computeIfAbsent(field, k -> new int[4]);
                t[0]++;
                t[1] += present ? 1 : 0;
                Boolean transcript = reading.inTranscript().get(field);
                if (transcript != null) {
                    t[2]++;
                    t[3] += transcript ? 1 : 0;
                }
            });
        }
        out.append("\nLabelled values that occur in the text read at all (the ceiling of any rule), and in the"
                + " transcripts where there are some (currency left out: it is inferred, not printed as its code):\n\n| field | in the text read | in the transcript |\n"
                + "|---|---|---|\n");
        int[] all = new int[4];
        byField.forEach((field, t) -> {
            for (int i = 0; i < 4; i++) {
                all[i] += t[i];
            }
            out.append(ceilingRow(field, t));
        });
        out.append(ceilingRow("**overall**", all));
        return out.toString();
    }

    private static String ceilingRow(String name, int[] t) {
        return String.format(
                Locale.ROOT,
                "| %s | %d / %d (%.0f%%) | %s |%n",
                name,
                t[1],
                t[0],
                100.0 * t[1] / Math.max(1, t[0]),
                t[2] == 0 ? "-" : String.format(Locale.ROOT, "%d / %d (%.0f%%)", t[3], t[2], 100.0 * t[3] / t[2]));
    }
}
