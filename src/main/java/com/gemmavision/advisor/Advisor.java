package com.gemmavision.advisor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import com.gemmavision.benchmarks.BenchmarkScores;
import com.gemmavision.catalog.Architecture;
import com.gemmavision.catalog.Catalog;
import com.gemmavision.catalog.ModelProfile;
import com.gemmavision.catalog.ModelVariant;
import com.gemmavision.database.Caches;
import com.gemmavision.memory.Engine;
import com.gemmavision.memory.EngineKvCache;
import com.gemmavision.memory.MemoryEstimate;
import com.gemmavision.memory.MemoryModel;
import com.gemmavision.memory.MemoryRequest;
import com.gemmavision.memory.QuantizationFormat;
import com.gemmavision.memory.QuantizationFormats;
import com.gemmavision.memory.WeightBytes;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

/**
 * Fits every Gemma 3 instruction-tuned model in every format on a GPU, with the longest context and largest
 * batch that fit, throughput bounds and published quality, and recommends the best option that fits.
 */
@Service
public class Advisor {

    /** Formats in order of precision, most precise first: the tie-break between options of one model. */
    private static final List<String> PRECISION = List.of(
            "bf16",
            "q8_0",
            "sfp8",
            "fp8",
            "q6_k",
            "q5_k_m",
            "q4_k_m",
            "qat-int4",
            "int4-b32",
            "q4_0",
            "awq-int4",
            "int4");

    private final Catalog catalog;
    private final QuantizationFormats formats;
    private final MemoryModel memory;
    private final BenchmarkScores scores;
    private final Sizing sizing;

    public Advisor(
            Catalog catalog, QuantizationFormats formats, MemoryModel memory, BenchmarkScores scores, Sizing sizing) {
        this.catalog = catalog;
        this.formats = formats;
        this.memory = memory;
        this.scores = scores;
        this.sizing = sizing;
    }

    /** The checkpoints one deploys: the instruction-tuned variant of each size. */
    public List<String> deployableModels() {
        return catalog.variants().stream()
                .filter(ModelVariant::instructionTuned)
                .map(ModelVariant::name)
                .toList();
    }

    /** The advice for a request; answers are kept in the advice cache by request (a record, compared by value). */
    @Cacheable(cacheNames = Caches.ADVICE)
    public Advice advise(AdviceRequest request) {
        List<FitOption> options = new ArrayList<>();
        for (String model : deployableModels()) {
            for (QuantizationFormat format : formats.loadableBy(request.engine())) {
                options.add(fit(model, format, request));
            }
        }
        FitOption best = options.stream()
                .filter(FitOption::fits)
                .min(ranking(request.rankBy()))
                .orElse(null);
        FitOption runnerUp = best == null
                ? null
                : options.stream()
                        .filter(FitOption::fits)
                        .filter(o -> !o.model().equals(best.model()))
                        .min(ranking(request.rankBy()))
                        .orElse(null);
        return new Advice(
                request,
                options,
                best,
                runnerUp,
                reasoning(request, options, best) + runnerUp(request, best, runnerUp));
    }

    FitOption fit(String model, QuantizationFormat format, AdviceRequest request) {
        // what fits is decided by Sizing, as for the workload page and the memory API
        Sizing.Fit sized = sizing.fit(model, format.code(), request.context(), request);
        ModelProfile profile = sized.profile();
        Architecture architecture = profile.architecture();
        long usable = sized.usableBytes();
        boolean supported =
                sized.refusal().filter(r -> r == Sizing.Refusal.CONTEXT).isEmpty();
        long context = sized.context();
        MemoryRequest memoryRequest = request.memory(model, format.code(), context);
        MemoryEstimate estimate = sized.estimate();
        long fixed = sized.fixedBytes();

        String refusal = sized.tensorParallelProblem();
        boolean runs = supported && refusal == null;
        Long maxContext = refusal != null ? null : maxContext(architecture, request, usable - fixed);
        long maxBatch = sized.maxSequences();

        Double decode = null;
        if (request.gpu() != null) {
            double bandwidth = request.gpu().memoryBandwidthGbS() * 1e9 * request.gpus();
            long kvRead = EngineKvCache.readBytes(
                    architecture,
                    request.engine(),
                    context,
                    request.batch(),
                    request.kvDtype(),
                    request.slidingWindow());
            double bytesPerStep = memory.decodeWeightBytes(memoryRequest) + kvRead;
            decode = request.batch() * bandwidth / bytesPerStep;
        }
        Double prefill = Sizing.prefillSeconds(profile, format.code(), context, request.batch(), request);
        Map<QualityBenchmark, String> quality = new EnumMap<>(QualityBenchmark.class);
        for (QualityBenchmark benchmark : QualityBenchmark.values()) {
            scores.score(benchmark.table(), benchmark.benchmark(), model)
                    .ifPresent(s -> quality.put(benchmark, s.valueText()));
        }
        return new FitOption(
                model,
                format,
                estimate,
                usable,
                supported,
                sized.fitsAtBatch(),
                maxContext,
                maxBatch,
                decode,
                prefill,
                quality,
                refusal);
    }

    /**
     * One row of a fit plan: at this context, how many users (one sequence each) fit beside the weights, the time to
     * first token for one user alone (the prefill bound), for the last of that many arriving together (prefill is
     * compute-bound, so theirs run one after another: that many times as long), and each user's decode speed
     * bound when all are decoding. All derived from the same arithmetic as the advice.
     */
    public record FitPlanRow(
            long context,
            long users,
            long kvBytesPerUser,
            Double ttftAloneSeconds,
            Double ttftLastSeconds,
            Double decodeTokensPerSecondPerUser) {}

    /**
     * A 1B draft beside a larger Gemma 3 on llama.cpp, for speculative decoding (the 1B shares the larger models'
     * tokenizer). Speculation on sliding-window models works on llama.cpp's default cache (ggml-org/llama.cpp#13833,
     * #18720), so both caches are counted by the engine's own rule ({@code --swa-full} where the user chose that
     * engine); the {@code --swa-full} figures are shown beside them as the larger option. Derived, like the advice.
     */
    public record DraftPlan(
            String target,
            QuantizationFormat targetFormat,
            String draftFormat,
            long targetWeightsBytes,
            long targetKvBytes,
            long draftWeightsBytes,
            long draftKvBytes,
            long overheadBytes,
            long totalBytes,
            long usableBytes,
            boolean fits,
            long targetKvSwaFullBytes,
            long draftKvSwaFullBytes,
            long totalSwaFullBytes,
            boolean fitsSwaFull,
            boolean swaFull) {}

    static final String DRAFT_MODEL = "Gemma3-1B-IT";
    static final String DRAFT_FORMAT = "q8_0";

    /** The draft plan of an option, on the llama.cpp engines only and for the models larger than the draft. */
    public Optional<DraftPlan> draftPlan(AdviceRequest request, FitOption option) {
        if ((request.engine() != Engine.LLAMACPP && request.engine() != Engine.LLAMACPP_SWA_FULL)
                || option.model().equals(DRAFT_MODEL)
                || option.refusal() != null
                || !option.contextSupported()) {
            return Optional.empty();
        }
        QuantizationFormat draftFormat = formats.loadableBy(request.engine()).stream()
                .filter(f -> f.code().equals(DRAFT_FORMAT))
                .findFirst()
                .orElse(null);
        if (draftFormat == null) {
            return Optional.empty();
        }
        Draft asked = draft(request, option, request.engine());
        Draft full = draft(request, option, Engine.LLAMACPP_SWA_FULL);
        return Optional.of(new DraftPlan(
                option.model(),
                option.format(),
                draftFormat.label(),
                asked.target().weightsBytes(),
                asked.target().kvCacheBytes(),
                asked.draft().weightsBytes(),
                asked.draft().kvCacheBytes(),
                asked.target().overheadBytes(),
                asked.totalBytes(),
                request.usableBytes(),
                asked.totalBytes() <= request.usableBytes(),
                full.target().kvCacheBytes(),
                full.draft().kvCacheBytes(),
                full.totalBytes(),
                full.totalBytes() <= request.usableBytes(),
                request.engine() == Engine.LLAMACPP_SWA_FULL));
    }

    /** The target and the draft on one llama.cpp cache rule. */
    private record Draft(MemoryEstimate target, MemoryEstimate draft) {
        long totalBytes() {
            return target.totalBytes() + draft.weightsBytes() + draft.kvCacheBytes();
        }
    }

    private Draft draft(AdviceRequest request, FitOption option, Engine engine) {
        MemoryEstimate target = memory.estimate(
                request.with(engine).memory(option.model(), option.format().code(), request.context()));
        MemoryEstimate draft = memory.estimate(new MemoryRequest(
                DRAFT_MODEL,
                DRAFT_FORMAT,
                Math.min(
                        request.context(),
                        catalog.profiles(List.of(DRAFT_MODEL))
                                .get(0)
                                .architecture()
                                .maxContext()),
                request.batch(),
                request.kvDtype(),
                request.slidingWindow(),
                new WeightBytes.Options(true, false),
                0,
                engine,
                request.settings()));
        return new Draft(target, draft);
    }

    /** Contexts a fit plan looks at, up to the model's longest; the request's own is added. */
    static final List<Long> PLAN_CONTEXTS = List.of(4_096L, 8_192L, 16_384L, 32_768L, 65_536L, 131_072L);

    /** The fit plan of one model and format: for each context, the users that fit and the time each waits. */
    public List<FitPlanRow> fitPlan(AdviceRequest request, String model, QuantizationFormat format) {
        Architecture architecture = catalog.profiles(List.of(model)).get(0).architecture();
        TreeSet<Long> contexts = new TreeSet<>(PLAN_CONTEXTS);
        contexts.add(request.context());
        List<FitPlanRow> rows = new ArrayList<>();
        for (long context : contexts) {
            if (context > architecture.maxContext()) {
                continue;
            }
            FitOption alone = fit(model, format, request.with(context, 1));
            long users = alone.maxBatch();
            Double decode = null;
            if (users > 0) {
                FitOption all = fit(model, format, request.with(context, users));
                decode = all.decodeTokensPerSecondBound() == null ? null : all.decodeTokensPerSecondBound() / users;
            }
            // where not even one user fits, nobody waits for a first token
            Double ttft = users == 0 ? null : alone.prefillSecondsBound();
            rows.add(new FitPlanRow(
                    context,
                    users,
                    kvBytes(architecture, request, context, 1),
                    ttft,
                    ttft == null ? null : ttft * users,
                    decode));
        }
        return rows;
    }

    /** The longest context whose KV cache for the batch fits in the memory left: found by bisection. */
    private static Long maxContext(Architecture architecture, AdviceRequest request, long room) {
        if (room < kvBytes(architecture, request, 1, request.batch())) {
            return null;
        }
        long low = 1;
        long high = architecture.maxContext();
        while (low < high) {
            long middle = (low + high + 1) / 2;
            if (kvBytes(architecture, request, middle, request.batch()) <= room) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    private static long kvBytes(Architecture architecture, AdviceRequest request, long context, long batch) {
        return EngineKvCache.bytes(
                architecture,
                request.engine(),
                context,
                batch,
                request.kvDtype(),
                request.slidingWindow(),
                request.settings());
    }

    private static Comparator<FitOption> ranking(QualityBenchmark rankBy) {
        return Comparator.<FitOption>comparingDouble(o -> score(o, rankBy))
                .reversed()
                .thenComparingInt(o -> PRECISION.indexOf(o.format().code()))
                .thenComparingLong(o -> o.estimate().totalBytes());
    }

    private static double score(FitOption option, QualityBenchmark rankBy) {
        String printed = option.qualityOf(rankBy);
        return printed == null ? Double.NEGATIVE_INFINITY : Double.parseDouble(printed);
    }

    private static String reasoning(AdviceRequest request, List<FitOption> options, FitOption best) {
        String where = request.gpuLabel() + " (" + gib(request.usableBytes()) + " GiB usable with "
                + request.headroomPercent() + "% headroom) at " + String.format(Locale.ROOT, "%,d", request.context())
                + " tokens × " + request.batch() + (request.batch() == 1 ? " sequence" : " sequences");
        if (best == null) {
            FitOption refused = options.stream()
                    .filter(o -> o.refusal() != null)
                    .findFirst()
                    .orElse(null);
            if (refused != null && options.stream().noneMatch(o -> o.refusal() == null && o.contextSupported())) {
                return "No option fits " + where + ": " + refused.refusal();
            }
            FitOption smallest = options.stream()
                    .filter(o -> o.refusal() == null)
                    .filter(FitOption::contextSupported)
                    .min(Comparator.comparingLong(o -> o.estimate().totalBytes()))
                    .orElse(null);
            if (smallest == null) {
                return "No option fits " + where + ": no Gemma 3 model reads that many tokens.";
            }
            return "No option fits " + where + ": the smallest, " + smallest.model() + " in "
                    + smallest.format().label() + ", needs "
                    + gib(smallest.estimate().totalBytes()) + " GiB.";
        }
        long fitting = options.stream().filter(FitOption::fits).count();
        String score = best.qualityOf(request.rankBy());
        String why = score == null
                ? "none of the " + fitting + " options that fit publishes a "
                        + request.rankBy().label() + " score, so the most precise, smallest option is chosen"
                : "its " + request.rankBy().label() + " score of " + score + " (Table "
                        + request.rankBy().table()
                        + ", " + request.rankBy().measures() + ") is the highest among the " + fitting
                        + " options that fit, and " + best.format().label()
                        + " is the most precise format of that model that fits";
        return best.model() + " in " + best.format().label() + " fits " + where + ", needing "
                + gib(best.estimate().totalBytes()) + " GiB: " + why + ".";
    }

    /** The runner-up in a sentence, with what choosing it instead would change. */
    private static String runnerUp(AdviceRequest request, FitOption best, FitOption other) {
        if (other == null) {
            return best == null ? "" : " No other model fits.";
        }
        Advice.TradeOff change = Advice.TradeOff.of(best, other, request.rankBy());
        String quality = change.qualityPoints() == null
                ? ""
                : String.format(
                        Locale.ROOT,
                        "%s %s (%+.1f points)",
                        request.rankBy().label(),
                        other.qualityOf(request.rankBy()),
                        change.qualityPoints());
        long more = change.extraBytes();
        String memory = String.format(
                Locale.ROOT,
                "%s GiB (%s%s GiB)",
                gib(other.estimate().totalBytes()),
                more >= 0 ? "+" : "−",
                gib(Math.abs(more)));
        String speed = change.decodeChange() == null
                ? ""
                : String.format(
                        Locale.ROOT,
                        ", decoding at most %,.0f tokens/s (%+,.0f)",
                        other.decodeTokensPerSecondBound(),
                        change.decodeChange());
        return " Runner-up: " + other.model() + " in " + other.format().label() + ", "
                + (quality.isEmpty() ? "" : quality + ", ") + "needing " + memory + speed + ".";
    }

    static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f", MemoryEstimate.gib(bytes));
    }
}
