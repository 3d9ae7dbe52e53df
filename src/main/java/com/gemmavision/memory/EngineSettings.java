package com.gemmavision.memory;

import java.util.Locale;

/**
 * The engine parameters the KV cache depends on, as the launch command sets them.
 *
 * @param vllmBlockSize          tokens per vLLM page (--block-size, 16 by default on CUDA)
 * @param vllmMaxBatchedTokens   vLLM's --max-num-batched-tokens: the tokens one scheduler step may prefill
 * @param llamaUbatch            llama.cpp's -ub (n_ubatch, 512 by default)
 * @param tensorParallel         GPUs the model is split over (vLLM --tensor-parallel-size)
 */
public record EngineSettings(int vllmBlockSize, long vllmMaxBatchedTokens, int llamaUbatch, int tensorParallel) {

    public static final int VLLM_BLOCK_SIZE = 16;
    public static final int LLAMA_UBATCH = 512;
    public static final int LLAMA_PAD = 256;

    public static final EngineSettings DEFAULT = forGpu(24, "", 1);

    /**
     * vLLM's own defaults for {@code vllm serve}: 8,192 batched tokens on GPUs of at least 70 GiB that are not an
     * A100, 2,048 elsewhere ({@code EngineArgs.get_batch_defaults}, vllm/engine/arg_utils.py).
     */
    public static EngineSettings forGpu(double memoryGib, String gpuName, int tensorParallel) {
        boolean large = memoryGib >= 70 && !gpuName.toLowerCase(Locale.ROOT).contains("a100");
        return new EngineSettings(VLLM_BLOCK_SIZE, large ? 8192 : 2048, LLAMA_UBATCH, Math.max(1, tensorParallel));
    }
}
