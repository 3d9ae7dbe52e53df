-- The report's table captions and the facts its notes state (Table 3's context, Table 5's date and elided
-- ranks), seeded from db/seed/report_tables.csv and report_facts.csv by migration 11, so no caption or
-- published fact is written into code or templates.
CREATE TABLE report_table (
    table_number INT PRIMARY KEY,
    title        VARCHAR(200) NOT NULL,
    caption      VARCHAR(1000) NOT NULL
);

CREATE TABLE report_fact (
    name   VARCHAR(100) PRIMARY KEY,
    fact   VARCHAR(200) NOT NULL,
    source VARCHAR(500) NOT NULL
);
