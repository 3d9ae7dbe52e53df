-- Issue 29.3: documents a server read only in part (it counted clearly fewer prompt tokens than the app sent, as
-- Ollama does when it cuts a prompt to its context) are counted per run and kept out of its accuracy figures;
-- notes say what else the run met (a server asked again without response_format, usage ignored as absurd).
ALTER TABLE evaluation_run ADD COLUMN truncated_documents INT DEFAULT 0 NOT NULL;
ALTER TABLE evaluation_run ADD COLUMN notes VARCHAR(600);

-- Issue 29.9: a bake-off is stored when it starts, and its runner marks it alive every few seconds, so a page
-- opened after a restart (or on another instance) can tell running from stopped, and name the servers that never
-- finished.
CREATE TABLE evaluation_batch (
    id           VARCHAR(36)    PRIMARY KEY,
    owner        VARCHAR(36)    NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at     TIMESTAMP WITH TIME ZONE,
    state        VARCHAR(10)    NOT NULL,
    documents    INT            NOT NULL,
    asked        INT            NOT NULL,
    endpoints    VARCHAR(10000) NOT NULL,
    error        VARCHAR(400)
);
CREATE INDEX evaluation_batch_owner ON evaluation_batch (owner, started_at);
