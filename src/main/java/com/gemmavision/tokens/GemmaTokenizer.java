package com.gemmavision.tokens;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.sun.jna.NativeLibrary;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

/**
 * Counts Gemma 3 text tokens exactly, with Gemma 3's own {@code tokenizer.json} (bundled, see
 * {@code tokenizer/NOTICE.md}) in the Hugging Face tokenizers library (its Rust core, through DJL's Java binding,
 * whose native library is inside its jar). Nothing is downloaded: DJL runs offline. The tokenizer loads in the
 * background at start-up (3-4 s alone); until it is ready, or where its native library cannot load, counts
 * are empty and callers say "estimate".
 */
@Service
public class GemmaTokenizer {

    private static final Logger log = LoggerFactory.getLogger(GemmaTokenizer.class);
    static final String RESOURCE = "tokenizer/gemma3-tokenizer.json.gz";

    /**
     * One tokenizer for the whole JVM, loaded once: it is read-only and thread-safe, and loading it briefly takes
     * some 200 MB of heap (the JSON as text) and keeps its tables in native memory, so several application
     * contexts in one JVM (tests, a second instance) share it rather than each loading its own.
     */
    static final class Shared {
        static final CompletableFuture<HuggingFaceTokenizer> TOKENIZER =
                CompletableFuture.supplyAsync(GemmaTokenizer::load);
    }

    private final CompletableFuture<HuggingFaceTokenizer> tokenizer;
    private final TokenProperties properties;

    @Autowired
    public GemmaTokenizer(TokenProperties properties) {
        this(properties, Shared.TOKENIZER);
    }

    GemmaTokenizer(TokenProperties properties, CompletableFuture<HuggingFaceTokenizer> tokenizer) {
        this.properties = properties;
        this.tokenizer = tokenizer;
    }

    private static HuggingFaceTokenizer load() {
        // DJL must never reach for the network; its native library is unpacked from its jar into a cache folder
        System.setProperty("ai.djl.offline", "true");
        if (System.getProperty("ENGINE_CACHE_DIR") == null && System.getenv("ENGINE_CACHE_DIR") == null) {
            System.setProperty(
                    "ENGINE_CACHE_DIR",
                    Path.of(System.getProperty("java.io.tmpdir"), "gemmavision-djl")
                            .toString());
        }
        Path json = null;
        try (InputStream in = new GZIPInputStream(new ClassPathResource(RESOURCE).getInputStream(), 1 << 16)) {
            json = Files.createTempFile("gemma3-tokenizer", ".json");
            Files.copy(in, json, StandardCopyOption.REPLACE_EXISTING);
            HuggingFaceTokenizer loaded = HuggingFaceTokenizer.builder()
                    .optTokenizerPath(json)
                    .optAddSpecialTokens(false)
                    .optTruncation(false)
                    .optPadding(false)
                    .build();
            releaseFreedNativeMemory();
            log.info("Gemma 3 tokenizer loaded: token counts are exact");
            return loaded;
        } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
            log.warn("Gemma 3 tokenizer unavailable ({}); token counts fall back to an estimate", e.toString());
            return null;
        } finally {
            if (json != null) {
                try {
                    Files.deleteIfExists(json);
                } catch (IOException ignored) {
                    // a temporary file
                }
            }
        }
    }

    /**
     * Parsing the tokenizer's JSON in native code leaves about 160 MB freed but still held by glibc's allocator;
     * {@code malloc_trim(0)} hands it back to the system (measured on this machine: resident memory after loading
     * 669 MB without it, 505 MB with it). JNA comes with DJL; where there is no glibc this does nothing.
     */
    private static void releaseFreedNativeMemory() {
        try {
            NativeLibrary.getInstance("c").getFunction("malloc_trim").invokeInt(new Object[] {0});
        } catch (RuntimeException | UnsatisfiedLinkError notGlibc) {
            log.debug("malloc_trim not available: {}", notGlibc.toString());
        }
    }

    /** Whether counts are exact now (the tokenizer loaded). */
    public boolean available() {
        return ready() != null;
    }

    /** Waits for the tokenizer to finish loading (start-up, tests); false where it cannot load. */
    public boolean awaitReady() {
        return tokenizer.join() != null;
    }

    /** The exact number of Gemma 3 tokens of a text, without special tokens; empty while no tokenizer is ready. */
    public OptionalLong count(String text) {
        HuggingFaceTokenizer ready = ready();
        if (ready == null) {
            return OptionalLong.empty();
        }
        if (text.isEmpty()) {
            return OptionalLong.of(0);
        }
        return OptionalLong.of(ready.encode(text, false, false).getIds().length);
    }

    /** The exact count where the tokenizer is ready, else the characters-per-token estimate, saying which. */
    public TokenCount countOrEstimate(String text) {
        OptionalLong exact = count(text);
        return exact.isPresent()
                ? new TokenCount(exact.getAsLong(), true)
                : new TokenCount(estimate(text.length()), false);
    }

    /**
     * As {@link #countOrEstimate(String)}, first waiting up to {@code wait} for a tokenizer still loading (the
     * first seconds after start), so a count asked for then is exact like every other.
     */
    public TokenCount countOrEstimate(String text, Duration wait) {
        if (!tokenizer.isDone()) {
            try {
                tokenizer.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // still loading, or it could not load: the estimate, marked as such
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return countOrEstimate(text);
    }

    /** The estimate for a number of characters: characters ÷ {@code gemmavision.tokens.chars-per-token}. */
    public long estimate(long characters) {
        return (long) Math.ceil(characters / properties.charsPerToken());
    }

    public TokenProperties properties() {
        return properties;
    }

    private HuggingFaceTokenizer ready() {
        return tokenizer.isDone() && !tokenizer.isCompletedExceptionally() ? tokenizer.join() : null;
    }
}
