package org.coordination.exchange.store;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.coordination.exchange.Checkpoints;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life of one file's import in the store (SPEC §4): begun, staged chunk by chunk by
 * {@link JdbcExchangeRecordWriter}, then published (all its records visible at once) or
 * failed (none visible).
 */
@Component
public class ImportStore {

	static final String COMPLETED = "COMPLETED";

	static final String STARTED = "STARTED";

	static final String FAILED = "FAILED";

	/** Published, then withdrawn because the run's reports could not be written. */
	static final String REVERTED = "REVERTED";

	private static final int SUPERSEDE_BATCH = 1000;

	private static final int MAX_LISTED_IMPORTS = 1000;

	private final JdbcTemplate jdbc;

	public ImportStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The name of the file under which this content was already imported, if any. */
	public Optional<String> completedFileWithSha256(String sha256) {
		List<String> names = this.jdbc.queryForList(
				"SELECT file_name FROM import_file WHERE sha256 = ? AND status = ? ORDER BY import_order", String.class,
				sha256, COMPLETED);
		return names.stream().findFirst();
	}

	/**
	 * Records the start of an import; a restarted import keeps its row and its chunks.
	 */
	public void begin(long importId, long runId, Path file, String sha256) {
		int updated = this.jdbc.update("UPDATE import_file SET run_id = ?, status = ? WHERE import_id = ?", runId,
				STARTED, importId);
		if (updated == 0) {
			this.jdbc.update(
					"INSERT INTO import_file (import_id, run_id, file_name, file_path, sha256, status, started_at) "
							+ "VALUES (?, ?, ?, ?, ?, ?, ?)",
					importId, runId, file.getFileName().toString(), file.toString(), sha256, STARTED,
					Timestamp.from(Instant.now()));
		}
	}

	/**
	 * Streams the ids accepted so far by this import, to rebuild duplicate detection on
	 * restart.
	 */
	public void forEachAcceptedId(long importId, Consumer<String> action) {
		this.jdbc.query("SELECT record_id FROM exchange_record WHERE row_key BETWEEN ? AND ?",
				(ResultSet rs) -> action.accept(rs.getString(1)), RowKeys.first(importId), RowKeys.last(importId));
	}

	/** Whether this import has staged a record with this id in a committed chunk. */
	public boolean hasAccepted(long importId, String recordId) {
		// the import by its key range: answered from the record_id index alone
		return count("SELECT COUNT(*) FROM exchange_record WHERE record_id = ? AND row_key BETWEEN ? AND ?", recordId,
				RowKeys.first(importId), RowKeys.last(importId)) > 0;
	}

	private long acceptedCount(long importId) {
		return count("SELECT COUNT(*) FROM exchange_record WHERE row_key BETWEEN ? AND ?", RowKeys.first(importId),
				RowKeys.last(importId));
	}

	public long rejectedCount(long importId) {
		return count("SELECT COUNT(*) FROM rejected_row WHERE import_id = ?", importId);
	}

	/**
	 * Makes an import's records visible, replacing records with the same id, in one
	 * transaction: before it commits reports see none of the file, after it all of it.
	 * @param runId the run that publishes it: the one whose reports show it first
	 * @param rowsRead the records read from the file, each staged as accepted or rejected
	 * @return the counts of the import
	 */
	@Transactional
	public ImportCounts publish(long importId, long runId, long rowsRead) {
		// a staged import that an earlier run did not publish belongs to this run now
		this.jdbc.update("UPDATE import_file SET run_id = ? WHERE import_id = ?", runId, importId);
		long updated = supersedeEarlierCopies(importId);
		Checkpoints.reach("publish");
		// every record read was staged, accepted or rejected: the accepted ones need no
		// count, which would read all of them again (a second per million on H2)
		long rejected = rejectedCount(importId);
		ImportCounts counts = new ImportCounts(rowsRead, rowsRead - rejected, rejected, updated);
		finish(importId, COMPLETED, counts, null);
		return counts;
	}

	/**
	 * Withdraws the imports a run published, latest first, in one transaction: the
	 * records they replaced are visible again and theirs are not, so the store is as
	 * before the run (used when its reports could not be written). Their staged rows
	 * stay: the next run publishes them again without reading the files.
	 * @return how many imports were withdrawn
	 */
	@Transactional
	public int revertRun(long runId) {
		List<Long> published = this.jdbc.queryForList(
				"SELECT import_id FROM import_file WHERE run_id = ? AND status = ? ORDER BY import_order DESC",
				Long.class, runId, COMPLETED);
		for (long importId : published) {
			this.jdbc.update("DELETE FROM superseded_record WHERE superseded_by = ?", importId);
			this.jdbc.update("UPDATE import_file SET status = ?, message = ? WHERE import_id = ?", REVERTED,
					"withdrawn: the run's reports could not be written", importId);
		}
		return published.size();
	}

	/**
	 * Lists the visible records that this import replaces in {@code superseded_record}.
	 * On H2, one statement joins the import's records to the visible ones by the
	 * {@code record_id} index: a publish of 250,000 new ids took 0.6-1.1 s instead of 2-3
	 * s as a statement per id. Elsewhere, a thousand ids per JDBC batch: PostgreSQL,
	 * whose statistics still describe the table before the import, planned the join so
	 * badly that a 250,000-row publish took 78 s instead of 3. Never a subquery on the
	 * same tables: they change with every row listed, so H2 would run the subquery again
	 * for each, quadratic in the ids.
	 */
	private long supersedeEarlierCopies(long importId) {
		// only records of visible imports are listed: a failed or unfinished import's
		// rows are not, so if it is published later its records replace these.
		// Imports of the same run may be staging meanwhile; they are never in this list.
		// Named here rather than by a subquery, which H2 would run again for every row.
		List<Long> visible = this.jdbc
			.queryForList("SELECT import_id FROM import_file WHERE status = ? AND accepted > 0", Long.class, COMPLETED);
		if (visible.isEmpty()) {
			// nothing visible, nothing to replace (the first import of a store)
			return 0;
		}
		String whichImports = (visible.size() <= MAX_LISTED_IMPORTS) ? "(" + placeholders(visible.size()) + ")"
				: "(SELECT import_id FROM import_file WHERE status = 'COMPLETED' AND accepted > 0)";
		List<Object> listed = (visible.size() <= MAX_LISTED_IMPORTS) ? List.copyOf(visible) : List.of();
		if (isH2()) {
			// the import's ids are unique, so each visible record is listed once
			List<Object> parameters = new ArrayList<>(
					List.of(importId, RowKeys.first(importId), RowKeys.last(importId)));
			parameters.addAll(listed);
			// r's import from its key, not its import_id column: H2 then takes r from the
			// record_id index entry (id and key) without reading r's row, which made the
			// join 2.3 times as fast for 250,000 new ids with 390,000 visible copies
			return this.jdbc.update("INSERT INTO superseded_record (row_key, superseded_by) SELECT r.row_key, ? "
					+ "FROM exchange_record n JOIN exchange_record r ON r.record_id = n.record_id "
					+ "WHERE n.row_key BETWEEN ? AND ? AND " + RowKeys.importIdSql("r.row_key") + " IN " + whichImports
					+ " AND NOT EXISTS (SELECT 1 FROM superseded_record s WHERE s.row_key = r.row_key)",
					parameters.toArray());
		}
		List<String> ids = new ArrayList<>(SUPERSEDE_BATCH);
		long[] updated = { 0 };
		this.jdbc.query("SELECT record_id FROM exchange_record WHERE row_key BETWEEN ? AND ?", (ResultSet rs) -> {
			ids.add(rs.getString(1));
			if (ids.size() == SUPERSEDE_BATCH) {
				updated[0] += supersede(importId, whichImports, listed, ids);
				ids.clear();
			}
		}, RowKeys.first(importId), RowKeys.last(importId));
		if (!ids.isEmpty()) {
			updated[0] += supersede(importId, whichImports, listed, ids);
		}
		return updated[0];
	}

	/**
	 * One statement per id, sent as one JDBC batch: each finds its rows through the
	 * {@code record_id} index (an {@code IN} list of many ids is checked value by value
	 * against every row found, a thousand times the work).
	 */
	private int supersede(long importId, String whichImports, List<Object> listed, List<String> ids) {
		int[][] counts = this.jdbc.batchUpdate("INSERT INTO superseded_record (row_key, superseded_by) "
				+ "SELECT r.row_key, ? FROM exchange_record r WHERE r.record_id = ? AND NOT EXISTS "
				+ "(SELECT 1 FROM superseded_record s WHERE s.row_key = r.row_key) AND r.import_id IN " + whichImports,
				ids, ids.size(), (ps, id) -> {
					ps.setLong(1, importId);
					ps.setString(2, id);
					for (int i = 0; i < listed.size(); i++) {
						ps.setObject(3 + i, listed.get(i));
					}
				});
		int updated = 0;
		for (int[] batch : counts) {
			for (int count : batch) {
				updated += count;
			}
		}
		return updated;
	}

	private boolean isH2() {
		return Boolean.TRUE.equals(this.jdbc.execute((ConnectionCallback<Boolean>) Databases::isH2));
	}

	private static String placeholders(int count) {
		return String.join(", ", Collections.nCopies(count, "?"));
	}

	/**
	 * Marks an import failed: none of its records become visible; its rejected rows are
	 * still reported. Its staged rows stay, so a restart of the same import can resume.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public ImportCounts fail(long importId, long rowsRead, String message) {
		ImportCounts counts = new ImportCounts(rowsRead, acceptedCount(importId), rejectedCount(importId), 0);
		finish(importId, FAILED, counts, message);
		return counts;
	}

	/** The counts an import recorded when it finished, if it did. */
	public Optional<ImportCounts> counts(long importId) {
		return this.jdbc
			.query("SELECT rows_read, accepted, rejected, updated FROM import_file WHERE import_id = ? "
					+ "AND finished_at IS NOT NULL",
					(rs, i) -> new ImportCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)), importId)
			.stream()
			.findFirst();
	}

	private void finish(long importId, String status, ImportCounts counts, String message) {
		long order = count("SELECT COALESCE(MAX(import_order), 0) + 1 FROM import_file WHERE import_id <> ?", importId);
		this.jdbc.update(
				"UPDATE import_file SET status = ?, import_order = ?, finished_at = ?, rows_read = ?, accepted = ?, "
						+ "rejected = ?, updated = ?, message = ? WHERE import_id = ?",
				status, order, Timestamp.from(Instant.now()), counts.rowsRead(), counts.accepted(), counts.rejected(),
				counts.updated(), message, importId);
	}

	private long count(String sql, Object... args) {
		Long value = this.jdbc.queryForObject(sql, Long.class, args);
		return (value != null) ? value : 0;
	}

	/**
	 * What one import did.
	 *
	 * @param rowsRead data rows read
	 * @param accepted rows accepted (corrections included)
	 * @param rejected rows rejected
	 * @param updated accepted rows that replaced a record already in the store
	 */
	public record ImportCounts(long rowsRead, long accepted, long rejected, long updated) {

	}

}
