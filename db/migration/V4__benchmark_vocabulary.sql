-- The product's own words about benchmarks (not figures from the report), loaded by the Java migration 5.

-- One line on what each benchmark measures, shown when hovering its name.
CREATE TABLE benchmark_description (
    benchmark    VARCHAR(60)  PRIMARY KEY,
    description  VARCHAR(300) NOT NULL
);

-- Derived: which published benchmarks are averaged into each axis of the general-abilities radar chart
-- (the report publishes its Figure 2 only as a picture).
CREATE TABLE radar_axis_benchmark (
    axis          VARCHAR(30) NOT NULL,
    axis_order    INTEGER     NOT NULL,
    source_table  INTEGER     NOT NULL,
    benchmark     VARCHAR(60) NOT NULL,
    PRIMARY KEY (axis, source_table, benchmark)
);
