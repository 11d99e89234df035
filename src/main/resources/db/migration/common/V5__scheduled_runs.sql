-- The tick a scheduled run was made for (an ISO-8601 instant in UTC), so that several
-- schedulers on one shared store make one run per tick: the first to take the store's
-- run lock claims the tick, the others see it claimed and skip it. NULL for a manual run.
ALTER TABLE exchange_run ADD COLUMN scheduled_for VARCHAR(40);
CREATE UNIQUE INDEX exchange_run_scheduled_for ON exchange_run (scheduled_for);
