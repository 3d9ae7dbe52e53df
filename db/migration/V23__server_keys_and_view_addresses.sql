-- Keys the server makes at its first start and keeps: the one that signs the gv-selection cookie (so a cookie the
-- server did not write is ignored) and the one that turns a client address into a digest. Shared by every
-- instance on the database.
CREATE TABLE server_key (
    name       VARCHAR(40)  PRIMARY KEY,
    secret     VARCHAR(100) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Which client address saved each team view, as a keyed digest (never the address itself), so one address can
-- be held to gemmavision.views.max-views-per-client-per-day however many sessions it starts.
ALTER TABLE saved_view ADD COLUMN created_from VARCHAR(64);
CREATE INDEX saved_view_created_from ON saved_view (created_from, created_at);
