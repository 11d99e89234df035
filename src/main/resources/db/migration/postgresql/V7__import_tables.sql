-- Faster reports from a large store (issue 4). The report tables an import counted while
-- it read its rows (ReportTablesCodec: counters and histograms, deflated), so that the
-- reports take them instead of reading its records back; the records later imports
-- replaced are then taken out of them. They stand for the import only while it is
-- COMPLETED with exactly `records` accepted records; otherwise its records are read.
CREATE TABLE import_tables (
	import_id BIGINT NOT NULL PRIMARY KEY,
	records BIGINT NOT NULL,
	tables BYTEA NOT NULL
);
