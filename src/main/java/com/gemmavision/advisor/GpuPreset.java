package com.gemmavision.advisor;

/**
 * A GPU's datasheet figures (gpu_presets.csv): memory as marketed (read as GiB), bandwidth in GB/s and peak
 * dense bf16 TFLOPs, where published. Starting points a user can override, not measurements.
 */
public record GpuPreset(String gpu, int memoryGib, int memoryBandwidthGbS, Integer bf16DenseTflops, String notes) {}
