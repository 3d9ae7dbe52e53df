package com.gemmavision.workload.web;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

import com.gemmavision.advisor.AdviceRequest;
import com.gemmavision.workload.Workload;
import com.gemmavision.workload.WorkloadRequest;

/** `/api/workload`'s answer: Jackson writes the components in this order. */
record WorkloadJson(
        Inputs inputs,
        long tokensPerDocument,
        long textTokens,
        long imageTokens,
        boolean exactTokens,
        long context,
        boolean fits,
        String reason,
        long batch,
        long weightsBytes,
        long kvCacheBytes,
        long usableBytes,
        Double prefillSeconds,
        Range decodeTokensPerSecondPerSequence,
        Range decodeTokensPerSecondTotal,
        Range documentsPerHour,
        Range costPer1000,
        List<Calibration> calibration,
        String note) {

    record Inputs(
            String gpu,
            double memoryGiB,
            int gpus,
            String engine,
            String model,
            String quant,
            String kvDtype,
            String documentId,
            String document,
            long answerTokens,
            long batchLimit,
            BigDecimal pricePerHour) {}

    /** A figure as a bound and, where measurements calibrate it, a typical low and high. */
    record Range(Double bound, Double typicalLow, Double typicalHigh) {
        static Range of(Double bound, Workload.Range typical) {
            return new Range(
                    round(bound),
                    typical == null ? null : round(typical.low()),
                    typical == null ? null : round(typical.high()));
        }
    }

    record Calibration(
            String gpu,
            String engine,
            String model,
            String quant,
            int batch,
            double measuredTokensPerSecond,
            double boundTokensPerSecond,
            double efficiency,
            String reading,
            String source) {}

    static WorkloadJson of(Workload w, String documentId) {
        WorkloadRequest r = w.request();
        AdviceRequest d = r.deployment();
        return new WorkloadJson(
                new Inputs(
                        d.gpu() == null ? null : d.gpu().gpu(),
                        d.memoryGib(),
                        d.gpus(),
                        d.engine().code(),
                        r.model(),
                        r.quant(),
                        d.kvDtype().code(),
                        documentId,
                        r.documentName(),
                        r.answerTokens(),
                        r.batchLimit(),
                        r.pricePerHour()),
                r.tokensPerDocument(),
                r.textTokens(),
                r.imageTokens(),
                r.exactTokens(),
                w.context(),
                w.fits(),
                w.whyNot(),
                w.batch(),
                w.weightsBytes(),
                w.kvCache().bytes(),
                w.usableBytes(),
                round(w.prefillSecondsPerDocument()),
                Range.of(w.decodeBound(), w.decodeTypical()),
                Range.of(
                        w.decodeBound() == null ? null : w.decodeBound() * w.batch(),
                        w.decodeTypical() == null
                                ? null
                                : new Workload.Range(
                                        w.decodeTypical().low() * w.batch(),
                                        w.decodeTypical().high() * w.batch())),
                Range.of(w.documentsPerHour(), w.documentsPerHourTypical()),
                Range.of(w.costPer1000(), w.costPer1000Typical()),
                w.calibration().stream()
                        .map(c -> new Calibration(
                                c.measurement().gpu(),
                                c.measurement().engine(),
                                c.measurement().model(),
                                c.measurement().quant(),
                                c.measurement().batch(),
                                c.measurement().decodeTokensPerSecond(),
                                round(c.boundTokensPerSecond()),
                                round(c.efficiency()),
                                c.measurement().reading(),
                                c.measurement().source()))
                        .toList(),
                w.calibrationNote());
    }

    /** Four significant figures: what the inputs justify. */
    static Double round(Double value) {
        if (value == null || value == 0 || value.isInfinite() || value.isNaN()) {
            return value;
        }
        return new BigDecimal(value).round(new MathContext(4)).doubleValue();
    }
}
