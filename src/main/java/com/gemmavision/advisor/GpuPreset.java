package com.gemmavision.advisor;

import java.util.Set;

/**
 * A GPU's datasheet figures (gpu_presets.csv, and migration V25 for FP8): memory as marketed (read as GiB),
 * bandwidth in GB/s, peak dense bf16 TFLOPs and, on GPUs with FP8 tensor cores, peak dense FP8 TFLOPs, where
 * published. Starting points a user can override, not measurements.
 */
public record GpuPreset(
        String gpu,
        int memoryGib,
        int memoryBandwidthGbS,
        Integer bf16DenseTflops,
        Integer fp8DenseTflops,
        String notes) {

    /** Formats whose matrix products run in FP8 (W8A8) where the GPU has FP8 tensor cores. */
    public static final Set<String> FP8_COMPUTE = Set.of("fp8");

    /**
     * The dense peak a format's prefill runs at: FP8's for an FP8 (W8A8) format on a GPU with FP8 tensor cores,
     * else bf16's (weight-only formats dequantize to bf16 before each product); null where none is published.
     */
    public Integer prefillTflops(String formatCode) {
        return FP8_COMPUTE.contains(formatCode) && fp8DenseTflops != null ? fp8DenseTflops : bf16DenseTflops;
    }
}
