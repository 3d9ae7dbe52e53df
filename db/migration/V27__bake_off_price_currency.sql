-- Issue 30.5: money names its currency. A bake-off's GPU price is typed in a currency (the workload page's list);
-- its cost per 1,000 documents is in that currency, on the page and in the runs CSV. Runs stored before have none.
ALTER TABLE evaluation_run ADD COLUMN price_currency VARCHAR(3);
