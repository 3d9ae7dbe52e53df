package com.gemmavision.memory;

/** Memory to serve a model, in bytes: weights, KV cache and the runtime overhead the user allows for. */
public record MemoryEstimate(long weightsBytes, long kvCacheBytes, long overheadBytes) {

    public static final double GIB = 1024.0 * 1024 * 1024;

    public long totalBytes() {
        return weightsBytes + kvCacheBytes + overheadBytes;
    }

    public static double gib(long bytes) {
        return bytes / GIB;
    }
}
