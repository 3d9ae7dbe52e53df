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
        return jdbc.sql("SELECT gpu, memory_gib, memory_bandwidth_gb_s, bf16_dense_tflops, notes FROM gpu_preset"
                + " ORDER BY sort_order").query(GpuPreset.class).list();
    }
}
