package org.coordination.exchange.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store written before V6 marked replaced records in their own rows; V6 lists them in
 * {@code superseded_record}. The store shows the same records after the migration, and a
 * withdrawal still undoes a publish made before it.
 */
class SupersededRecordMigrationTests {

	@TempDir
	Path dir;

	@Test
	void replacedRecordsOfAnOlderStoreStayReplaced() {
		SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
				"jdbc:h2:file:" + this.dir.resolve("exchanges").toAbsolutePath(), "sa", "");
		flyway(dataSource).target("5").load().migrate();
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		// one run per import
		for (int importId = 1; importId <= 2; importId++) {
			jdbc.update("INSERT INTO exchange_run (run_id, started_at, status, inputs) VALUES (?, CURRENT_TIMESTAMP, "
					+ "'COMPLETED', ?)", importId, "f" + importId + ".csv");
			jdbc.update(
					"INSERT INTO import_file (import_id, run_id, file_name, file_path, sha256, status, import_order, "
							+ "started_at, accepted) VALUES (?, ?, ?, ?, ?, 'COMPLETED', ?, CURRENT_TIMESTAMP, 3)",
					importId, importId, "f" + importId + ".csv", "/in/f" + importId + ".csv",
					String.valueOf(importId).repeat(64), importId);
		}
		// A-1 replaced by import 2, A-3 replaced before V4 by an import no longer known
		// (0)
		record(jdbc, 1, 2, "A-1", 2L);
		record(jdbc, 1, 3, "A-2", null);
		record(jdbc, 1, 4, "A-3", 0L);
		record(jdbc, 2, 2, "A-1", null);

		flyway(dataSource).load().migrate();

		assertThat(jdbc.queryForList("SELECT row_key || ' ' || superseded_by FROM superseded_record ORDER BY row_key",
				String.class))
			.containsExactly(RowKeys.of(1, 2) + " 2", RowKeys.of(1, 4) + " 0");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS "
				+ "WHERE TABLE_NAME = 'EXCHANGE_RECORD' AND COLUMN_NAME = 'SUPERSEDED_BY'", Integer.class))
			.isZero();
		StoredRecords stored = new StoredRecords(jdbc);
		assertThat(visible(stored)).containsExactly("A-1 from import 2", "A-2 from import 1");

		assertThat(new ImportStore(jdbc).revertRun(2)).isEqualTo(1);

		// the copy import 2 replaced is back; the one replaced by an unknown import is
		// not
		assertThat(visible(stored)).containsExactly("A-1 from import 1", "A-2 from import 1");
		assertThat(jdbc.queryForList("SELECT superseded_by FROM superseded_record", Long.class)).containsExactly(0L);
	}

	private static FluentConfiguration flyway(SimpleDriverDataSource dataSource) {
		return Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration/common", "classpath:db/migration/h2");
	}

	/** A record whose stage is its import's id, so the reports tell the copies apart. */
	private static void record(JdbcTemplate jdbc, long importId, long line, String recordId, Long supersededBy) {
		jdbc.update(
				"INSERT INTO exchange_record (row_key, import_id, record_id, line_number, exchange_date, agreement, "
						+ "stage, side, category, superseded_by) VALUES (?, ?, ?, ?, DATE '2025-06-02', 'Istanbul', ?, 'UA', "
						+ "'MILITARY', ?)",
				RowKeys.of(importId, line), importId, recordId, line, importId, supersededBy);
	}

	private static List<String> visible(StoredRecords stored) {
		List<String> records = new ArrayList<>();
		stored.forEachVisibleRecordByRecordId(
				(record) -> records.add(record.recordId() + " from import " + record.stage()));
		return records;
	}

}
