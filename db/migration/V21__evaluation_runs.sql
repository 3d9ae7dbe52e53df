-- Bake-off runs: one row per endpoint asked in a run, with its measured speed, tokens and cost, and one row per
-- labelled field with the model's and the rules' scores side by side. Runs belong to the session's owner token,
-- as documents do, and go when the owner's documents go.
CREATE TABLE evaluation_run (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    batch_id          VARCHAR(36)    NOT NULL,
    owner             VARCHAR(36)    NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    endpoint          VARCHAR(100)   NOT NULL,
    served_model      VARCHAR(200)   NOT NULL,
    engine            VARCHAR(40)    NOT NULL,
    gemma_model       VARCHAR(40),
    format            VARCHAR(40),
    documents         INT            NOT NULL,
    failed            INT            NOT NULL,
    concurrency       INT            NOT NULL,
    wall_seconds      DOUBLE PRECISION NOT NULL,
    p50_seconds       DOUBLE PRECISION,
    p95_seconds       DOUBLE PRECISION,
    prompt_tokens     BIGINT,
    completion_tokens BIGINT,
    price_per_hour    DECIMAL(12, 4),
    first_problem     VARCHAR(300)
);
CREATE INDEX evaluation_run_owner ON evaluation_run (owner, created_at);

CREATE TABLE evaluation_field (
    run_id        BIGINT       NOT NULL REFERENCES evaluation_run (id) ON DELETE CASCADE,
    field         VARCHAR(40)  NOT NULL,
    model_right   INT          NOT NULL,
    model_wrong   INT          NOT NULL,
    model_missed  INT          NOT NULL,
    rules_right   INT          NOT NULL,
    rules_wrong   INT          NOT NULL,
    rules_missed  INT          NOT NULL,
    PRIMARY KEY (run_id, field)
);
