package com.gemmavision.documents.processing;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import com.gemmavision.database.Checkpoint;
import com.gemmavision.documents.DocumentProperties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs queued documents on a bounded pool. Work is claimed from the database, not handed over in memory, so
 * any instance sharing the database picks up what is queued. Each claim carries this instance's id and a
 * heartbeat renewed every few seconds: when an instance dies, its claims expire after
 * {@code gemmavision.documents.claim-timeout} and the documents are queued again, up to
 * {@code max-attempts} runs, after which a document that keeps killing its worker fails for good. Only a run that
 * was alone on its instance is charged for its death: the documents that were running beside it are queued again
 * to be read alone, one at a time, so an exit is charged to the document that caused it and nobody else's document
 * fails for it. Claims go round robin across users, and a long document gives way between pages when another
 * user's is waiting.
 */
@Component
public class ProcessingQueue {

    private static final Logger log = LoggerFactory.getLogger(ProcessingQueue.class);

    private final DocumentRepository repository;
    private final DocumentProcessor processor;
    private final DocumentProperties properties;
    private final Checkpoint checkpoint;
    private final ExecutorService workers;
    private final String instance = UUID.randomUUID().toString();
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    /** The document being read alone on this instance, if one is: nothing else is claimed until it ends. */
    private volatile String alone;

    public ProcessingQueue(
            DocumentRepository repository,
            DocumentProcessor processor,
            DocumentProperties properties,
            Checkpoint checkpoint) {
        this.checkpoint = checkpoint;
        this.repository = repository;
        this.processor = processor;
        this.properties = properties;
        this.workers = new ThreadPoolExecutor(
                properties.workers(),
                properties.workers(),
                60,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(properties.workers()),
                runnable -> {
                    Thread thread = new Thread(runnable, "document-worker");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** At start: claims of instances that are gone expire as usual, then this instance takes work. */
    @EventListener(ContextRefreshedEvent.class)
    void recover() {
        poll();
    }

    /** Renews this instance's claims. */
    @Scheduled(fixedDelayString = "${gemmavision.documents.heartbeat:5s}")
    public void heartbeat() {
        if (!running.isEmpty()) {
            repository.heartbeat(instance, running);
        }
    }

    /** Expires dead claims, then claims as many queued documents as there are idle workers, fairly. */
    @Scheduled(fixedDelayString = "${gemmavision.documents.poll-interval:1s}")
    public synchronized void poll() {
        if (!properties.processing()) {
            return;
        }
        int expired = repository.expireClaims(Instant.now().minus(properties.claimTimeout()), properties.maxAttempts());
        if (expired > 0) {
            checkpoint.now();
            log.info("{} document(s) whose worker stopped queued again or, after their last attempt, failed", expired);
        }
        while (running.size() < properties.workers() && alone == null) {
            Optional<DocumentRepository.Queued> next = repository.nextQueued();
            if (next.isEmpty()) {
                return;
            }
            boolean solo = next.get().solo();
            if (solo && !running.isEmpty()) {
                return; // it is read alone once this instance's runs have ended
            }
            Optional<DocumentRepository.Claim> claim =
                    repository.claim(next.get().id(), instance, solo);
            if (claim.isPresent()) {
                // The attempt is counted on disk before the work starts, so a run that kills the server counts.
                checkpoint.now();
                if (solo) {
                    alone = claim.get().id();
                    log.info("Document {} is read alone: its last run stopped with the server", alone);
                }
                start(claim.get());
            }
        }
    }

    private void start(DocumentRepository.Claim claim) {
        running.add(claim.id());
        workers.execute(() -> {
            try {
                processor.process(claim, instance);
            } catch (RuntimeException | Error e) {
                // Recording the failure itself failed (the database refused the write): the claim stays this
                // instance's until its heartbeat stops, then counts as a run that died, up to max-attempts.
                log.error("Processing of {} could not record its end", claim.id(), e);
            } finally {
                running.remove(claim.id());
                if (claim.id().equals(alone)) {
                    alone = null;
                }
            }
        });
    }

    /** On a clean stop, what this instance was running goes back in the queue for the next one. */
    @PreDestroy
    void stop() {
        workers.shutdownNow();
        running.forEach(id -> repository.release(id, instance));
    }
}
