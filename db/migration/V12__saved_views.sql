-- Team views: a named selection (main page or advisor) everyone on the server can open by its short link
-- /v/{slug}. The query is the page's canonical query string; the description says what it selects.
CREATE TABLE saved_view (
    slug        VARCHAR(16)   PRIMARY KEY,
    name        VARCHAR(120)  NOT NULL,
    note        VARCHAR(1000) NOT NULL,
    author      VARCHAR(80)   NOT NULL,
    page        VARCHAR(16)   NOT NULL,
    query       VARCHAR(4000) NOT NULL,
    description VARCHAR(2000) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX saved_view_updated ON saved_view (updated_at DESC);
