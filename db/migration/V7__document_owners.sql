-- When each document owner (a browser session's token) was last seen, so documents of users who never come
-- back are removed after gemmavision.documents.keep-for.
CREATE TABLE document_owner (
    owner      VARCHAR(36) PRIMARY KEY,
    last_seen  TIMESTAMP   NOT NULL
);
