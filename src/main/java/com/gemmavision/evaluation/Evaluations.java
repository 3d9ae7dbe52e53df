package com.gemmavision.evaluation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

import com.gemmavision.documents.DocumentLabels;
import com.gemmavision.documents.DocumentResults;
import com.gemmavision.documents.Documents;
import com.gemmavision.documents.FieldCorrections;
import com.gemmavision.documents.StoredDocument;
import com.gemmavision.documents.extraction.ExtractedField;
import com.gemmavision.documents.extraction.FieldComparison;
import com.gemmavision.documents.extraction.FieldComparison.Outcome;
import com.gemmavision.documents.llm.AskGemma;
import com.gemmavision.documents.processing.DocumentStatus;
import com.gemmavision.pricing.PriceCurrencies;

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

    /**
     * What a run asks: endpoints by name, a GPU price per hour (optional) in a currency (null: US dollars) and labels
     * (null: the documents' own).
     */
    public record Request(List<String> endpoints, BigDecimal pricePerHour, String labelsJsonl, String currency) {
        public Request(List<String> endpoints, BigDecimal pricePerHour, String labelsJsonl) {
            this(endpoints, pricePerHour, labelsJsonl, null);
        }
    }

    /** A run that cannot start, with the HTTP status that fits and the reason in words. */
    public static final class Refused extends RuntimeException {
        private final int status;
        private final String runningBatch;

        public Refused(int status, String message) {
            this(status, message, null);
        }

        Refused(int status, String message, String runningBatch) {
            super(message);
            this.status = status;
            this.runningBatch = runningBatch;
        }

        public int status() {
            return status;
        }

        /** The user's bake-off that is running, where that is why this one was refused; else null. */
        public String runningBatch() {
            return runningBatch;
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
     * Where a bake-off stands: running (documents asked so far of all it will ask), done, failed with the reason,
     * or stopped (the server stopped while it ran: {@code unfinished} names the servers that never finished); and
     * the runs it has stored so far, one per endpoint finished.
     */
    public record BatchStatus(
            String batch,
            String state,
            int documents,
            List<String> endpoints,
            int asked,
            int toAsk,
            String error,
            List<EvaluationRun> runs,
            List<String> unfinished) {

        public boolean running() {
            return RUNNING.equals(state);
        }
    }

    static final String RUNNING = "running";
    static final String DONE = "done";
    static final String FAILED = "failed";
    static final String STOPPED = "stopped";

    /** How often a runner marks its batch alive in the database. */
    static final Duration HEARTBEAT = Duration.ofSeconds(10);

    /** A running batch not marked alive for this long was cut short: its server stopped. */
    static final Duration STALE = Duration.ofSeconds(45);

    /** A batch while this server runs it; kept an hour after it ends, so its page and API can say how it went. */
    private static final class Batch {
        final String id;
        final String owner;
        final int documents;
        final List<String> endpoints;
        final AtomicInteger asked = new AtomicInteger();
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
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bake-off-heartbeat");
        t.setDaemon(true);
        return t;
    });

    @PostConstruct
    void startHeartbeats() {
        heartbeats.scheduleWithFixedDelay(
                this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Marks this server's running batches alive, with their answers so far. */
    private void beat() {
        for (Batch batch : batches.values()) {
            if (RUNNING.equals(batch.state)) {
                try {
                    repository.heartbeat(batch.id, batch.asked.get());
                } catch (RuntimeException e) {
                    log.warn("Bake-off {}: its heartbeat could not be stored", batch.id, e);
                }
            }
        }
    }

    @PreDestroy
    void stop() {
        heartbeats.shutdownNow();
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
        String currency = request.currency() == null || request.currency().isBlank()
                ? PriceCurrencies.DEFAULT
                : PriceCurrencies.parse(request.currency())
                        .orElseThrow(() -> new Refused(
                                400,
                                "The currency must be one of " + String.join(", ", PriceCurrencies.OFFERED) + "."));
        Map<String, Map<String, Object>> uploaded;
        try {
            uploaded = request.labelsJsonl() == null ? null : Labels.parse(request.labelsJsonl());
        } catch (Labels.Unreadable e) {
            throw new Refused(400, e.getMessage());
        }
        if (!running.add(owner)) {
            throw new Refused(
                    429,
                    "A bake-off of yours is already running; wait for it to finish.",
                    batches.values().stream()
                            .filter(b -> b.owner.equals(owner) && RUNNING.equals(b.state))
                            .map(b -> b.id)
                            .findFirst()
                            .orElse(null));
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
                repository.startBatch(batch.id, owner, batch.documents, batch.endpoints, properties.keepRuns());
                batches.put(batch.id, batch);
                runner.execute(() -> runAll(batch, endpoints, labelled, price, currency));
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
            Batch batch,
            List<EvaluationProperties.Endpoint> endpoints,
            List<Labelled> labelled,
            BigDecimal price,
            String currency) {
        String state = FAILED;
        try {
            for (EvaluationProperties.Endpoint endpoint : endpoints) {
                EvaluationRun run =
                        measure(batch.id, endpoint, labelled, price, currency, batch.asked::incrementAndGet);
                repository.save(batch.owner, run, properties.keepRuns());
                log.info(
                        "Bake-off {} on {}: {} documents, {} failed, {} s",
                        batch.id,
                        endpoint.name(),
                        run.documents(),
                        run.failed(),
                        String.format(Locale.ROOT, "%.1f", run.wallSeconds()));
            }
            state = DONE;
        } catch (RuntimeException e) {
            log.warn("Bake-off {} failed", batch.id, e);
            batch.error = "The bake-off stopped: " + shorten(String.valueOf(e.getMessage()));
        } finally {
            batch.ended = Instant.now();
            try {
                repository.endBatch(batch.id, state, batch.asked.get(), batch.error);
            } catch (RuntimeException e) {
                log.warn("Bake-off {}: its end could not be stored", batch.id, e);
            }
            serverWide.release();
            running.remove(batch.owner);
            // said last: whoever sees it ended may start the next one at once
            batch.state = state;
        }
    }

    /**
     * A batch of the owner's: from memory while this server runs it, else as stored. A batch stored as running
     * whose heartbeat stopped was cut short by a stop: it is marked stopped, with the servers that never finished.
     */
    public Optional<BatchStatus> status(String owner, String batchId) {
        Batch batch = batches.get(batchId);
        if (batch != null) {
            return batch.owner.equals(owner) ? Optional.of(status(batch)) : Optional.empty();
        }
        Optional<EvaluationRepository.StoredBatch> stored = repository.batch(owner, batchId);
        if (stored.isPresent()) {
            return Optional.of(status(stored.get()));
        }
        // a bake-off from before batches were stored: its runs are all there is
        List<EvaluationRun> runs = repository.list(owner, batchId);
        if (runs.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new BatchStatus(
                batchId,
                DONE,
                runs.get(0).documents(),
                runs.stream().map(EvaluationRun::endpoint).toList(),
                runs.size() * runs.get(0).documents(),
                runs.size() * runs.get(0).documents(),
                null,
                runs,
                List.of()));
    }

    /**
     * The owner's bake-off that is running now (on this server or, in a cluster, on another whose heartbeat is
     * fresh), or the one a stop cut short, once; else empty. The page shows it whenever it is opened.
     */
    public Optional<BatchStatus> current(String owner) {
        Optional<Batch> here = batches.values().stream()
                .filter(b -> b.owner.equals(owner) && RUNNING.equals(b.state))
                .findFirst();
        if (here.isPresent()) {
            return Optional.of(status(here.get()));
        }
        return repository.latestRunning(owner).map(this::status);
    }

    private BatchStatus status(EvaluationRepository.StoredBatch stored) {
        List<EvaluationRun> runs = repository.list(stored.owner(), stored.id());
        String state = stored.state();
        String error = stored.error();
        int toAsk = stored.documents() * stored.endpoints().size();
        boolean stale = RUNNING.equals(state)
                && stored.heartbeatAt().isBefore(Instant.now().minus(STALE));
        List<String> finished = runs.stream().map(EvaluationRun::endpoint).toList();
        List<String> unfinished = RUNNING.equals(state) && !stale
                ? List.of()
                : stored.endpoints().stream().filter(e -> !finished.contains(e)).toList();
        if (stale) {
            state = STOPPED;
            error = "The server stopped while this bake-off ran: " + String.join(", ", unfinished)
                    + " never finished"
                    + (runs.isEmpty() ? "." : "; the runs below are those that did.")
                    + " Start it again to measure " + (unfinished.size() == 1 ? "it." : "them.");
            repository.endBatch(stored.id(), STOPPED, stored.asked(), shorten(error));
        }
        return new BatchStatus(
                stored.id(),
                state,
                stored.documents(),
                stored.endpoints(),
                Math.min(stored.asked(), toAsk),
                toAsk,
                error,
                runs,
                DONE.equals(state) ? List.of() : unfinished);
    }

    private BatchStatus status(Batch batch) {
        // the state first: a batch said to be ended has stored all its runs, so the list read after it is whole
        String state = batch.state;
        int asked = batch.asked.get();
        List<EvaluationRun> stored = repository.list(batch.owner, batch.id);
        List<String> finished = stored.stream().map(EvaluationRun::endpoint).toList();
        return new BatchStatus(
                batch.id,
                state,
                batch.documents,
                batch.endpoints,
                asked,
                batch.documents * batch.endpoints.size(),
                batch.error,
                stored,
                FAILED.equals(state)
                        ? batch.endpoints.stream()
                                .filter(e -> !finished.contains(e))
                                .toList()
                        : List.of());
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
            String currency,
            Runnable onEachAnswer) {
        AskGemma.Target target = new AskGemma.Target(
                endpoint.completionsUrl(),
                endpoint.model(),
                endpoint.apiKey(),
                properties.timeout(),
                properties.maxPages(),
                endpoint.readsImages(),
                "gemmavision.evaluation.endpoints[" + properties.endpoints().indexOf(endpoint) + "].images");
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
                } catch (ExecutionException e) {
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
        return score(batch, endpoint, asked, wall, concurrency, price, currency);
    }

    private EvaluationRun score(
            String batch,
            EvaluationProperties.Endpoint endpoint,
            List<Asked> asked,
            double wall,
            int concurrency,
            BigDecimal price,
            String currency) {
        Map<String, int[]> tallies = new LinkedHashMap<>();
        DocumentLabels.FIELDS.forEach(f -> tallies.put(f, new int[6]));
        int failed = 0;
        long prompt = 0;
        long completion = 0;
        boolean usage = false;
        String firstProblem = null;
        List<Double> seconds = new ArrayList<>();
        int truncated = 0;
        int withoutSchema = 0;
        int usageIgnored = 0;
        String firstCut = null;
        for (Asked a : asked) {
            AskGemma.Answer answer = a.answer();
            withoutSchema += answer.withoutSchema() ? 1 : 0;
            usageIgnored += answer.usageIgnored() ? 1 : 0;
            if (answer.ok() && answer.readInPart()) {
                truncated++;
                if (firstCut == null) {
                    firstCut = "the server counted " + answer.promptTokens() + " prompt tokens of the "
                            + answer.sentTokens() + " sent";
                }
            }
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
            if (answer.ok() && answer.readInPart()) {
                // what the model saw is not the document: its fields say nothing of how well it reads one
                continue;
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
        List<String> notes = new ArrayList<>();
        if (truncated > 0) {
            notes.add((truncated == 1 ? "1 document was" : truncated + " documents were")
                    + " read only in part (" + firstCut + "): the server cut the prompt to its context; kept out of"
                    + " the accuracy figures. On Ollama raise the context (OLLAMA_CONTEXT_LENGTH, or num_ctx in a"
                    + " Modelfile).");
        }
        if (!endpoint.readsImages()) {
            notes.add("Text only: no page images were sent (images=false).");
        }
        if (withoutSchema > 0) {
            notes.add("The server refused response_format (json_schema); "
                    + (withoutSchema == 1 ? "1 document was" : withoutSchema + " documents were")
                    + " asked again without it.");
        }
        if (usageIgnored > 0) {
            notes.add("Token counts ignored on " + usageIgnored + (usageIgnored == 1 ? " document" : " documents")
                    + ": the server reported more than such an exchange can hold.");
        }
        String joined = String.join(" ", notes);
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
                price == null ? null : currency,
                firstProblem,
                truncated,
                joined.isEmpty() ? null : shortened(joined, 600),
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
        return shortened(text, 280);
    }

    private static String shortened(String text, int at) {
        String flat = AskGemma.plain(text).replaceAll("\\s+", " ").strip();
        return flat.length() > at ? flat.substring(0, at - 1) + "…" : flat;
    }
}
