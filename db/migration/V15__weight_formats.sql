-- Formats people download besides the report's four (loaded by the Java migration 16 from
-- db/seed/weight_formats.csv): bits per weight of each part, the tensors kept in higher precision, the engines
-- that load the format, and where each figure comes from.
CREATE TABLE weight_format (
    code             VARCHAR(20)   PRIMARY KEY,
    label            VARCHAR(60)   NOT NULL,
    engines          VARCHAR(200)  NOT NULL,
    body_bits        DECIMAL(8, 5) NOT NULL,
    embedding_bits   DECIMAL(8, 5) NOT NULL,
    vision_bits      DECIMAL(8, 5) NOT NULL,
    upgraded_tensors VARCHAR(60),
    upgraded_bits    DECIMAL(8, 5),
    kept_higher      VARCHAR(300)  NOT NULL,
    source           VARCHAR(500)  NOT NULL,
    sort_order       INTEGER       NOT NULL
);
