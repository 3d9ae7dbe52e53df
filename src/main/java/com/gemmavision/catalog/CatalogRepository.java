package com.gemmavision.catalog;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CatalogRepository {

    private final JdbcClient jdbc;

    public CatalogRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Architecture> architectures() {
        return jdbc.sql("""
                SELECT model, size_label, num_hidden_layers AS layers, hidden_size, intermediate_size,
                       num_attention_heads AS attention_heads, num_key_value_heads AS key_value_heads, head_dim,
                       sliding_window, sliding_window_pattern, global_layers, local_layers,
                       max_position_embeddings AS max_context, vocab_size, rope_theta_global, rope_theta_local,
                       rope_scaling_factor_global, has_vision_encoder, image_size, image_patch_size,
                       mm_tokens_per_image AS tokens_per_image
                FROM architecture ORDER BY sort_order""")
                .query(Architecture.class).list();
    }

    List<ModelVariant> variants() {
        return jdbc.sql("SELECT name, base_model, variant, listed, sort_order FROM model_variant ORDER BY sort_order")
                .query(ModelVariant.class).list();
    }

    List<ParameterCount> parameterCounts() {
        return jdbc.sql("""
                SELECT p.model, p.vision_encoder_params_m AS vision_encoder_m, p.embedding_params_m AS embedding_m,
                       p.non_embedding_params_m AS non_embedding_m
                FROM parameter_count p JOIN architecture a ON a.model = p.model ORDER BY a.sort_order""")
                .query(ParameterCount.class).list();
    }

    List<TrainingFacts> trainingFacts() {
        return jdbc.sql("""
                SELECT t.model, t.tpu_type, t.chips, t.data_shards, t.seq_shards, t.replica, t.training_tokens_t,
                       t.context_tokens
                FROM training_infrastructure t JOIN architecture a ON a.model = t.model ORDER BY a.sort_order""")
                .query(TrainingFacts.class).list();
    }
}
