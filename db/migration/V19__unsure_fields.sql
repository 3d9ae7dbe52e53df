-- Values the rules found whose learned confidence falls below the stated threshold: kept and shown as
-- "not sure" with their value and evidence, never used as a stated field (exports, totals, comparisons).
ALTER TABLE document_field ADD COLUMN stated BOOLEAN DEFAULT TRUE NOT NULL;
