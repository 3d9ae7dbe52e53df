package com.gemmavision.advisor;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class GpuRepository {

    private final JdbcClient jdbc;

    public GpuRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<GpuPreset> presets() {
        return jdbc.sql("SELECT gpu, memory_gib AS memoryGib, memory_bandwidth_gb_s AS memoryBandwidthGbS,"
                + " bf16_dense_tflops AS bf16DenseTflops, notes FROM gpu_preset"
                + " ORDER BY sort_order").query(GpuPreset.class).list();
    }
}
