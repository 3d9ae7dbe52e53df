package com.gemmavision.documents.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import com.gemmavision.documents.text.PageText;

/**
 * A learned choice among a field's candidates, in two stages. The ranker gives each candidate the probability that
 * it is the field's value; the best value wins. How sure that makes the reading is a second question (a line that
 * scores 0.4 may still be far ahead of every other line), answered by a calibration model over the pick: the
 * winner's log-odds, its share of all the candidates' probability and its lead over the best other value. The
 * calibration is fitted on picks of rankers that never saw the document they picked on (cross-fitted), so its
 * probability is what an unseen document would see. Both are LIBLINEAR logistic regressions
 * ({@link ConfidenceModel}), stored as two files: {@code NAME.txt} and {@code NAME-calibration.txt}.
 */
public record Ranking(ConfidenceModel ranker, ConfidenceModel calibration) {

    /** The winning candidate, its value and the calibrated probability that it is right. */
    public record Pick<C>(C candidate, String value, double probability) {}

    /** The committed ranking of that name ({@code /extraction/NAME.txt} and its calibration), if the app ships it. */
    public static Optional<Ranking> bundled(String name) {
        Optional<ConfidenceModel> ranker = resource("/extraction/" + name + ".txt");
        Optional<ConfidenceModel> calibration = resource("/extraction/" + name + "-calibration.txt");
        return ranker.isPresent() && calibration.isPresent()
                ? Optional.of(new Ranking(ranker.get(), calibration.get()))
                : Optional.empty();
    }

    private static Optional<ConfidenceModel> resource(String path) {
        try (InputStream in = Ranking.class.getResourceAsStream(path)) {
            return in == null
                    ? Optional.empty()
                    : Optional.of(ConfidenceModel.read(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The scores of the candidates' values, best first: a value offered twice counts once, at its best. */
    static <C> LinkedHashMap<String, Map.Entry<C, Double>> scored(
            ConfidenceModel ranker,
            List<C> candidates,
            Function<C, FieldFeatures> features,
            Function<C, String> value) {
        Map<String, Map.Entry<C, Double>> best = new LinkedHashMap<>();
        for (C candidate : candidates) {
            double p = ranker.probability(features.apply(candidate));
            best.merge(value.apply(candidate), Map.entry(candidate, p), (a, b) -> b.getValue() > a.getValue() ? b : a);
        }
        LinkedHashMap<String, Map.Entry<C, Double>> sorted = new LinkedHashMap<>();
        best.entrySet().stream()
                .sorted((a, b) ->
                        Double.compare(b.getValue().getValue(), a.getValue().getValue()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** What the calibration reads about a pick: the winner's log-odds, its share and its lead. */
    public static FieldFeatures pickFeatures(List<Double> scores) {
        double top = scores.isEmpty() ? 0 : scores.get(0);
        double second = scores.size() > 1 ? scores.get(1) : 0;
        double sum = scores.stream().mapToDouble(Double::doubleValue).sum();
        double p = Math.max(0.001, Math.min(0.999, top));
        Map<String, Double> f = new TreeMap<>();
        f.put("top-log-odds", Math.log(p / (1 - p)));
        f.put("share", sum == 0 ? 0 : top / sum);
        f.put("lead", top - second);
        f.put("alone", scores.size() == 1 ? 1.0 : 0.0);
        return new FieldFeatures(f);
    }

    /** The ranker's best value with its calibrated probability; empty without candidates. */
    public <C> Optional<Pick<C>> pick(
            List<C> candidates, Function<C, FieldFeatures> features, Function<C, String> value) {
        LinkedHashMap<String, Map.Entry<C, Double>> scored = scored(ranker, candidates, features, value);
        if (scored.isEmpty()) {
            return Optional.empty();
        }
        Map.Entry<String, Map.Entry<C, Double>> best =
                scored.entrySet().iterator().next();
        double p = calibration.probability(
                pickFeatures(scored.values().stream().map(Map.Entry::getValue).toList()));
        return Optional.of(new Pick<>(best.getValue().getKey(), best.getKey(), p));
    }

    /**
     * The ranker's pick on one document's candidates, as an example for the calibration: its features, and whether
     * the picked value is right by {@code right}.
     */
    public static <C> Optional<ConfidenceModel.Example> calibrationExample(
            ConfidenceModel ranker,
            List<C> candidates,
            Function<C, FieldFeatures> features,
            Function<C, String> value,
            Function<String, Boolean> right) {
        LinkedHashMap<String, Map.Entry<C, Double>> scored = scored(ranker, candidates, features, value);
        if (scored.isEmpty()) {
            return Optional.empty();
        }
        String top = scored.keySet().iterator().next();
        return Optional.of(new ConfidenceModel.Example(
                pickFeatures(scored.values().stream().map(Map.Entry::getValue).toList()), right.apply(top)));
    }

    /** Puts a feature that is not zero (a zero says nothing to a linear model and only lengthens the file). */
    static void put(Map<String, Double> features, String name, double value) {
        if (value != 0) {
            features.put(name, value);
        }
    }

    /** OCR's mean confidence in the words of a page's line, 0 to 1, or null where the text has none. */
    static Double ocrConfidence(PageText page, int line) {
        List<Double> confidences = page.wordConfidences(line);
        return confidences.isEmpty()
                ? null
                : confidences.stream()
                                .mapToDouble(Double::doubleValue)
                                .average()
                                .orElse(0)
                        / 100.0;
    }

    /** Levenshtein distance, in two rows. */
    public static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= b.length(); j++) {
                current[j] = Math.min(
                        previous[j - 1] + (ca == b.charAt(j - 1) ? 0 : 1),
                        Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
