package com.gemmavision.benchmarks;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.gemmavision.database.Caches;

import org.springframework.cache.annotation.CacheConfig;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Published scores of the report's tables 6 to 18, as printed; read once into the report cache. */
@Repository
@CacheConfig(cacheNames = Caches.REPORT, keyGenerator = Caches.METHOD_KEY)
public class ScoreRepository {

    private final JdbcClient jdbc;

    public ScoreRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Cacheable
    public List<Score> table(int sourceTable) {
        return jdbc.sql("""
                SELECT source_table AS sourceTable, benchmark, model, setting, value_text AS valueText, score,
                       row_order AS rowOrder, column_order AS columnOrder
                FROM benchmark_score WHERE source_table = ? ORDER BY row_order, column_order, setting""").param(sourceTable).query(Score.class).list().stream()
                .toList();
    }

    @Cacheable
    public List<Score> all() {
        return jdbc.sql("""
                SELECT source_table AS sourceTable, benchmark, model, setting, value_text AS valueText, score,
                       row_order AS rowOrder, column_order AS columnOrder
                FROM benchmark_score ORDER BY source_table, row_order, column_order, setting""").query(Score.class).list().stream().toList();
    }

    /** Every score without a setting by table, benchmark and model: the lookups a page makes by the hundred. */
    @Cacheable
    public Map<String, Score> byKey() {
        return all().stream()
                .filter(s -> "".equals(s.setting()))
                .collect(Collectors.toUnmodifiableMap(
                        s -> key(s.sourceTable(), s.benchmark(), s.model()), Function.identity(), (a, b) -> a));
    }

    static String key(int table, String benchmark, String model) {
        return table + "|" + benchmark + "|" + model;
    }

    /** One published cell. */
    public record Score(
            int sourceTable,
            String benchmark,
            String model,
            String setting,
            String valueText,
            BigDecimal score,
            int rowOrder,
            int columnOrder) {}
}
