-- The document's text tokens, counted exactly with Gemma 3's tokenizer when processing finishes (null: not
-- counted, so pages show the characters-per-token estimate, labelled as such).
ALTER TABLE document ADD COLUMN text_tokens BIGINT;
