-- Faster publishing (issue 4). The records a later import replaced are listed in a narrow
-- table of their own instead of being marked in their wide exchange_record rows: H2
-- updates a row as a delete and an insert in both of the table's B-trees, so marking a
-- record cost more than inserting it, and a publish that replaced 250,000 records took
-- more than twice as long. A record is visible when its import is COMPLETED and it is not
-- listed here; superseded_by names the import that replaced it, so that a withdrawn
-- publish is undone exactly.
CREATE TABLE superseded_record (
	row_key BIGINT NOT NULL PRIMARY KEY,
	superseded_by BIGINT NOT NULL
);
INSERT INTO superseded_record (row_key, superseded_by)
	SELECT row_key, superseded_by FROM exchange_record WHERE superseded_by IS NOT NULL;
-- finds the records a withdrawn import had replaced
CREATE INDEX superseded_record_by ON superseded_record (superseded_by);
ALTER TABLE exchange_record DROP COLUMN superseded_by;
