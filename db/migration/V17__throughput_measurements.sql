-- Published decode speeds of Gemma 3 (loaded by the Java migration 18 from db/seed/throughput_measurements.csv):
-- what calibrates the advisor's typical throughput range against its bandwidth bound.
CREATE TABLE throughput_measurement (
    id                      INTEGER       PRIMARY KEY,
    gpu                     VARCHAR(60)   NOT NULL,
    memory_bandwidth_gb_s   INTEGER       NOT NULL,
    engine                  VARCHAR(30)   NOT NULL,
    model                   VARCHAR(40)   NOT NULL,
    quant                   VARCHAR(20)   NOT NULL,
    batch                   INTEGER       NOT NULL,
    context_tokens          INTEGER       NOT NULL,
    decode_tokens_per_s     DECIMAL(10, 2) NOT NULL,
    setup                   VARCHAR(300)  NOT NULL,
    reading                 VARCHAR(300),
    source                  VARCHAR(300)  NOT NULL,
    published               VARCHAR(20)   NOT NULL
);
