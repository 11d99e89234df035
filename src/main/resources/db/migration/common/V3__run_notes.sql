-- What history shows beside a run's status, such as imports it restarted.
ALTER TABLE exchange_run ADD COLUMN notes VARCHAR(4000);
