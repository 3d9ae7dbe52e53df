package com.gemmavision.advisor;

import java.util.List;

import com.gemmavision.database.Caches;

import org.springframework.cache.annotation.CacheConfig;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The GPU presets, read once into the report cache. */
@Repository
@CacheConfig(cacheNames = Caches.REPORT, keyGenerator = Caches.METHOD_KEY)
public class GpuRepository {

    private final JdbcClient jdbc;

    public GpuRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Cacheable
    public List<GpuPreset> presets() {
        return jdbc
                .sql("SELECT gpu, memory_gib AS memoryGib, memory_bandwidth_gb_s AS memoryBandwidthGbS,"
                        + " bf16_dense_tflops AS bf16DenseTflops, fp8_dense_tflops AS fp8DenseTflops, notes FROM gpu_preset"
                        + " ORDER BY sort_order")
                .query(GpuPreset.class)
                .list()
                .stream()
                .toList();
    }
}
