package com.gemmavision.workload;

import java.util.List;

import com.gemmavision.database.Caches;

import org.springframework.cache.annotation.CacheConfig;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The published throughput measurements, read once into the report cache. */
@Repository
@CacheConfig(cacheNames = Caches.REPORT, keyGenerator = Caches.METHOD_KEY)
public class MeasurementRepository {

    private final JdbcClient jdbc;

    public MeasurementRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Cacheable
    public List<Measurement> all() {
        return jdbc.sql("""
                SELECT id, gpu, memory_bandwidth_gb_s AS memoryBandwidthGbS, engine, model, quant, batch,
                       context_tokens AS contextTokens, decode_tokens_per_s AS decodeTokensPerSecond, setup, reading,
                       source, published
                FROM throughput_measurement ORDER BY id""").query(Measurement.class).list();
    }
}
