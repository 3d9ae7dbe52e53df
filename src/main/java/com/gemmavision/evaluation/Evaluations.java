package com.gemmavision.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import com.gemmavision.documents.AskGemma;
import com.gemmavision.documents.DocumentLabels;
import com.gemmavision.documents.DocumentResults;
import com.gemmavision.documents.DocumentStatus;
import com.gemmavision.documents.Documents;
import com.gemmavision.documents.FieldCorrections;
import com.gemmavision.documents.StoredDocument;
import com.gemmavision.documents.extraction.ExtractedField;
import com.gemmavision.documents.extraction.FieldComparison;
import com.gemmavision.documents.extraction.FieldComparison.Outcome;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The bake-off: every labelled document of the user, sent to each chosen endpoint as "Ask Gemma" sends it (text
 * and page images), with at most {@code concurrency} in flight per endpoint and each bounded by the timeout. Each
 * labelled field is scored for the model and for the rules alike ({@link FieldComparison}); seconds per document,
 * the server's token counts and the wall clock are measured. One run per user at a time, two on the server.
 */
@Service
public class Evaluations {

    private static final Logger log = LoggerFactory.getLogger(Evaluations.class);
    private static final BigDecimal MAX_PRICE = new BigDecimal("10000");

    private final EvaluationProperties properties;
    private final EvaluationRepository repository;
    private final Documents documents;
    private final AskGemma askGemma;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final Semaphore serverWide = new Semaphore(2);

    public Evaluations(
            EvaluationProperties properties, EvaluationRepository repository, Documents documents, AskGemma askGemma) {
        this.properties = properties;
        this.repository = repository;
        this.documents = documents;
        this.askGemma = askGemma;
    }

    /** What a run asks: endpoints by name, a GPU price per hour (optional) and labels (null: the documents' own). */
    public record Request(List<String> endpoints, BigDecimal pricePerHour, String labelsJsonl) {}

    /** A run that cannot start, with the HTTP status that fits and the reason in words. */
    public static final class Refused extends RuntimeException {
        private final int status;

        public Refused(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    public EvaluationProperties settings() {
        return properties;
    }

    public List<EvaluationRun> runs(String owner) {
        return repository.list(owner);
    }

    public void forget(String owner) {
        repository.forget(owner);
    }

    /**
     * Where a bake-off stands: running (documents asked so far of all it will ask), done, or failed with the
     * reason; and the runs it has stored so far, one per endpoint finished.
     */
    public record BatchStatus(
            String batch,
            String state,
            int documents,
            List<String> endpoints,
            int asked,
            int toAsk,
            String error,
            List<EvaluationRun> runs) {

        public boolean running() {
            return RUNNING.equals(state);
        }
    }

    static final String RUNNING = "running";
    static final String DONE = "done";
    static final String FAILED = "failed";

    /** A batch while this server runs it; kept an hour after it ends, so its page and API can say how it went. */
    private static final class Batch {
        final String id;
        final String owner;
        final int documents;
        final List<String> endpoints;
        final java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        volatile String state = RUNNING;
        volatile String error;
        volatile Instant ended;

        Batch(String id, String owner, int documents, List<String> endpoints) {
            this.id = id;
            this.owner = owner;
            this.documents = documents;
            this.endpoints = endpoints;
        }
    }

    private final Map<String, Batch> batches = new ConcurrentHashMap<>();
    private final ExecutorService runner = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "bake-off-runner");
        t.setDaemon(true);
        return t;
    });

    @jakarta.annotation.PreDestroy
    void stop() {
        runner.shutdownNow();
    }

    /**
     * Checks a bake-off and starts it in the background: one run per endpoint is stored as each endpoint finishes.
     * What cannot run is refused in words before anything starts.
     */
    public BatchStatus start(String owner, Request request) {
        List<EvaluationProperties.Endpoint> endpoints = endpoints(request.endpoints());
        BigDecimal price = request.pricePerHour();
        if (price != null && (price.signum() < 0 || price.compareTo(MAX_PRICE) > 0)) {
            throw new Refused(400, "The price per hour must be between 0 and 10,000.");
        }
        Map<String, Map<String, Object>> uploaded;
        try {
            uploaded = request.labelsJsonl() == null ? null : Labels.parse(request.labelsJsonl());
        } catch (Labels.Unreadable e) {
            throw new Refused(400, e.getMessage());
        }
        if (!running.add(owner)) {
            throw new Refused(429, "A bake-off of yours is already running; wait for it to finish.");
        }
        boolean started = false;
        try {
            if (!serverWide.tryAcquire()) {
                throw new Refused(503, "Two bake-offs are running on this server; try again in a minute.");
            }
            try {
                List<Labelled> labelled = labelled(owner, uploaded);
                forgetOldBatches();
                Batch batch = new Batch(
                        UUID.randomUUID().toString(),
                        owner,
                        labelled.size(),
                        endpoints.stream()
                                .map(EvaluationProperties.Endpoint::name)
                                .toList());
                batches.put(batch.id, batch);
                runner.execute(() -> runAll(batch, endpoints, labelled, price));
                started = true;
                return status(batch);
            } finally {
                if (!started) {
                    serverWide.release();
                }
            }
        } finally {
            if (!started) {
                running.remove(owner);
            }
        }
    }

    private void runAll(
            Batch batch, List<EvaluationProperties.Endpoint> endpoints, List<Labelled> labelled, BigDecimal price) {
        try {
            for (EvaluationProperties.Endpoint endpoint : endpoints) {
                EvaluationRun run = measure(batch.id, endpoint, labelled, price, batch.asked::incrementAndGet);
                repository.save(batch.owner, run, properties.keepRuns());
                log.info(
                        "Bake-off {} on {}: {} documents, {} failed, {} s",
                        batch.id,
                        endpoint.name(),
                        run.documents(),
                        run.failed(),
                        String.format(java.util.Locale.ROOT, "%.1f", run.wallSeconds()));
            }
            batch.state = DONE;
        } catch (RuntimeException e) {
            log.warn("Bake-off {} failed", batch.id, e);
            batch.error = "The bake-off stopped: " + shorten(String.valueOf(e.getMessage()));
            batch.state = FAILED;
        } finally {
            batch.ended = Instant.now();
            serverWide.release();
            running.remove(batch.owner);
        }
    }

    /** A batch of the owner's: from memory while this server knows it, else from the runs it stored. */
    public java.util.Optional<BatchStatus> status(String owner, String batchId) {
        Batch batch = batches.get(batchId);
        if (batch != null) {
            return batch.owner.equals(owner) ? java.util.Optional.of(status(batch)) : java.util.Optional.empty();
        }
        List<EvaluationRun> stored = repository.list(owner, batchId);
        if (stored.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new BatchStatus(
                batchId,
                DONE,
                stored.get(0).documents(),
                stored.stream().map(EvaluationRun::endpoint).toList(),
                stored.size() * stored.get(0).documents(),
                stored.size() * stored.get(0).documents(),
                null,
                stored));
    }

    private BatchStatus status(Batch batch) {
        List<EvaluationRun> stored = repository.list(batch.owner, batch.id);
        return new BatchStatus(
                batch.id,
                batch.state,
                batch.documents,
                batch.endpoints,
                batch.asked.get(),
                batch.documents * batch.endpoints.size(),
                batch.error,
                stored);
    }

    private void forgetOldBatches() {
        Instant hourAgo = Instant.now().minusSeconds(3600);
        batches.values().removeIf(b -> b.ended != null && b.ended.isBefore(hourAgo));
    }

    private List<EvaluationProperties.Endpoint> endpoints(List<String> names) {
        if (properties.endpoints().isEmpty()) {
            throw new Refused(
                    409, "No bake-off endpoints are configured on this server (gemmavision.evaluation.endpoints).");
        }
        if (names == null || names.isEmpty()) {
            throw new Refused(400, "Choose at least one endpoint.");
        }
        List<EvaluationProperties.Endpoint> chosen = new ArrayList<>();
        for (String name : names.stream()
                .distinct()
                .limit(properties.endpoints().size() + 1L)
                .toList()) {
            chosen.add(properties
                    .endpoint(name)
                    .orElseThrow(() -> new Refused(400, "There is no endpoint named “" + shorten(name) + "”.")));
        }
        return chosen;
    }

    /** A document with its labels, and what the rules stated for each labelled field before any correction. */
    record Labelled(DocumentResults results, Map<String, Object> labels, Map<String, String> rules) {}

    private List<Labelled> labelled(String owner, Map<String, Map<String, Object>> uploaded) {
        List<Labelled> labelled = new ArrayList<>();
        for (StoredDocument document : documents.list(owner)) {
            if (document.status() != DocumentStatus.DONE) {
                continue;
            }
            DocumentResults results = documents.results(document);
            Map<String, Object> labels = uploaded == null
                    ? DocumentLabels.of(results)
                    : uploaded.getOrDefault(document.filename(), Map.of());
            if (labels.isEmpty()) {
                continue;
            }
            Map<String, String> rules = new LinkedHashMap<>();
            for (String name : labels.keySet()) {
                ExtractedField field = results.field(name);
                rules.put(name, field == null ? null : FieldCorrections.beforeCorrection(field));
            }
            labelled.add(new Labelled(results, labels, rules));
            if (labelled.size() == properties.maxDocuments()) {
                break;
            }
        }
        if (labelled.isEmpty()) {
            throw new Refused(
                    409,
                    uploaded == null
                            ? "None of your documents is read and has fields yet: upload and check some first."
                            : "No document of yours has a line in labels.jsonl (lines are matched by \"file\", the"
                                    + " document's file name).");
        }
        return labelled;
    }

    /** One document's outcome on one endpoint. */
    private record Asked(Labelled document, AskGemma.Answer answer, double seconds) {}

    EvaluationRun measure(
            String batch,
            EvaluationProperties.Endpoint endpoint,
            List<Labelled> labelled,
            BigDecimal price,
            Runnable onEachAnswer) {
        AskGemma.Target target = new AskGemma.Target(
                endpoint.completionsUrl(),
                endpoint.model(),
                endpoint.apiKey(),
                properties.timeout(),
                properties.maxPages());
        int concurrency = Math.max(1, Math.min(properties.concurrency(), labelled.size()));
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "bake-off-" + endpoint.name());
            t.setDaemon(true);
            return t;
        });
        long start = System.nanoTime();
        List<Asked> asked = new ArrayList<>();
        try {
            List<Future<Asked>> futures = new ArrayList<>();
            for (Labelled document : labelled) {
                futures.add(pool.submit(() -> {
                    long t0 = System.nanoTime();
                    AskGemma.Answer answer = askGemma.ask(document.results(), target);
                    onEachAnswer.run();
                    return new Asked(document, answer, (System.nanoTime() - t0) / 1e9);
                }));
            }
            for (int i = 0; i < futures.size(); i++) {
                try {
                    asked.add(futures.get(i).get());
                } catch (java.util.concurrent.ExecutionException e) {
                    // one document's failure is that document's, never the run's
                    log.warn("Bake-off {} on {}: a document failed", batch, endpoint.name(), e.getCause());
                    asked.add(new Asked(
                            labelled.get(i),
                            AskGemma.failed(endpoint.model(), "This document could not be asked: an error in the app."),
                            0));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused(503, "The bake-off was interrupted.");
        } finally {
            pool.shutdownNow();
        }
        double wall = (System.nanoTime() - start) / 1e9;
        return score(batch, endpoint, asked, wall, concurrency, price);
    }

    private EvaluationRun score(
            String batch,
            EvaluationProperties.Endpoint endpoint,
            List<Asked> asked,
            double wall,
            int concurrency,
            BigDecimal price) {
        Map<String, int[]> tallies = new LinkedHashMap<>();
        DocumentLabels.FIELDS.forEach(f -> tallies.put(f, new int[6]));
        int failed = 0;
        long prompt = 0;
        long completion = 0;
        boolean usage = false;
        String firstProblem = null;
        List<Double> seconds = new ArrayList<>();
        for (Asked a : asked) {
            AskGemma.Answer answer = a.answer();
            if (answer.ok()) {
                seconds.add(a.seconds());
                if (answer.promptTokens() != null) {
                    prompt += answer.promptTokens();
                    usage = true;
                }
                if (answer.completionTokens() != null) {
                    completion += answer.completionTokens();
                    usage = true;
                }
            } else {
                failed++;
                firstProblem = firstProblem == null ? shorten(answer.problem()) : firstProblem;
            }
            Map<String, int[]> outcomes;
            try {
                outcomes = outcomes(a, answer);
            } catch (RuntimeException e) {
                // scoring one document went wrong: that document is failed, the run goes on
                log.warn("Bake-off {} on {}: scoring a document failed", batch, endpoint.name(), e);
                if (answer.ok()) {
                    failed++;
                    seconds.remove(seconds.size() - 1);
                }
                firstProblem = firstProblem == null ? "A document's answer could not be scored." : firstProblem;
                continue;
            }
            outcomes.forEach((field, t) -> {
                int[] total = tallies.get(field);
                for (int k = 0; k < t.length; k++) {
                    total[k] += t[k];
                }
            });
        }
        List<EvaluationRun.FieldScore> fields = new ArrayList<>();
        tallies.forEach((field, t) -> {
            if (Arrays.stream(t).sum() > 0) {
                fields.add(new EvaluationRun.FieldScore(
                        field,
                        t[Outcome.RIGHT.ordinal()],
                        t[Outcome.WRONG.ordinal()],
                        t[Outcome.MISSED.ordinal()],
                        t[3 + Outcome.RIGHT.ordinal()],
                        t[3 + Outcome.WRONG.ordinal()],
                        t[3 + Outcome.MISSED.ordinal()]));
            }
        });
        seconds.sort(Double::compare);
        return new EvaluationRun(
                0,
                batch,
                Instant.now(),
                endpoint.name(),
                endpoint.model(),
                endpoint.engine() == null ? "" : endpoint.engine(),
                endpoint.gemmaModel(),
                endpoint.format(),
                asked.size(),
                failed,
                concurrency,
                wall,
                percentile(seconds, 50),
                percentile(seconds, 95),
                usage ? prompt : null,
                usage ? completion : null,
                price,
                firstProblem,
                fields);
    }

    /** One document's outcomes per labelled field: the model's (right, wrong, missed), then the rules'. */
    private static Map<String, int[]> outcomes(Asked a, AskGemma.Answer answer) {
        Map<String, int[]> outcomes = new LinkedHashMap<>();
        for (Map.Entry<String, Object> label : a.document().labels().entrySet()) {
            int[] t = outcomes.computeIfAbsent(label.getKey(), k -> new int[6]);
            String read = answer.ok() ? answer.fields().get(label.getKey()) : null;
            t[FieldComparison.compare(label.getKey(), label.getValue(), read).ordinal()]++;
            t[
                    3
                            + FieldComparison.compare(
                                            label.getKey(),
                                            label.getValue(),
                                            a.document().rules().get(label.getKey()))
                                    .ordinal()]++;
        }
        return outcomes;
    }

    /** The nearest-rank percentile of sorted values; null for none. */
    static Double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static String shorten(String text) {
        String flat = AskGemma.plain(text).replaceAll("\\s+", " ").strip();
        return flat.length() > 280 ? flat.substring(0, 280) + "…" : flat;
    }
}
