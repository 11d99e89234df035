package org.coordination.exchange.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The list of past runs that {@code history} shows. */
@Component
public class RunHistory {

	private final JdbcTemplate jdbc;

	public RunHistory(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Records a run as started and returns its id. */
	public long start(Instant startedAt, String inputs) {
		return start(startedAt, inputs, null);
	}

	/**
	 * Records a run as started and returns its id; a scheduled run names its tick, which
	 * no other run may claim (see {@link #tickClaimed}). Callers hold the run lock.
	 */
	public long start(Instant startedAt, String inputs, Instant scheduledFor) {
		Long id = this.jdbc.queryForObject("SELECT COALESCE(MAX(run_id), 0) + 1 FROM exchange_run", Long.class);
		this.jdbc.update(
				"INSERT INTO exchange_run (run_id, started_at, status, inputs, scheduled_for) VALUES (?, ?, ?, ?, ?)",
				id, Timestamp.from(startedAt), "STARTED", inputs,
				(scheduledFor != null) ? scheduledFor.toString() : null);
		return id;
	}

	/** Whether a run was already made for this tick of the schedule, by any process. */
	public boolean tickClaimed(Instant scheduledFor) {
		Long runs = this.jdbc.queryForObject("SELECT COUNT(*) FROM exchange_run WHERE scheduled_for = ?", Long.class,
				scheduledFor.toString());
		return runs != null && runs > 0;
	}

	public void finish(long runId, RunRecord run) {
		this.jdbc.update(
				"UPDATE exchange_run SET finished_at = ?, status = ?, files_imported = ?, files_skipped = ?, "
						+ "files_failed = ?, rows_read = ?, accepted = ?, rejected = ?, updated = ?, message = ?, "
						+ "notes = ? WHERE run_id = ?",
				Timestamp.from(run.finishedAt()), run.status(), run.filesImported(), run.filesSkipped(),
				run.filesFailed(), run.rowsRead(), run.accepted(), run.rejected(), run.updated(), run.message(),
				run.notes(), runId);
	}

	/**
	 * Marks runs that a dead process left unfinished: only one run uses the store at a
	 * time, so a run still STARTED when another begins was interrupted.
	 * @return the ids of those runs
	 */
	public List<Long> markInterrupted() {
		List<Long> ids = this.jdbc.queryForList("SELECT run_id FROM exchange_run WHERE status = 'STARTED'", Long.class);
		if (!ids.isEmpty()) {
			this.jdbc.update("UPDATE exchange_run SET status = 'INTERRUPTED', "
					+ "message = 'the process ended before the run finished' WHERE status = 'STARTED'");
		}
		return ids;
	}

	/** The last {@code limit} runs, newest first. */
	public List<RunRecord> last(int limit) {
		return this.jdbc.query("SELECT run_id, started_at, finished_at, status, inputs, files_imported, "
				+ "files_skipped, files_failed, rows_read, accepted, rejected, updated, message, notes FROM exchange_run "
				+ "ORDER BY run_id DESC FETCH FIRST " + limit + " ROWS ONLY", (rs, i) -> {
					Timestamp finished = rs.getTimestamp(3);
					return new RunRecord(rs.getLong(1), rs.getTimestamp(2).toInstant(),
							(finished != null) ? finished.toInstant() : null, rs.getString(4), rs.getString(5),
							rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getLong(9), rs.getLong(10), rs.getLong(11),
							rs.getLong(12), rs.getString(13), rs.getString(14));
				});
	}

	/**
	 * One run as history shows it.
	 *
	 * @param runId run number
	 * @param startedAt when it started
	 * @param finishedAt when it ended, {@code null} if it never did (killed)
	 * @param status {@code COMPLETED}, {@code FAILED}, {@code STOPPED} (on a stop
	 * signal), {@code INTERRUPTED} (the process died) or {@code STARTED} (running)
	 * @param inputs the input paths it was given
	 * @param filesImported files imported
	 * @param filesSkipped files skipped as already imported
	 * @param filesFailed files that failed
	 * @param rowsRead data rows read
	 * @param accepted rows accepted
	 * @param rejected rows rejected
	 * @param updated records replaced by a correction
	 * @param message why it failed, or {@code null}
	 * @param notes what else history shows, such as restarted imports, or {@code null}
	 */
	public record RunRecord(long runId, Instant startedAt, Instant finishedAt, String status, String inputs,
			int filesImported, int filesSkipped, int filesFailed, long rowsRead, long accepted, long rejected,
			long updated, String message, String notes) {

	}

}
