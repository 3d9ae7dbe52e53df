package com.gemmavision.documents;

import java.util.List;

/**
 * What handing a document to one model takes: estimated text tokens, image tokens (if the model can read
 * images), the total against its context window, and memory for that context in each format.
 */
public record TokenNeeds(
        String model,
        long textTokens,
        boolean exactText,
        long imageTokens,
        int images,
        boolean readsImages,
        long contextWindow,
        List<FormatMemory> memory) {

    public long totalTokens() {
        return textTokens + imageTokens;
    }

    public boolean fits() {
        return totalTokens() <= contextWindow;
    }

    /** Weights + KV cache (bf16, sliding window honoured, one sequence) for the document's context. */
    public record FormatMemory(String quant, String label, long bytes) {
        public double gib() {
            return bytes / (1024.0 * 1024 * 1024);
        }
    }
}
