-- Who saved each team view: the saving session's owner token (the one documents use). Only that session, or a
-- request carrying the admin token (gemmavision.views.admin-token), may rename or delete the view. Views saved
-- before this column existed have no owner: only the admin token changes them.
ALTER TABLE saved_view ADD COLUMN owner VARCHAR(64);
CREATE INDEX saved_view_owner ON saved_view (owner);
