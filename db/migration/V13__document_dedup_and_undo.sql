-- An upload's SHA-256, so the same file sent twice by one user is recognised and kept once; and when a
-- document was removed, so the removal can be undone for a while before the row and its results go.
ALTER TABLE document ADD COLUMN sha256 VARCHAR(64);
ALTER TABLE document ADD COLUMN removed_at TIMESTAMP;
CREATE INDEX document_sha_ix ON document (owner, sha256);
CREATE INDEX document_removed_ix ON document (removed_at);
