package com.gemmavision.memory;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class MemoryRepository {

    private final JdbcClient jdbc;

    public MemoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<QuantizationFormat> formats() {
        return jdbc.sql("SELECT code, label, report_column AS reportColumn, description, sort_order AS sortOrder FROM quantization_format"
                        + " ORDER BY sort_order")
                .query(QuantizationFormat.class).list();
    }

    List<MemoryFootprint> footprints() {
        return jdbc.sql("""
                SELECT m.model, m.quant, m.includes_kv_cache AS includesKvCache, m.gb_text AS gbText, m.gb
                FROM memory_footprint m
                JOIN architecture a ON a.model = m.model
                JOIN quantization_format q ON q.code = m.quant
                ORDER BY a.sort_order, m.includes_kv_cache, q.sort_order""")
                .query(MemoryFootprint.class).list();
    }
}
