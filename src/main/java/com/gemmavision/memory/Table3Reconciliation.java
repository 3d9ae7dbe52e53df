package com.gemmavision.memory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.gemmavision.catalog.Architecture;
import com.gemmavision.catalog.Catalog;
import com.gemmavision.catalog.ParameterCount;

import org.springframework.stereotype.Service;

/**
 * Sets the report's Table 3 beside what the architecture gives at the same context (32,768 tokens, a report fact): the KV cache the
 * report's +KV rows imply (their difference from the weights rows), against ours with and without the
 * sliding window, in 8 and 16 bits; and the weights of every format against ours.
 */
@Service
public class Table3Reconciliation {

    private final Catalog catalog;
    private final QuantizationComparison table3;
    private final QuantizationFormats formats;

    public Table3Reconciliation(Catalog catalog, QuantizationComparison table3, QuantizationFormats formats) {
        this.catalog = catalog;
        this.table3 = table3;
        this.formats = formats;
    }

    /** Our KV estimate of one kind, in GB (10^9 bytes, like Table 3). */
    public record KvEstimate(String label, long bytes) {
        public double gb() {
            return bytes / 1e9;
        }
    }

    public record KvRow(
            String model,
            String reportWeightsGb,
            String reportWithKvGb,
            BigDecimal impliedKvGb,
            List<KvEstimate> ours,
            KvEstimate closest,
            String sentence) {}

    public record WeightRow(String model, QuantizationFormat format, String reportGb, long oursBytes) {
        public double oursGb() {
            return oursBytes / 1e9;
        }

        /** How far ours lies from the report, in percent of the report's figure. */
        public double differencePercent() {
            double report = Double.parseDouble(reportGb);
            return (oursGb() - report) / report * 100;
        }
    }

    public List<KvRow> kvRows() {
        List<KvRow> rows = new ArrayList<>();
        for (Architecture architecture : catalog.architectures()) {
            MemoryFootprint weights = table3.footprint(architecture.model(), "bf16", false);
            MemoryFootprint withKv = table3.footprint(architecture.model(), "bf16", true);
            BigDecimal implied = new BigDecimal(withKv.gbText()).subtract(new BigDecimal(weights.gbText()));
            List<KvEstimate> ours = List.of(
                    estimate("sliding window, 8-bit", architecture, KvDtype.FP8, true),
                    estimate("every layer full, 8-bit", architecture, KvDtype.FP8, false),
                    estimate("sliding window, bf16", architecture, KvDtype.BF16, true),
                    estimate("every layer full, bf16", architecture, KvDtype.BF16, false));
            KvEstimate closest = ours.stream()
                    .min(Comparator.comparingDouble(e -> Math.abs(e.gb() - implied.doubleValue())))
                    .orElseThrow();
            rows.add(new KvRow(
                    architecture.model(),
                    weights.gbText(),
                    withKv.gbText(),
                    implied,
                    ours,
                    closest,
                    sentence(architecture, implied, ours, closest)));
        }
        return rows;
    }

    private KvEstimate estimate(String label, Architecture architecture, KvDtype dtype, boolean window) {
        return new KvEstimate(
                label, KvCache.bytes(architecture, catalog.reportFacts().table3ContextTokens(), 1, dtype, window));
    }

    private String sentence(Architecture architecture, BigDecimal implied, List<KvEstimate> ours, KvEstimate closest) {
        KvEstimate window8 = ours.get(0);
        return String.format(
                Locale.ROOT,
                "Table 3 implies %s GB of KV cache for %s at %s tokens, %.1f× our estimate with the %,d-token"
                        + " window in 8 bits (%.2f GB); it is closest to our estimate with %s (%.2f GB), %s.",
                implied.toPlainString(),
                architecture.model(),
                catalog.reportFacts().table3Context(),
                implied.doubleValue() / window8.gb(),
                architecture.slidingWindow(),
                window8.gb(),
                closest.label(),
                closest.gb(),
                closest.label().startsWith("every layer")
                        ? "so the report's figures appear to keep the whole context in every layer"
                        : "consistent with a cache that honours the sliding window");
    }

    public List<WeightRow> weightRows() {
        Map<String, ParameterCount> params = new HashMap<>();
        catalog.parameterCounts().forEach(p -> params.put(p.model(), p));
        List<WeightRow> rows = new ArrayList<>();
        for (Architecture architecture : catalog.architectures()) {
            for (QuantizationFormat format : formats.all()) {
                rows.add(new WeightRow(
                        architecture.model(),
                        format,
                        table3.footprint(architecture.model(), format.code(), false)
                                .gbText(),
                        WeightBytes.bytes(
                                params.get(architecture.model()),
                                architecture,
                                format.code(),
                                WeightBytes.Options.DEFAULT)));
            }
        }
        return rows;
    }
}
