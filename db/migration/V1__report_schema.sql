-- Tidy tables for the numbers of the Gemma 3 Technical Report (arXiv:2503.19786v1).
-- Values the report prints are kept as printed (value_text) beside a numeric copy for charts and sums,
-- so "9.48", "102" and "143" are shown exactly as published. Portable SQL: runs on H2 and PostgreSQL.

-- Model configuration for memory maths (architecture.csv) and training facts (Table 2, section 2).
CREATE TABLE architecture (
    model                       VARCHAR(40) PRIMARY KEY,
    size_label                  VARCHAR(8)  NOT NULL,
    num_hidden_layers           INTEGER     NOT NULL,
    hidden_size                 INTEGER     NOT NULL,
    intermediate_size           INTEGER     NOT NULL,
    num_attention_heads         INTEGER     NOT NULL,
    num_key_value_heads         INTEGER     NOT NULL,
    head_dim                    INTEGER     NOT NULL,
    query_pre_attn_scalar       INTEGER     NOT NULL,
    sliding_window              INTEGER     NOT NULL,
    sliding_window_pattern      INTEGER     NOT NULL,
    global_layers               INTEGER     NOT NULL,
    local_layers                INTEGER     NOT NULL,
    max_position_embeddings     INTEGER     NOT NULL,
    vocab_size                  INTEGER     NOT NULL,
    rope_theta_global           BIGINT      NOT NULL,
    rope_theta_local            BIGINT      NOT NULL,
    rope_scaling_factor_global  INTEGER     NOT NULL,
    has_vision_encoder          BOOLEAN     NOT NULL,
    image_size                  INTEGER,
    image_patch_size            INTEGER,
    mm_tokens_per_image         INTEGER,
    sort_order                  INTEGER     NOT NULL
);

-- The names users select: PT and IT checkpoints of each Gemma 3 size.
CREATE TABLE model_variant (
    name        VARCHAR(40) PRIMARY KEY,
    base_model  VARCHAR(40) NOT NULL REFERENCES architecture (model),
    variant     VARCHAR(2)  NOT NULL,
    listed      BOOLEAN     NOT NULL,
    sort_order  INTEGER     NOT NULL
);

-- Table 1: parameter counts in millions.
CREATE TABLE parameter_count (
    model                    VARCHAR(40) PRIMARY KEY REFERENCES architecture (model),
    vision_encoder_params_m  INTEGER NOT NULL,
    embedding_params_m       INTEGER NOT NULL,
    non_embedding_params_m   INTEGER NOT NULL
);

-- Table 2 plus training tokens (section 2.2) and context (section 2).
CREATE TABLE training_infrastructure (
    model              VARCHAR(40) PRIMARY KEY REFERENCES architecture (model),
    tpu_type           VARCHAR(20) NOT NULL,
    chips              INTEGER     NOT NULL,
    data_shards        INTEGER     NOT NULL,
    seq_shards         INTEGER     NOT NULL,
    replica            INTEGER     NOT NULL,
    training_tokens_t  INTEGER     NOT NULL,
    context_tokens     INTEGER     NOT NULL
);

-- The quantization formats of Table 3, with the descriptions shown beside them.
CREATE TABLE quantization_format (
    code            VARCHAR(12)  PRIMARY KEY,
    label           VARCHAR(40)  NOT NULL,
    report_column   VARCHAR(20)  NOT NULL,
    description     VARCHAR(300) NOT NULL,
    sort_order      INTEGER      NOT NULL
);

-- Table 3: memory footprints in GB, weights only and with the KV cache at 32,768 tokens.
CREATE TABLE memory_footprint (
    model              VARCHAR(40) NOT NULL REFERENCES architecture (model),
    quant              VARCHAR(12) NOT NULL REFERENCES quantization_format (code),
    includes_kv_cache  BOOLEAN     NOT NULL,
    gb_text            VARCHAR(10) NOT NULL,
    gb                 DECIMAL(8, 2) NOT NULL,
    PRIMARY KEY (model, quant, includes_kv_cache)
);

-- Table 5: Chatbot Arena.
CREATE TABLE arena_entry (
    position          INTEGER      PRIMARY KEY,
    arena_rank        INTEGER      NOT NULL,
    model             VARCHAR(80)  NOT NULL,
    elo               INTEGER      NOT NULL,
    ci_plus           INTEGER      NOT NULL,
    ci_minus          INTEGER      NOT NULL,
    open_weights      BOOLEAN,
    architecture_kind VARCHAR(10),
    params_total      VARCHAR(10),
    params_activated  VARCHAR(10)
);

-- Tables 6 to 18 in long form: one row per published cell. "setting" holds what varies besides
-- benchmark and model (context length in Table 15, Pan & Scan in Table 8, resolution in Table 7).
CREATE TABLE benchmark_score (
    source_table  INTEGER      NOT NULL,
    benchmark     VARCHAR(60)  NOT NULL,
    model         VARCHAR(60)  NOT NULL,
    setting       VARCHAR(30)  NOT NULL,
    value_text    VARCHAR(12)  NOT NULL,
    score         DECIMAL(9, 3) NOT NULL,
    row_order     INTEGER      NOT NULL,
    column_order  INTEGER      NOT NULL,
    PRIMARY KEY (source_table, benchmark, model, setting)
);

-- Tables 19 to 21: how each benchmark was evaluated.
CREATE TABLE evaluation_setting (
    source_table      INTEGER      NOT NULL,
    model_kind        VARCHAR(2)   NOT NULL,
    benchmark         VARCHAR(60)  NOT NULL,
    metric            VARCHAR(60)  NOT NULL,
    eval_type         VARCHAR(20)  NOT NULL,
    n_shot            VARCHAR(30)  NOT NULL,
    chain_of_thought  BOOLEAN      NOT NULL,
    normalization     VARCHAR(30),
    PRIMARY KEY (source_table, benchmark)
);

-- GPU datasheet figures: starting points a user can edit, not measurements.
CREATE TABLE gpu_preset (
    gpu                     VARCHAR(60) PRIMARY KEY,
    memory_gib              INTEGER     NOT NULL,
    memory_bandwidth_gb_s   INTEGER     NOT NULL,
    bf16_dense_tflops       INTEGER,
    notes                   VARCHAR(200),
    sort_order              INTEGER     NOT NULL
);
