package com.gemmavision.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * One endpoint's part of a bake-off, as measured: how many documents, how fast (wall clock with the run's
 * concurrency, and per document), how many tokens the server counted, and each labelled field scored for the model
 * and for the rules side by side. Documents per hour and cost are derived from those and say so on the page.
 * Documents the server read only in part ({@code truncatedDocuments}: it cut the prompt) are not in the field
 * scores; {@code notes} say what else the run met, in words.
 */
public record EvaluationRun(
        long id,
        String batchId,
        Instant createdAt,
        String endpoint,
        String servedModel,
        String engine,
        String gemmaModel,
        String format,
        int documents,
        int failed,
        int concurrency,
        double wallSeconds,
        Double p50Seconds,
        Double p95Seconds,
        Long promptTokens,
        Long completionTokens,
        BigDecimal pricePerHour,
        String priceCurrency,
        String firstProblem,
        int truncatedDocuments,
        String notes,
        List<FieldScore> fields) {

    public EvaluationRun {
        fields = List.copyOf(fields);
    }

    /** The same run with these field scores. */
    public EvaluationRun withFields(List<FieldScore> newFields) {
        return new EvaluationRun(
                id,
                batchId,
                createdAt,
                endpoint,
                servedModel,
                engine,
                gemmaModel,
                format,
                documents,
                failed,
                concurrency,
                wallSeconds,
                p50Seconds,
                p95Seconds,
                promptTokens,
                completionTokens,
                pricePerHour,
                priceCurrency,
                firstProblem,
                truncatedDocuments,
                notes,
                newFields);
    }

    /** One field's tally: right, wrong (another value stated) and missed, for the model and for the rules. */
    public record FieldScore(
            String field,
            int modelRight,
            int modelWrong,
            int modelMissed,
            int rulesRight,
            int rulesWrong,
            int rulesMissed) {

        public int labelled() {
            return modelRight + modelWrong + modelMissed;
        }
    }

    public int modelRight() {
        return fields.stream().mapToInt(FieldScore::modelRight).sum();
    }

    public int modelWrong() {
        return fields.stream().mapToInt(FieldScore::modelWrong).sum();
    }

    public int rulesRight() {
        return fields.stream().mapToInt(FieldScore::rulesRight).sum();
    }

    public int rulesWrong() {
        return fields.stream().mapToInt(FieldScore::rulesWrong).sum();
    }

    public int labelled() {
        return fields.stream().mapToInt(FieldScore::labelled).sum();
    }

    /** The model's share of labelled values right, in percent; null with nothing labelled. */
    public Double modelAccuracy() {
        return labelled() == 0 ? null : 100.0 * modelRight() / labelled();
    }

    public Double rulesAccuracy() {
        return labelled() == 0 ? null : 100.0 * rulesRight() / labelled();
    }

    /** Derived: documents answered per hour of wall clock at the run's concurrency. */
    public Double documentsPerHour() {
        int answered = documents - failed;
        return wallSeconds <= 0 || answered <= 0 ? null : answered * 3600.0 / wallSeconds;
    }

    /** Derived: the GPU's price per hour over documents per hour, for 1,000 documents; null without a price. */
    public BigDecimal costPer1000() {
        Double perHour = documentsPerHour();
        if (pricePerHour == null || perHour == null) {
            return null;
        }
        return pricePerHour
                .multiply(BigDecimal.valueOf(1000))
                .divide(BigDecimal.valueOf(perHour), 4, RoundingMode.HALF_UP);
    }

    public Double promptTokensPerDocument() {
        int answered = documents - failed;
        return promptTokens == null || answered == 0 ? null : (double) promptTokens / answered;
    }

    public Double completionTokensPerDocument() {
        int answered = documents - failed;
        return completionTokens == null || answered == 0 ? null : (double) completionTokens / answered;
    }
}
