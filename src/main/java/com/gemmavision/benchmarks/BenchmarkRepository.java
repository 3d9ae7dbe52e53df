package com.gemmavision.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.gemmavision.database.Caches;

import org.springframework.cache.annotation.CacheConfig;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The report's tables around the scores: the Chatbot Arena (Table 5), the evaluation settings (Tables 19 to 21),
 * benchmark descriptions and the derived radar axis mapping. Read once into the report cache.
 */
@Repository
@CacheConfig(cacheNames = Caches.REPORT, keyGenerator = Caches.METHOD_KEY)
public class BenchmarkRepository {

    private final JdbcClient jdbc;

    public BenchmarkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Cacheable
    public List<ArenaEntry> arena() {
        return List.copyOf(jdbc.sql(
                        "SELECT position, arena_rank AS arenaRank, model, elo, ci_plus AS ciPlus,"
                                + " ci_minus AS ciMinus, open_weights AS openWeights, architecture_kind AS architectureKind,"
                                + " params_total AS paramsTotal, params_activated AS paramsActivated FROM arena_entry ORDER BY position")
                .query(ArenaEntry.class)
                .list());
    }

    @Cacheable
    public List<AbilityRadar.AxisBenchmark> radarMapping() {
        return List.copyOf(jdbc.sql("SELECT axis, axis_order AS axisOrder, source_table AS sourceTable, benchmark"
                        + " FROM radar_axis_benchmark ORDER BY axis_order, source_table, benchmark")
                .query(AbilityRadar.AxisBenchmark.class)
                .list());
    }

    @Cacheable
    public Map<String, String> descriptions() {
        return Map.copyOf(jdbc
                .sql("SELECT benchmark, description FROM benchmark_description")
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a)));
    }

    @Cacheable
    public List<BenchmarkVocabulary.EvaluationSetting> settings() {
        return List.copyOf(jdbc.sql("SELECT source_table AS sourceTable, model_kind AS modelKind, benchmark, metric,"
                        + " eval_type AS evalType, n_shot AS nShot, chain_of_thought AS chainOfThought, normalization"
                        + " FROM evaluation_setting ORDER BY source_table, benchmark")
                .query(BenchmarkVocabulary.EvaluationSetting.class)
                .list());
    }
}
