package com.gemmavision.evaluation.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.gemmavision.evaluation.EvaluationRun;

/** One stored run as {@code /api/evaluations} answers it; derived figures say so in their names. */
record EvaluationJson(
        long id,
        String batch,
        Instant created,
        String endpoint,
        String servedModel,
        String engine,
        String gemmaModel,
        String format,
        int documents,
        int failed,
        int labelledValues,
        int modelRight,
        int modelWrong,
        Double modelAccuracyPercent,
        int rulesRight,
        int rulesWrong,
        Double rulesAccuracyPercent,
        Double p50Seconds,
        Double p95Seconds,
        Long promptTokens,
        Long completionTokens,
        int concurrency,
        double wallSeconds,
        Double documentsPerHourDerived,
        BigDecimal pricePerHour,
        String priceCurrency,
        BigDecimal costPer1000DocumentsDerived,
        String firstProblem,
        int truncatedDocuments,
        String notes,
        List<EvaluationRun.FieldScore> fields) {

    static EvaluationJson of(EvaluationRun r) {
        return new EvaluationJson(
                r.id(),
                r.batchId(),
                r.createdAt(),
                r.endpoint(),
                r.servedModel(),
                r.engine(),
                r.gemmaModel(),
                r.format(),
                r.documents(),
                r.failed(),
                r.labelled(),
                r.modelRight(),
                r.modelWrong(),
                r.modelAccuracy(),
                r.rulesRight(),
                r.rulesWrong(),
                r.rulesAccuracy(),
                r.p50Seconds(),
                r.p95Seconds(),
                r.promptTokens(),
                r.completionTokens(),
                r.concurrency(),
                r.wallSeconds(),
                r.documentsPerHour(),
                r.pricePerHour(),
                r.priceCurrency(),
                r.costPer1000(),
                r.firstProblem(),
                r.truncatedDocuments(),
                r.notes(),
                r.fields());
    }
}
