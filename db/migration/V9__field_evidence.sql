-- Where each field came from (text layer, OCR, embedded XML, corrected) and the checks it passed and failed,
-- one per line; and what it was before a person corrected it, with when.
ALTER TABLE document_field ADD COLUMN source VARCHAR(20);
ALTER TABLE document_field ADD COLUMN checks_passed VARCHAR(2000);
ALTER TABLE document_field ADD COLUMN checks_failed VARCHAR(2000);

-- Invoice lines of an e-invoice (from its XML).
CREATE TABLE document_line_item (
    document_id  VARCHAR(36)  NOT NULL REFERENCES document (id) ON DELETE CASCADE,
    line_index   INTEGER      NOT NULL,
    description  VARCHAR(300),
    quantity     VARCHAR(40),
    unit_price   VARCHAR(40),
    amount       VARCHAR(40),
    tax_rate     VARCHAR(20),
    PRIMARY KEY (document_id, line_index)
);

-- OCR's confidence in the least sure word of each line of a page's text (comma-separated, 0 to 100), so a
-- field read from a line OCR was unsure of is stated with less confidence, or not at all.
ALTER TABLE document_page ADD COLUMN line_confidences TEXT;

-- People's corrections of extracted fields, oldest first: the audit trail, and what is applied again when the
-- document is processed again.
CREATE TABLE document_field_correction (
    document_id     VARCHAR(36)  NOT NULL REFERENCES document (id) ON DELETE CASCADE,
    correction_no   INTEGER      NOT NULL,
    name            VARCHAR(30)  NOT NULL,
    previous_value  VARCHAR(300),
    new_value       VARCHAR(300),
    corrected_at    TIMESTAMP    NOT NULL,
    PRIMARY KEY (document_id, correction_no)
);

-- Transactions of a bank statement, each amount in the column it is printed in.
CREATE TABLE document_transaction (
    document_id  VARCHAR(36)  NOT NULL REFERENCES document (id) ON DELETE CASCADE,
    row_index    INTEGER      NOT NULL,
    booked_on    VARCHAR(10)  NOT NULL,
    description  VARCHAR(300),
    debit        VARCHAR(40),
    credit       VARCHAR(40),
    balance      VARCHAR(40),
    PRIMARY KEY (document_id, row_index)
);
