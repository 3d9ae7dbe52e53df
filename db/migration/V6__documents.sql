-- Uploaded documents and what was extracted from them. Owned by an owner token kept in the user's session,
-- stored in the database (not in the session blob) so they survive restarts and serve every instance.
CREATE TABLE document (
    id            VARCHAR(36)  PRIMARY KEY,
    owner         VARCHAR(36)  NOT NULL,
    filename      VARCHAR(255) NOT NULL,
    media_type    VARCHAR(40)  NOT NULL,
    size_bytes    BIGINT       NOT NULL,
    content       BYTEA        NOT NULL,
    password      VARCHAR(200),
    needs_password BOOLEAN     NOT NULL,
    status        VARCHAR(12)  NOT NULL,
    progress      DOUBLE PRECISION NOT NULL,
    stage         VARCHAR(120),
    error         VARCHAR(500),
    page_count    INTEGER,
    width_px      INTEGER,
    height_px     INTEGER,
    created_at    TIMESTAMP    NOT NULL,
    updated_at    TIMESTAMP    NOT NULL
);
CREATE INDEX document_owner_ix ON document (owner, created_at);
CREATE INDEX document_status_ix ON document (status);

CREATE TABLE document_page (
    document_id     VARCHAR(36) NOT NULL REFERENCES document (id) ON DELETE CASCADE,
    page_number     INTEGER     NOT NULL,
    text_source     VARCHAR(12) NOT NULL,
    text            TEXT        NOT NULL,
    ocr_confidence  DOUBLE PRECISION,
    width_px        INTEGER,
    height_px       INTEGER,
    PRIMARY KEY (document_id, page_number)
);

CREATE TABLE document_field (
    document_id  VARCHAR(36)  NOT NULL REFERENCES document (id) ON DELETE CASCADE,
    name         VARCHAR(30)  NOT NULL,
    field_value  VARCHAR(300) NOT NULL,
    page_number  INTEGER,
    snippet      VARCHAR(400),
    confidence   DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (document_id, name)
);

CREATE TABLE document_table (
    document_id  VARCHAR(36) NOT NULL REFERENCES document (id) ON DELETE CASCADE,
    table_index  INTEGER     NOT NULL,
    page_number  INTEGER     NOT NULL,
    csv          TEXT        NOT NULL,
    PRIMARY KEY (document_id, table_index)
);
