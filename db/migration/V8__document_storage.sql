-- Uploaded bytes live apart from the document row that every progress update rewrites: written once, in
-- chunks of at most 256 KiB, at upload; streamed out chunk by chunk; removed with the document.
CREATE TABLE document_content (
    document_id  VARCHAR(36) NOT NULL REFERENCES document (id) ON DELETE CASCADE,
    chunk_index  INTEGER     NOT NULL,
    bytes        BYTEA       NOT NULL,
    PRIMARY KEY (document_id, chunk_index)
);
INSERT INTO document_content (document_id, chunk_index, bytes) SELECT id, 0, content FROM document;
ALTER TABLE document DROP COLUMN content;

-- PDF passwords are no longer kept in plain text: sealed (AES-GCM) with a key from configuration.
ALTER TABLE document DROP COLUMN password;
ALTER TABLE document ADD COLUMN password_sealed VARCHAR(1200);

-- Processing state: which instance holds a claim and when it last said it was alive (a claim expires when
-- the heartbeat stops), how many runs a document has had (a poison document fails after a few), and how many
-- pages are read already (a long document gives way to other users' work and resumes where it stopped).
ALTER TABLE document ADD COLUMN claimed_by VARCHAR(36);
ALTER TABLE document ADD COLUMN heartbeat_at TIMESTAMP;
ALTER TABLE document ADD COLUMN attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE document ADD COLUMN pages_done INTEGER DEFAULT 0 NOT NULL;

-- Round robin across users: whose work was started last.
ALTER TABLE document_owner ADD COLUMN last_claimed_at TIMESTAMP;

-- A row the health check writes, so a database that can no longer write reports DOWN.
CREATE TABLE health_probe (
    id          INTEGER   PRIMARY KEY,
    checked_at  TIMESTAMP NOT NULL
);
INSERT INTO health_probe (id, checked_at) VALUES (1, CURRENT_TIMESTAMP);

-- Why a page has less than it could (no OCR on this server, an image too large to decode safely).
ALTER TABLE document_page ADD COLUMN note VARCHAR(300);
