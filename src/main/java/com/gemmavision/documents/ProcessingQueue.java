package com.gemmavision.documents;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;

import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs queued documents on a bounded pool. Work is claimed from the database, not handed over in memory, so
 * any instance sharing the database picks up what is queued, and a run whose instance went away is queued
 * again once its progress stops moving.
 */
@Component
public class ProcessingQueue {

    static final Duration STALE_AFTER = Duration.ofMinutes(5);

    private final DocumentRepository repository;
    private final DocumentProcessor processor;
    private final ExecutorService workers;
    private final int capacity;
    private final boolean enabled;
    private final AtomicInteger busy = new AtomicInteger();
    private final java.util.Set<String> running = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public ProcessingQueue(DocumentRepository repository, DocumentProcessor processor, DocumentProperties properties) {
        this.repository = repository;
        this.processor = processor;
        this.capacity = properties.workers();
        this.enabled = properties.processing();
        this.workers = new ThreadPoolExecutor(properties.workers(), properties.workers(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(properties.workers()), runnable -> {
                    Thread thread = new Thread(runnable, "document-worker");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** At start, runs left RUNNING by an instance that stopped a minute ago or more go back in the queue. */
    @EventListener(ContextRefreshedEvent.class)
    void recover() {
        if (!enabled) {
            return;
        }
        repository.requeueStale(Instant.now().minus(Duration.ofMinutes(1)));
        poll();
    }

    /** Claims as many queued documents as there are idle workers. */
    @Scheduled(fixedDelayString = "${gemmavision.documents.poll-interval:1s}")
    public void poll() {
        if (!enabled) {
            return;
        }
        repository.requeueStale(Instant.now().minus(STALE_AFTER));
        int idle = capacity - busy.get();
        if (idle <= 0) {
            return;
        }
        for (String id : repository.queued(idle)) {
            if (repository.claim(id)) {
                busy.incrementAndGet();
                running.add(id);
                workers.execute(() -> {
                    try {
                        processor.process(id);
                    } finally {
                        running.remove(id);
                        busy.decrementAndGet();
                    }
                });
            }
        }
    }

    /** On a clean stop, what this instance was running goes back in the queue for the next one. */
    @PreDestroy
    void stop() {
        workers.shutdownNow();
        running.forEach(repository::requeueRunning);
    }
}
