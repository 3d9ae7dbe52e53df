package com.gemmavision.memory;

import java.util.List;

/**
 * The KV cache an engine allocates for a model, per layer kind.
 *
 * @param globalLayers          layers holding the whole context (padding included, for vLLM's groups)
 * @param globalCells           cells (token slots) one global layer keeps per sequence
 * @param localLayers           sliding-window layers, with the padding layers vLLM's grouping adds
 * @param localCells            cells one sliding-window layer keeps per sequence
 * @param sequences             sequences (llama.cpp streams, vLLM requests, batch rows)
 * @param bytesPerCell          bytes of one cell of one layer: a K row and a V row
 * @param replication           how many times tensor parallelism stores each KV head (1 unless GPUs exceed them)
 * @param rule                  the engine's rule with this request's numbers put in
 * @param checks                what the engine prints (or what to run) to compare with {@link #bytes()}
 */
public record KvAllocation(
        Engine engine,
        KvDtype dtype,
        int globalLayers,
        long globalCells,
        int localLayers,
        long localCells,
        long sequences,
        long bytesPerCell,
        int replication,
        String rule,
        List<String> checks) {

    public long globalBytes() {
        return Math.multiplyExact(
                Math.multiplyExact((long) globalLayers * globalCells, sequences), bytesPerCell * replication);
    }

    public long localBytes() {
        return Math.multiplyExact(
                Math.multiplyExact((long) localLayers * localCells, sequences), bytesPerCell * replication);
    }

    public long bytes() {
        return Math.addExact(globalBytes(), localBytes());
    }
}
