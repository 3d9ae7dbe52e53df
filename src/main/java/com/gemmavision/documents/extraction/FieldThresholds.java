package com.gemmavision.documents.extraction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * From which probability a value is stated rather than shown as "not sure": the lowest threshold at which, on
 * held-out documents, the values stated wrongly stay within a share of the labelled ones, by field or by where
 * the value came from (an e-invoice's XML or a page). The bench chooses them on grouped folds
 * ({@code bench/extraction/run.sh --thresholds} writes {@code extraction/field-thresholds.txt}); what the file
 * does not name is stated from {@code fallback}.
 */
public final class FieldThresholds {

    /** Where the chosen thresholds live on the classpath. */
    public static final String RESOURCE = "/extraction/field-thresholds.txt";

    /** The lowest threshold ever chosen: a value less likely right than wrong is never stated. */
    public static final double LOWEST = 0.5;

    /** Above every probability: the field is never stated, only offered as "not sure". */
    public static final double NEVER = 1.0 + 1e-6;

    /** The key of the threshold for values from an e-invoice's XML, and for values read from a page. */
    public static final String FROM_XML = "source:xml";

    public static final String FROM_PAGE = "source:page";

    private final Map<String, Double> thresholds;
    private final double fallback;

    /**
     * @param thresholds by field name, or by where the value came from ({@link #FROM_XML}, {@link #FROM_PAGE});
     *                   a field's own comes first
     */
    public FieldThresholds(Map<String, Double> thresholds, double fallback) {
        this.thresholds = Map.copyOf(thresholds);
        this.fallback = fallback;
    }

    /** The threshold for a field's value from {@code source} (an {@link ExtractedField} source). */
    public double of(String field, String source) {
        Double own = thresholds.get(field);
        if (own != null) {
            return own;
        }
        return thresholds.getOrDefault(origin(source), fallback);
    }

    /** Where a value came from, as the thresholds group it: an e-invoice's XML, or a page (text layer or OCR). */
    public static String origin(String source) {
        return ExtractedField.EMBEDDED_XML.equals(source) ? FROM_XML : FROM_PAGE;
    }

    /** One threshold for every field. */
    public static FieldThresholds single(double threshold) {
        return new FieldThresholds(Map.of(), threshold);
    }

    public double of(String field) {
        return of(field, ExtractedField.TEXT_LAYER);
    }

    public Map<String, Double> asMap() {
        return new TreeMap<>(thresholds);
    }

    /** A held-out probability given to a field's value from a source, and whether the value was right. */
    public record Outcome(String field, String source, double probability, boolean right) {

        public Outcome(String field, double probability, boolean right) {
            this(field, ExtractedField.TEXT_LAYER, probability, right);
        }
    }

    /**
     * For each field, the lowest threshold on a 0.01 grid from {@link #LOWEST} at which the values stated wrongly
     * are at most {@code maxWrongShare} of the field's labelled values ({@code labelled}: values not found count
     * too, as they do in the accuracy figures); {@link #NEVER} when no threshold keeps within it.
     */
    public static FieldThresholds choose(
            Collection<Outcome> outcomes, Map<String, Integer> labelled, double maxWrongShare, double fallback) {
        Map<String, List<Outcome>> byField = new TreeMap<>();
        for (Outcome o : outcomes) {
            byField.computeIfAbsent(o.field(), f -> new ArrayList<>()).add(o);
        }
        Map<String, Double> chosen = new TreeMap<>();
        byField.forEach((field, values) -> {
            chosen.put(field, lowest(values, maxWrongShare * labelled.getOrDefault(field, values.size())));
        });
        return new FieldThresholds(chosen, fallback);
    }

    /**
     * One threshold for values read from pages and one for values from e-invoice XML, each the lowest on the same
     * grid at which the wrong values of that origin are at most {@code maxWrongShare} of the labelled values of
     * that origin ({@code labelledByOrigin}, keyed {@link #FROM_PAGE} and {@link #FROM_XML}). Pooling the fields
     * carries over to unseen stores where a field's own threshold, fitted on few of them, does not (the bench
     * measures both); keeping XML apart keeps e-invoices, which are almost always right, stated.
     */
    public static FieldThresholds chooseByOrigin(
            Collection<Outcome> outcomes,
            Map<String, Integer> labelledByOrigin,
            double maxWrongShare,
            double fallback) {
        Map<String, Double> chosen = new TreeMap<>();
        for (String origin : List.of(FROM_PAGE, FROM_XML)) {
            List<Outcome> of = outcomes.stream()
                    .filter(o -> origin(o.source()).equals(origin))
                    .toList();
            if (!of.isEmpty()) {
                chosen.put(origin, lowest(of, maxWrongShare * labelledByOrigin.getOrDefault(origin, of.size())));
            }
        }
        return new FieldThresholds(chosen, fallback);
    }

    /**
     * The lowest threshold on the grid with at most {@code allowed} wrong values at or above it: wrong values
     * stated only grow as the threshold falls, so walk down until the next step breaks the cap.
     */
    private static double lowest(Collection<Outcome> outcomes, double allowed) {
        double best = NEVER;
        for (int step = 100; step >= (int) Math.round(LOWEST * 100); step--) {
            double threshold = step / 100.0;
            long wrong = outcomes.stream()
                    .filter(o -> !o.right() && o.probability() >= threshold - 1e-9)
                    .count();
            if (wrong > allowed + 1e-9) {
                break;
            }
            best = threshold;
        }
        return best;
    }

    /** The committed thresholds; a field not listed is stated from {@code fallback}. */
    public static FieldThresholds bundled(double fallback) {
        try (InputStream in = FieldThresholds.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return single(fallback);
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8), fallback);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads "field=threshold" lines; '#' starts a comment. */
    public static FieldThresholds read(Reader reader, double fallback) throws IOException {
        Map<String, Double> thresholds = new TreeMap<>();
        BufferedReader lines = new BufferedReader(reader);
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            int eq = text.indexOf('=');
            if (eq <= 0) {
                throw new IOException("not a field=threshold line: " + text);
            }
            double value = Double.parseDouble(text.substring(eq + 1).strip());
            if (!(value >= 0 && value <= NEVER)) {
                throw new IOException("a threshold is a probability: " + text);
            }
            thresholds.put(text.substring(0, eq).strip(), value);
        }
        return new FieldThresholds(thresholds, fallback);
    }

    /** The thresholds as the file's text, under a comment header. */
    public String write(String header) {
        StringBuilder out = new StringBuilder();
        header.lines().forEach(line -> out.append("# ").append(line).append('\n'));
        asMap().forEach((field, value) -> out.append(field)
                .append('=')
                .append(String.format(Locale.ROOT, "%.6f", value))
                .append('\n'));
        return out.toString();
    }
}
