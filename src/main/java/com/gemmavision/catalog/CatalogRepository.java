package com.gemmavision.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.gemmavision.database.Caches;

import org.springframework.cache.annotation.CacheConfig;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The report's model tables, read once: the seed never changes while the app runs. */
@Repository
@CacheConfig(cacheNames = Caches.REPORT, keyGenerator = Caches.METHOD_KEY)
public class CatalogRepository {

    private final JdbcClient jdbc;

    public CatalogRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The catalogue with its lookups by name, as one cached value. */
    record Snapshot(
            List<Architecture> architectures,
            List<ModelVariant> variants,
            Map<String, ModelVariant> variantsByKey,
            Map<String, Architecture> architecturesByModel,
            Map<String, ParameterCount> parameters,
            Map<String, TrainingFacts> training) {}

    @Cacheable
    public Snapshot snapshot() {
        List<Architecture> architectures = architectures();
        List<ModelVariant> variants = variants();
        return new Snapshot(
                List.copyOf(architectures),
                List.copyOf(variants),
                index(variants, v -> key(v.name())),
                index(architectures, Architecture::model),
                index(parameterCounts(), ParameterCount::model),
                index(trainingFacts(), TrainingFacts::model));
    }

    private static <T> Map<String, T> index(List<T> rows, Function<T, String> key) {
        return rows.stream().collect(Collectors.toMap(key, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    List<Architecture> architectures() {
        return jdbc.sql("""
                SELECT model, size_label AS sizeLabel, num_hidden_layers AS layers, hidden_size AS hiddenSize,
                       intermediate_size AS intermediateSize,
                       num_attention_heads AS attentionHeads, num_key_value_heads AS keyValueHeads, head_dim AS headDim,
                       sliding_window AS slidingWindow, sliding_window_pattern AS slidingWindowPattern,
                       global_layers AS globalLayers, local_layers AS localLayers,
                       max_position_embeddings AS maxContext, vocab_size AS vocabSize,
                       rope_theta_global AS ropeThetaGlobal, rope_theta_local AS ropeThetaLocal,
                       rope_scaling_factor_global AS ropeScalingFactorGlobal, has_vision_encoder AS hasVisionEncoder,
                       image_size AS imageSize, image_patch_size AS imagePatchSize,
                       mm_tokens_per_image AS tokensPerImage
                FROM architecture ORDER BY sort_order""").query(Architecture.class).list();
    }

    List<ModelVariant> variants() {
        return jdbc.sql(
                        "SELECT name, base_model AS baseModel, variant, listed, sort_order AS sortOrder FROM model_variant ORDER BY sort_order")
                .query(ModelVariant.class)
                .list();
    }

    List<ParameterCount> parameterCounts() {
        return jdbc.sql("""
                SELECT p.model, p.vision_encoder_params_m AS visionEncoderM, p.embedding_params_m AS embeddingM,
                       p.non_embedding_params_m AS nonEmbeddingM
                FROM parameter_count p JOIN architecture a ON a.model = p.model ORDER BY a.sort_order""").query(ParameterCount.class).list();
    }

    List<TrainingFacts> trainingFacts() {
        return jdbc.sql("""
                SELECT t.model, t.tpu_type AS tpuType, t.chips, t.data_shards AS dataShards, t.seq_shards AS seqShards,
                       t.replica, t.training_tokens_t AS trainingTokensT,
                       t.context_tokens AS contextTokens
                FROM training_infrastructure t JOIN architecture a ON a.model = t.model ORDER BY a.sort_order""").query(TrainingFacts.class).list();
    }
}
