package com.gemmavision.memory;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.gemmavision.database.Caches;

import org.springframework.cache.annotation.CacheConfig;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The quantization formats and Table 3, read once into the report cache. */
@Repository
@CacheConfig(cacheNames = Caches.REPORT, keyGenerator = Caches.METHOD_KEY)
public class MemoryRepository {

    private final JdbcClient jdbc;

    public MemoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Cacheable
    public List<QuantizationFormat> formats() {
        return jdbc
                .sql(
                        "SELECT code, label, report_column AS reportColumn, description, sort_order AS sortOrder FROM quantization_format"
                                + " ORDER BY sort_order")
                .query(QuantizationFormat.class)
                .list()
                .stream()
                .toList();
    }

    /** The download formats of weight_formats.csv, in their order. */
    @Cacheable
    public List<WeightFormat> weightFormats() {
        return jdbc.sql("""
                SELECT code, label, engines, body_bits, embedding_bits, vision_bits, upgraded_tensors, upgraded_bits,
                       kept_higher, source, sort_order
                FROM weight_format ORDER BY sort_order""")
                .query((rs, row) -> new WeightFormat(
                        rs.getString("code"),
                        rs.getString("label"),
                        Arrays.stream(rs.getString("engines").split(";"))
                                .map(code -> Engine.byCode(code).orElseThrow())
                                .toList(),
                        rs.getDouble("body_bits"),
                        rs.getDouble("embedding_bits"),
                        rs.getDouble("vision_bits"),
                        rs.getString("upgraded_tensors") == null
                                ? List.of()
                                : List.of(rs.getString("upgraded_tensors").split(";")),
                        rs.getObject("upgraded_bits") == null ? null : rs.getDouble("upgraded_bits"),
                        rs.getString("kept_higher"),
                        rs.getString("source"),
                        rs.getInt("sort_order")))
                .list();
    }

    /** Table 3's cells by model, format and whether the KV cache is included ({@link #key}). */
    @Cacheable
    public Map<String, MemoryFootprint> footprints() {
        return jdbc.sql("""
                SELECT m.model, m.quant, m.includes_kv_cache AS includesKvCache, m.gb_text AS gbText, m.gb
                FROM memory_footprint m
                JOIN architecture a ON a.model = m.model
                JOIN quantization_format q ON q.code = m.quant
                ORDER BY a.sort_order, m.includes_kv_cache, q.sort_order""").query(MemoryFootprint.class).list().stream()
                .collect(Collectors.toMap(
                        f -> key(f.model(), f.quant(), f.includesKvCache()),
                        Function.identity(),
                        (a, b) -> a,
                        LinkedHashMap::new));
    }

    static String key(String model, String quant, boolean kv) {
        return model + '|' + quant + '|' + kv;
    }
}
