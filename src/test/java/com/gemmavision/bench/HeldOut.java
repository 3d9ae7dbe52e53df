package com.gemmavision.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.gemmavision.bench.ExtractionBench.Outcome;
import com.gemmavision.bench.ExtractionBench.Read;
import com.gemmavision.bench.ExtractionBench.Score;
import com.gemmavision.documents.extraction.AmountRanker;
import com.gemmavision.documents.extraction.ConfidenceModel;
import com.gemmavision.documents.extraction.ExtractedField;
import com.gemmavision.documents.extraction.FieldExtractor;
import com.gemmavision.documents.extraction.FieldThresholds;
import com.gemmavision.documents.extraction.Ranking;
import com.gemmavision.documents.extraction.SellerRanker;

import tools.jackson.databind.JsonNode;

/**
 * Field accuracy as an unseen document would see it: each group (one receipt, one other invoice, or one
 * e-invoice issuer group) is scored by a confidence model trained without it, so what decides whether a value is
 * stated never saw the document it decides on. Also the reliability of those held-out probabilities (expected
 * calibration error over ten equal-width bins), and the right and wrong shares at other thresholds.
 *
 * <p>What this does not hold out: the rules that propose candidates were written while looking at this corpus.
 * Their vocabulary is generic (labels in six languages, formats, arithmetic), with no rule naming an issuer, a
 * shop or a country, but they are not refitted per fold.
 */
public final class HeldOut {

    /** A held-out probability and whether the value it was given to was right. */
    public record Prediction(
            String group, String kind, String field, String source, double probability, boolean right) {}

    /** One calibration bin: how many, the mean probability given and the share actually right. */
    public record Bin(double from, double to, int count, double meanProbability, double shareRight) {}

    public record Evaluation(List<Score> scores, List<Prediction> predictions, double threshold, String how) {

        public Evaluation(List<Score> scores, List<Prediction> predictions, double threshold) {
            this(scores, predictions, threshold, "held out");
        }

        public ExtractionBench.Result asResult() {
            return new ExtractionBench.Result(scores, 0, 0, List.of());
        }

        /** The same evaluation restricted to documents of kinds that match (their predictions and scores). */
        public Evaluation only(java.util.function.Predicate<String> kind) {
            return new Evaluation(
                    scores.stream().filter(s -> kind.test(s.kind())).toList(),
                    predictions.stream().filter(p -> kind.test(p.kind())).toList(),
                    threshold,
                    how);
        }

        public List<Bin> bins() {
            List<Bin> bins = new ArrayList<>();
            for (int b = 0; b < 10; b++) {
                double from = b / 10.0;
                double to = (b + 1) / 10.0;
                int finalB = b;
                List<Prediction> in = predictions.stream()
                        .filter(p -> Math.min(9, (int) (p.probability() * 10)) == finalB)
                        .toList();
                bins.add(new Bin(
                        from,
                        to,
                        in.size(),
                        in.stream()
                                .mapToDouble(Prediction::probability)
                                .average()
                                .orElse(0),
                        in.stream().filter(Prediction::right).count() / (double) Math.max(1, in.size())));
            }
            return bins;
        }

        /** Expected calibration error: the count-weighted gap between probability given and share right. */
        public double calibrationError() {
            double total = Math.max(1, predictions.size());
            return bins().stream()
                    .mapToDouble(b -> b.count() / total * Math.abs(b.meanProbability() - b.shareRight()))
                    .sum();
        }

        /** The same evaluation with only the predictions that match (for a calibration error per field or kind). */
        public Evaluation onlyPredictions(java.util.function.Predicate<Prediction> which) {
            return new Evaluation(scores, predictions.stream().filter(which).toList(), threshold, how);
        }

        /** Right and wrong shares of labelled fields had values been stated from {@code other} instead. */
        public ExtractionBench.Tally at(double other) {
            int labelled = scores.size();
            int right = 0;
            int wrong = 0;
            for (Prediction p : predictions) {
                if (p.probability() >= other - 1e-9) {
                    if (p.right()) {
                        right++;
                    } else {
                        wrong++;
                    }
                }
            }
            return new ExtractionBench.Tally(right, wrong, labelled - right - wrong);
        }
    }

    private HeldOut() {}

    /** How many folds the grouped cross-validation uses. */
    public static final int FOLDS = 5;

    /**
     * Whether the held-out figures read the total and the seller with the learned rankers ({@code --rankers}) instead
     * of the hand rules. Off by default: the rankers are not shipped (they do not beat the rules yet), and the
     * figures describe what the app does.
     */
    static boolean rankers = false;

    /** Every group scored by a model trained on the others, stating values from {@code threshold}. */
    public static Evaluation leaveOneGroupOut(List<Read> reads, double threshold) {
        List<String> groups = reads.stream().map(Read::group).distinct().toList();
        Evaluation e = heldOut(
                reads,
                read -> groups.indexOf(read.group()),
                groups.size(),
                fitting -> FieldThresholds.single(threshold));
        return new Evaluation(
                e.scores(), e.predictions(), threshold, "Held out (leave one group out, " + groups.size() + " groups");
    }

    /**
     * Cross-validation grouped by store or issuer: the groups are dealt into {@code folds} folds of about as many
     * labelled values each (largest groups first, each to the fold with the fewest so far; a group is never
     * split), and each fold is scored by a model trained on the others.
     */
    public static Evaluation groupedFolds(List<Read> reads, int folds, double threshold) {
        Map<String, Integer> foldOf = foldsOf(reads, folds);
        Evaluation e =
                heldOut(reads, read -> foldOf.get(read.group()), folds, fitting -> FieldThresholds.single(threshold));
        return new Evaluation(
                e.scores(),
                e.predictions(),
                threshold,
                "Grouped cross-validation (" + folds + " folds by store or issuer, " + foldOf.size() + " groups");
    }

    /**
     * The same grouped folds, each value stated from its field's threshold ({@link FieldThresholds}) chosen on
     * the fitting folds alone: their own grouped cross-validation (nested, {@code folds - 1} folds) gives held-out
     * probabilities, and each field gets the lowest threshold keeping its wrong values within
     * {@code maxWrongShare} of its labelled ones. The scored fold's documents take no part in either choice.
     */
    public static Evaluation groupedFoldsWithFieldThresholds(List<Read> reads, int folds, double maxWrongShare) {
        return groupedFoldsWithFieldThresholds(reads, folds, maxWrongShare, Choice.BY_ORIGIN);
    }

    /** How thresholds are chosen from held-out probabilities. */
    public enum Choice {
        /** each field its own */
        PER_FIELD,
        /** one for values read from pages, one for values from e-invoice XML: what the app ships */
        BY_ORIGIN
    }

    public static Evaluation groupedFoldsWithFieldThresholds(
            List<Read> reads, int folds, double maxWrongShare, Choice choice) {
        Map<String, Integer> foldOf = foldsOf(reads, folds);
        Evaluation e = heldOut(
                reads,
                read -> foldOf.get(read.group()),
                folds,
                fitting -> fieldThresholds(fitting, folds - 1, maxWrongShare, choice));
        return new Evaluation(
                e.scores(),
                e.predictions(),
                Double.NaN,
                "Grouped cross-validation (" + folds + " folds by store or issuer, " + foldOf.size()
                        + " groups), stated from " + choice.name().toLowerCase(Locale.ROOT)
                        + " thresholds chosen inside each fold for at most "
                        + String.format(Locale.ROOT, "%.0f%%", 100 * maxWrongShare) + " wrong (");
    }

    /** Per-field thresholds chosen on {@code reads} by their own grouped folds (see above). */
    public static FieldThresholds fieldThresholds(List<Read> reads, int folds, double maxWrongShare) {
        return fieldThresholds(reads, folds, maxWrongShare, Choice.BY_ORIGIN);
    }

    public static FieldThresholds fieldThresholds(List<Read> reads, int folds, double maxWrongShare, Choice choice) {
        Evaluation inner = groupedFolds(reads, folds, FieldExtractor.STATED);
        List<FieldThresholds.Outcome> outcomes = inner.predictions().stream()
                .map(p -> new FieldThresholds.Outcome(p.field(), p.source(), p.probability(), p.right()))
                .toList();
        return switch (choice) {
            case PER_FIELD -> {
                Map<String, Integer> labelled = new LinkedHashMap<>();
                inner.scores().forEach(score -> labelled.merge(score.field(), 1, Integer::sum));
                yield FieldThresholds.choose(outcomes, labelled, maxWrongShare, FieldExtractor.STATED);
            }
            case BY_ORIGIN -> {
                // an e-invoice's labelled values count as XML's (a value not found there has no source of its own)
                Map<String, Integer> labelled = new LinkedHashMap<>();
                inner.scores()
                        .forEach(score -> labelled.merge(
                                score.kind().contains("e-invoice")
                                        ? FieldThresholds.FROM_XML
                                        : FieldThresholds.FROM_PAGE,
                                1,
                                Integer::sum));
                yield FieldThresholds.chooseByOrigin(outcomes, labelled, maxWrongShare, FieldExtractor.STATED);
            }
        };
    }

    /**
     * The fold of each group: groups dealt into {@code folds} folds of about as many labelled values each
     * (largest groups first, each to the fold with the fewest so far; a group is never split).
     */
    static Map<String, Integer> foldsOf(List<Read> reads, int folds) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (Read read : reads) {
            sizes.merge(read.group(), read.labels().size(), Integer::sum);
        }
        List<String> groups = new ArrayList<>(sizes.keySet());
        groups.sort(java.util.Comparator.comparing((String g) -> -sizes.get(g)).thenComparing(g -> g));
        int[] load = new int[folds];
        Map<String, Integer> foldOf = new LinkedHashMap<>();
        for (String group : groups) {
            int lightest = 0;
            for (int f = 1; f < folds; f++) {
                if (load[f] < load[lightest]) {
                    lightest = f;
                }
            }
            foldOf.put(group, lightest);
            load[lightest] += sizes.get(group);
        }
        return foldOf;
    }

    /** Each part (its reads by {@code partOf}) scored by a model trained on every other part. */
    private static Evaluation heldOut(
            List<Read> reads,
            java.util.function.ToIntFunction<Read> partOf,
            int parts,
            java.util.function.Function<List<Read>, FieldThresholds> thresholdsFor) {
        List<Score> scores = new ArrayList<>();
        List<Prediction> predictions = new ArrayList<>();
        for (int part = 0; part < parts; part++) {
            int held = part;
            List<Read> fitting =
                    reads.stream().filter(r -> partOf.applyAsInt(r) != held).toList();
            List<Read> scoring =
                    reads.stream().filter(r -> partOf.applyAsInt(r) == held).toList();
            if (scoring.isEmpty()) {
                continue;
            }
            ConfidenceModel model = ConfidenceModel.train(examples(fitting));
            FieldThresholds thresholds = thresholdsFor.apply(fitting);
            AmountRanker ranker = rankers ? new AmountRanker(ranking(fitting, TOTAL)) : null;
            SellerRanker sellers = rankers ? new SellerRanker(ranking(fitting, SELLER)) : null;
            for (Read read : scoring) {
                String group = read.group();
                Map<String, ExtractedField> candidates = rankers
                        ? FieldExtractor.withRankedSeller(ranked(read, ranker), read.pages(), sellers)
                        : read.candidates();
                read.labels().properties().forEach(entry -> {
                    ExtractedField candidate = candidates.get(entry.getKey());
                    String expected = expected(entry.getValue());
                    if (candidate == null) {
                        scores.add(new Score(
                                read.file(), read.kind(), entry.getKey(), expected, null, Outcome.MISSED, "not found"));
                        return;
                    }
                    double p = FieldExtractor.ranked(candidate)
                            ? candidate.confidence()
                            : model.probability(FieldExtractor.features(candidate));
                    boolean right = ExtractionBench.compare(entry.getKey(), entry.getValue(), candidate.value())
                            == Outcome.RIGHT;
                    predictions.add(new Prediction(group, read.kind(), entry.getKey(), candidate.source(), p, right));
                    String note = String.format(Locale.ROOT, "%s [held-out %.0f%%]", candidate.snippet(), 100 * p);
                    if (p < thresholds.of(entry.getKey(), candidate.source()) - 1e-9) {
                        scores.add(new Score(
                                read.file(),
                                read.kind(),
                                entry.getKey(),
                                expected,
                                null,
                                Outcome.MISSED,
                                "not sure: " + candidate.value() + " " + note));
                    } else {
                        scores.add(new Score(
                                read.file(),
                                read.kind(),
                                entry.getKey(),
                                expected,
                                candidate.value(),
                                right ? Outcome.RIGHT : Outcome.WRONG,
                                note));
                    }
                });
            }
        }
        return new Evaluation(scores, predictions, Double.NaN);
    }

    /** How one learned field is read: the documents it applies to, their candidates, and which are right. */
    record Learned<C>(
            java.util.function.Predicate<Read> applies,
            java.util.function.Function<Read, List<C>> candidates,
            java.util.function.Function<C, com.gemmavision.documents.extraction.FieldFeatures> features,
            java.util.function.Function<C, String> key,
            java.util.function.BiPredicate<Read, C> right) {

        /** Candidates are worked out once per document: every fold asks for them again. */
        Learned {
            java.util.Map<Read, List<C>> cache =
                    java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
            java.util.function.Function<Read, List<C>> uncached = candidates;
            candidates = read -> cache.computeIfAbsent(read, uncached);
        }
    }

    /** The total, read by the ranker where a document's total is labelled and read from the page. */
    static final Learned<AmountRanker.Candidate> TOTAL = new Learned<>(
            read -> read.labels().path("totalAmount").isNumber()
                    && FieldExtractor.rankable(read.candidates().get("totalAmount")),
            read -> AmountRanker.candidates(
                    FieldExtractor.headAndTail(read.pages()),
                    value(read.candidates().get("totalAmount"))),
            AmountRanker.Candidate::features,
            AmountRanker::key,
            (read, c) ->
                    AmountRanker.isTotal(c, read.labels().get("totalAmount").decimalValue()));

    /** The seller, read by the ranker where a document's seller is labelled and it is not an e-invoice. */
    static final Learned<SellerRanker.Candidate> SELLER = new Learned<>(
            read -> read.labels().path("sellerName").isString()
                    && FieldExtractor.rankable(read.candidates().get("sellerName"))
                    && FieldExtractor.rankable(read.candidates().get("totalAmount")),
            read -> SellerRanker.candidates(
                    read.pages(), value(read.candidates().get("sellerName"))),
            SellerRanker.Candidate::features,
            SellerRanker::key,
            (read, c) ->
                    SellerRanker.isSeller(c, read.labels().get("sellerName").asString()));

    private static String value(ExtractedField field) {
        return field == null ? null : field.value();
    }

    /**
     * A ranking fitted on these documents: the ranker on every candidate of them, and the calibration of its picks
     * cross-fitted (each fifth of the documents' groups picked by a ranker fitted on the other four fifths), so the
     * calibration learns how sure a pick on an unseen document is.
     */
    static <C> Ranking ranking(List<Read> reads, Learned<C> how) {
        List<Read> applicable = reads.stream().filter(how.applies()).toList();
        List<String> groups =
                applicable.stream().map(Read::group).distinct().sorted().toList();
        List<ConfidenceModel.Example> calibration = new ArrayList<>();
        for (int fold = 0; fold < FOLDS; fold++) {
            int held = fold;
            java.util.function.Predicate<Read> inFold = r -> groups.indexOf(r.group()) % FOLDS == held;
            ConfidenceModel ranker = ConfidenceModel.train(candidateExamples(
                    applicable.stream().filter(inFold.negate()).toList(), how));
            for (Read read : applicable.stream().filter(inFold).toList()) {
                List<C> candidates = how.candidates().apply(read);
                java.util.Set<String> right = candidates.stream()
                        .filter(c -> how.right().test(read, c))
                        .map(how.key())
                        .collect(java.util.stream.Collectors.toSet());
                Ranking.calibrationExample(ranker, candidates, how.features(), how.key(), right::contains)
                        .ifPresent(calibration::add);
            }
        }
        return new Ranking(
                ConfidenceModel.train(candidateExamples(applicable, how)), ConfidenceModel.train(calibration));
    }

    private static <C> List<ConfidenceModel.Example> candidateExamples(List<Read> reads, Learned<C> how) {
        List<ConfidenceModel.Example> examples = new ArrayList<>();
        for (Read read : reads) {
            for (C candidate : how.candidates().apply(read)) {
                examples.add(new ConfidenceModel.Example(
                        how.features().apply(candidate), how.right().test(read, candidate)));
            }
        }
        return examples;
    }

    /** A document's candidates with its total chosen by {@code ranker} where the total is read from the page. */
    static Map<String, ExtractedField> ranked(Read read, AmountRanker ranker) {
        return FieldExtractor.withRankedTotal(read.candidates(), read.pages(), ranker);
    }

    /** The labelled candidates of these documents as training examples: features, and whether right. */
    public static List<ConfidenceModel.Example> examples(List<Read> reads) {
        List<ConfidenceModel.Example> examples = new ArrayList<>();
        for (Read read : reads) {
            read.labels().properties().forEach(entry -> {
                ExtractedField candidate = read.candidates().get(entry.getKey());
                if (candidate != null && !FieldExtractor.ranked(candidate)) {
                    examples.add(new ConfidenceModel.Example(
                            FieldExtractor.features(candidate),
                            ExtractionBench.compare(entry.getKey(), entry.getValue(), candidate.value())
                                    == Outcome.RIGHT));
                }
            });
        }
        return examples;
    }

    private static String expected(JsonNode value) {
        return value.isNumber() ? value.decimalValue().toPlainString() : value.asString();
    }

    /** Right, wrong, not found and calibration error, per field, per document kind and overall. */
    static String breakdown(Evaluation evaluation) {
        ExtractionBench.Result result = evaluation.asResult();
        StringBuilder out = new StringBuilder();
        for (String by : List.of("field", "document kind")) {
            java.util.function.Function<Score, String> key = by.equals("field") ? Score::field : Score::kind;
            java.util.function.Function<Prediction, String> predictionKey =
                    by.equals("field") ? Prediction::field : Prediction::kind;
            out.append("| ")
                    .append(by)
                    .append(" | right / labelled | wrong | not found | calibration error |\n|---|---|---|---|---|\n");
            result.by(key)
                    .forEach((name, t) -> out.append(row(
                            name,
                            t,
                            ExtractionBench.notFound(result, s -> key.apply(s).equals(name)),
                            evaluation.onlyPredictions(
                                    p -> predictionKey.apply(p).equals(name)))));
            out.append('\n');
        }
        out.append(row("**overall**", result.overall(), ExtractionBench.notFound(result, s -> true), evaluation));
        return out.toString();
    }

    private static String row(String name, ExtractionBench.Tally t, long notFound, Evaluation calibrated) {
        return ExtractionBench.row(
                name,
                t,
                notFound,
                calibrated.predictions().isEmpty()
                        ? "-"
                        : String.format(Locale.ROOT, "%.3f", calibrated.calibrationError()));
    }

    public static String table(Evaluation evaluation) {
        StringBuilder out = new StringBuilder();
        out.append(
                Double.isNaN(evaluation.threshold())
                        ? evaluation.how() + "):\n\n"
                        : String.format(
                                Locale.ROOT, "%s; stated from %.2f):%n%n", evaluation.how(), evaluation.threshold()));
        out.append(breakdown(evaluation));
        out.append(String.format(
                Locale.ROOT,
                "%nCalibration of the held-out probabilities (%d values found): expected calibration error %.3f%n%n",
                evaluation.predictions().size(),
                evaluation.calibrationError()));
        out.append("| probability | values | mean probability | share right |\n|---|---|---|---|\n");
        for (Bin bin : evaluation.bins()) {
            if (bin.count() > 0) {
                out.append(String.format(
                        Locale.ROOT,
                        "| %.1f–%.1f | %d | %.2f | %.2f |%n",
                        bin.from(),
                        bin.to(),
                        bin.count(),
                        bin.meanProbability(),
                        bin.shareRight()));
            }
        }
        Evaluation read = evaluation.only(kind -> !kind.contains("e-invoice"));
        out.append(String.format(
                Locale.ROOT,
                "%nWithout e-invoices (values read from pages only, %d values): expected calibration error %.3f%n%n",
                read.predictions().size(),
                read.calibrationError()));
        out.append("| stated from | right | wrong | left blank |\n|---|---|---|---|\n");
        Map<Double, ExtractionBench.Tally> sweep = new LinkedHashMap<>();
        for (double t : new double[] {0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9}) {
            sweep.put(t, evaluation.at(t));
        }
        sweep.forEach((t, tally) -> out.append(String.format(
                Locale.ROOT,
                "| %.1f | %d (%.1f%%) | %d (%.1f%%) | %d |%n",
                t,
                tally.right(),
                100 * tally.rightShare(),
                tally.wrong(),
                100 * tally.wrongShare(),
                tally.missed())));
        return out.toString();
    }
}
