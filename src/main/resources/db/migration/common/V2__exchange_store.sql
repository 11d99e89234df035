-- The exchange store (SPEC §4). Portable SQL: the same script serves every database.

-- One row per import attempt of one file content. import_id is the Spring Batch job
-- instance id, so a restarted import keeps its id and its already committed chunks.
CREATE TABLE import_file (
	import_id BIGINT NOT NULL PRIMARY KEY,
	run_id BIGINT,
	file_name VARCHAR(1000) NOT NULL,
	file_path VARCHAR(4000) NOT NULL,
	sha256 CHAR(64) NOT NULL,
	status VARCHAR(20) NOT NULL,
	import_order BIGINT,
	started_at TIMESTAMP NOT NULL,
	finished_at TIMESTAMP,
	rows_read BIGINT DEFAULT 0 NOT NULL,
	accepted BIGINT DEFAULT 0 NOT NULL,
	rejected BIGINT DEFAULT 0 NOT NULL,
	updated BIGINT DEFAULT 0 NOT NULL,
	message VARCHAR(4000)
);
CREATE INDEX import_file_sha256 ON import_file (sha256, status);
CREATE INDEX import_file_name ON import_file (file_name, status);

-- Accepted records, staged per import. A record is visible to reports when its import
-- is COMPLETED and no later completed import replaced it (superseded). Publishing an
-- import therefore flips flags instead of copying rows.
CREATE TABLE exchange_record (
	import_id BIGINT NOT NULL,
	record_id VARCHAR(64) NOT NULL,
	line_number BIGINT NOT NULL,
	exchange_date DATE NOT NULL,
	agreement VARCHAR(200) NOT NULL,
	stage INT NOT NULL,
	side VARCHAR(8) NOT NULL,
	category VARCHAR(16) NOT NULL,
	service_branch VARCHAR(100),
	rank_group VARCHAR(16),
	age INT,
	captured_on DATE,
	capture_place VARCHAR(200),
	conditions INT DEFAULT 0 NOT NULL,
	severity VARCHAR(16),
	superseded BOOLEAN DEFAULT FALSE NOT NULL,
	PRIMARY KEY (import_id, record_id)
);
CREATE INDEX exchange_record_id ON exchange_record (record_id);

-- Rejected rows of each import attempt, in line order.
CREATE TABLE rejected_row (
	import_id BIGINT NOT NULL,
	line_number BIGINT NOT NULL,
	record_id VARCHAR(20000) NOT NULL,
	reasons VARCHAR(2000) NOT NULL,
	raw VARCHAR(1000000) NOT NULL,
	PRIMARY KEY (import_id, line_number)
);

-- One row per run of the run command, for history.
CREATE TABLE exchange_run (
	run_id BIGINT NOT NULL PRIMARY KEY,
	started_at TIMESTAMP NOT NULL,
	finished_at TIMESTAMP,
	status VARCHAR(20) NOT NULL,
	inputs VARCHAR(10000) NOT NULL,
	files_imported INT DEFAULT 0 NOT NULL,
	files_skipped INT DEFAULT 0 NOT NULL,
	files_failed INT DEFAULT 0 NOT NULL,
	rows_read BIGINT DEFAULT 0 NOT NULL,
	accepted BIGINT DEFAULT 0 NOT NULL,
	rejected BIGINT DEFAULT 0 NOT NULL,
	updated BIGINT DEFAULT 0 NOT NULL,
	message VARCHAR(4000)
);
