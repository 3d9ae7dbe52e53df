package com.gemmavision.documents;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * One memory budget for every decode the server makes of a user's pixels: uploaded images, PDF pages rendered for
 * OCR (with the largest image they draw), and the page images sent to a model. Each decode reserves what it will
 * hold, worked out from the file's header before a pixel is decoded (width × height × channels × bytes per sample,
 * plus the working copies OCR makes), and gives it back when the page is read. Decodes wait their turn, first come
 * first served, while others hold the budget; one that could never fit is refused in words instead of taking the
 * process down. Sized from the heap ({@code gemmavision.documents.decode-memory-percent}, 40% of {@code -Xmx} by
 * default), so what is left covers requests, sessions, reports and the database while decodes run.
 */
@Component
public class DecodeBudget {

    /** A decode that can never fit: its message is written for the user. */
    public static final class TooLarge extends IOException {
        TooLarge(String message) {
            super(message);
        }
    }

    /** Bytes held by one decode until it is closed. */
    public final class Reservation implements AutoCloseable {
        private final long bytes;
        private boolean closed;

        private Reservation(long bytes) {
            this.bytes = bytes;
        }

        public long bytes() {
            return bytes;
        }

        @Override
        public void close() {
            synchronized (DecodeBudget.this) {
                if (!closed) {
                    closed = true;
                    inUse -= bytes;
                    DecodeBudget.this.notifyAll();
                }
            }
        }
    }

    private final long capacity;
    private long inUse;

    @Autowired
    public DecodeBudget(DocumentProperties properties) {
        this((long) (Runtime.getRuntime().maxMemory() * properties.decodeMemoryShare()));
    }

    public DecodeBudget(long capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("a decode budget needs some memory");
        }
        this.capacity = capacity;
    }

    public long capacity() {
        return capacity;
    }

    /** Whether a decode of this size could ever be made here. */
    public boolean fits(long bytes) {
        return bytes <= capacity;
    }

    /**
     * Reserves {@code bytes} for a decode of {@code what} ("this image", "page 3"), waiting while earlier decodes
     * hold the budget; refused at once when it could never fit.
     */
    public Reservation reserve(long bytes, String what) throws TooLarge, InterruptedException {
        if (bytes > capacity) {
            throw new TooLarge(String.format(
                    Locale.ROOT,
                    "%s needs %s decoded; this server allows %s for decoding.",
                    what,
                    megabytes(bytes),
                    megabytes(capacity)));
        }
        long needed = Math.max(0, bytes);
        Object me = new Object();
        synchronized (this) {
            waiting.addLast(me);
            try {
                while (waiting.peekFirst() != me || inUse + needed > capacity) {
                    wait();
                }
            } finally {
                // served or interrupted: either way the next in line may go
                waiting.remove(me);
                notifyAll();
            }
            inUse += needed;
            return new Reservation(needed);
        }
    }

    /** Decodes waiting for their turn, first come first served. */
    private final ArrayDeque<Object> waiting = new ArrayDeque<>();

    /** Bytes reserved now (for tests and the log). */
    public synchronized long inUse() {
        return inUse;
    }

    public static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,d MB", Math.max(1, Math.round(bytes / 1_000_000.0)));
    }
}
