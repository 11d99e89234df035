package org.coordination.exchange.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

import org.coordination.exchange.record.Category;
import org.coordination.exchange.record.ExchangeRecord;
import org.coordination.exchange.record.RankGroup;
import org.coordination.exchange.record.RejectedRow;
import org.coordination.exchange.record.Severity;
import org.coordination.exchange.record.Side;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Reads what the reports are built from: the visible records and the rejected rows,
 * streamed so that memory does not grow with the store.
 */
@Component
public class StoredRecords {

	private static final int FETCH_SIZE = 1000;

	private static final String RECORD_COLUMNS = "SELECT r.record_id, r.exchange_date, r.agreement, r.stage, r.side, "
			+ "r.category, r.service_branch, r.rank_group, r.age, r.captured_on, r.capture_place, r.conditions, "
			+ "r.severity";

	private static final String VISIBLE_RECORDS = RECORD_COLUMNS
			+ " FROM exchange_record r JOIN import_file f ON f.import_id = r.import_id "
			+ "WHERE f.status = 'COMPLETED' "
			+ "AND NOT EXISTS (SELECT 1 FROM superseded_record s WHERE s.row_key = r.row_key)";

	// one published import's records by their key range: no join, and no look-up of
	// replaced records where the range has none (a fresh import's, most often)
	private static final String RECORDS_IN_RANGE = RECORD_COLUMNS
			+ " FROM exchange_record r WHERE r.row_key BETWEEN ? AND ?";

	private static final String RECORDS_IN_RANGE_NOT_REPLACED = RECORDS_IN_RANGE
			+ " AND NOT EXISTS (SELECT 1 FROM superseded_record s WHERE s.row_key = r.row_key)";

	// Rejects of the latest finished attempt of each file name: a file imported again
	// replaces its earlier rejects. A withdrawn import (reports not written) does not.
	// The imports first, then each one's rows in its key's order: one query sorting all
	// the rows by file and line would hold them all (H2 sorts up to 40,000 rows per GB of
	// heap in memory, and a rejected row keeps up to 10,000 characters of its line).
	private static final String REJECTED_IMPORTS = "SELECT f.import_id, f.file_name FROM import_file f "
			+ "WHERE f.import_order = (SELECT MAX(g.import_order) FROM import_file g WHERE g.file_name = f.file_name "
			+ "AND g.status <> 'REVERTED') AND EXISTS (SELECT 1 FROM rejected_row r WHERE r.import_id = f.import_id) "
			+ "ORDER BY f.import_order";

	// ordered by the whole key: H2 reads an index in order only for an ORDER BY that
	// starts with its first column, even one fixed by the WHERE clause
	private static final String REJECTED_ROWS = "SELECT line_number, record_id, reasons, raw FROM rejected_row "
			+ "WHERE import_id = ? ORDER BY import_id, line_number";

	private final JdbcTemplate jdbc;

	public StoredRecords(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The visible records in as many parts as there are actions, read side by side on
	 * their own connections and threads: part {@code i} goes, in no particular order, to
	 * {@code actions.get(i)}, which sees only that part and only from one thread. Reading
	 * a million records was half the reports' time on one core. The parts are row-key
	 * ranges of about equal numbers of records.
	 * @throws RuntimeException the first failure of any part, after every part ended
	 */
	public void forEachVisibleRecord(List<? extends Consumer<ExchangeRecord>> actions) {
		long[] bounds = partBounds(actions.size());
		List<Long> published = this.jdbc.queryForList(
				"SELECT import_id FROM import_file WHERE status = 'COMPLETED' AND accepted > 0 ORDER BY import_id",
				Long.class);
		List<Thread> threads = new ArrayList<>();
		List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
		for (int i = 0; i < actions.size(); i++) {
			Consumer<ExchangeRecord> action = actions.get(i);
			long from = bounds[i];
			long to = bounds[i + 1] - 1;
			Runnable part = () -> {
				try {
					forEachPublishedRecord(published, from, to, action);
				}
				catch (RuntimeException | Error ex) {
					failures.add(ex);
				}
			};
			if (i == actions.size() - 1) {
				// the last part on this thread, while the others read
				part.run();
			}
			else {
				Thread thread = new Thread(part, "exchange-report-read-" + (i + 1));
				thread.start();
				threads.add(thread);
			}
		}
		for (Thread thread : threads) {
			joinUninterruptibly(thread);
		}
		if (!failures.isEmpty()) {
			Throwable first = failures.get(0);
			if (first instanceof Error error) {
				throw error;
			}
			throw (RuntimeException) first;
		}
	}

	/** The visible records of these published imports with row keys from, to. */
	private void forEachPublishedRecord(List<Long> published, long from, long to, Consumer<ExchangeRecord> action) {
		for (long importId : published) {
			long first = Math.max(from, RowKeys.first(importId));
			long last = Math.min(to, RowKeys.last(importId));
			if (first > last) {
				continue;
			}
			Long replaced = this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM superseded_record WHERE row_key BETWEEN ? AND ?", Long.class, first, last);
			stream((replaced != null && replaced > 0) ? RECORDS_IN_RANGE_NOT_REPLACED : RECORDS_IN_RANGE,
					List.of(first, last), (ResultSet rs) -> action.accept(toRecord(rs)));
		}
	}

	/**
	 * Row keys that cut the visible records into {@code parts} ranges of about equal
	 * size, from the published imports' counts: {@code bounds[i]} to
	 * {@code bounds[i + 1] - 1} is part {@code i}. A cut inside an import assumes its
	 * accepted rows spread evenly over its lines.
	 */
	long[] partBounds(int parts) {
		List<long[]> imports = this.jdbc
			.query("SELECT import_id, accepted, rows_read FROM import_file WHERE status = 'COMPLETED' AND accepted > 0 "
					+ "ORDER BY import_id", (rs, row) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
			.stream()
			.toList();
		long total = imports.stream().mapToLong((counts) -> counts[1]).sum();
		long[] bounds = new long[parts + 1];
		bounds[0] = Long.MIN_VALUE;
		bounds[parts] = Long.MAX_VALUE;
		int at = 0;
		long before = 0;
		for (int part = 1; part < parts; part++) {
			long target = total * part / parts;
			while (at < imports.size() && before + imports.get(at)[1] <= target) {
				before += imports.get(at)[1];
				at++;
			}
			if (at == imports.size()) {
				bounds[part] = Long.MAX_VALUE;
				continue;
			}
			long[] counts = imports.get(at);
			// data starts on line 2, after the header
			long line = 2 + (long) (counts[2] * ((double) (target - before) / counts[1]));
			bounds[part] = Math.max(bounds[part - 1], RowKeys.of(counts[0], Math.min(line, (1L << 32) - 1)));
		}
		return bounds;
	}

	private static void joinUninterruptibly(Thread thread) {
		boolean interrupted = false;
		while (true) {
			try {
				thread.join();
				break;
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * The visible records ordered by {@code record_id}, for the export: the same store
	 * gives the same file. H2 sorts a large result on disk, so memory stays flat.
	 */
	public void forEachVisibleRecordByRecordId(Consumer<ExchangeRecord> action) {
		stream(VISIBLE_RECORDS + " ORDER BY r.record_id", List.of(), (ResultSet rs) -> action.accept(toRecord(rs)));
	}

	public void forEachRejectedRow(Consumer<RejectedRow> action) {
		List<RejectingImport> imports = this.jdbc.query(REJECTED_IMPORTS,
				(ResultSet rs, int row) -> new RejectingImport(rs.getLong(1), rs.getString(2)));
		for (RejectingImport rejecting : imports) {
			stream(REJECTED_ROWS, List.of(rejecting.importId()),
					(ResultSet rs) -> action.accept(new RejectedRow(rejecting.fileName(), rs.getLong(1),
							rs.getString(2), List.of(rs.getString(3).split(";")), rs.getString(4))));
		}
	}

	/**
	 * Runs a query whose rows are handled one at a time as they come, never all held: H2
	 * executes it lazily (for this query only: a lazy H2 evaluates an {@code IN} subquery
	 * once per row, which made a publish quadratic), and a database that streams only
	 * inside a transaction, such as PostgreSQL, gets one (read-only, rolled back).
	 */
	private void stream(String sql, List<Object> parameters, RowCallbackHandler rows) {
		this.jdbc.execute((ConnectionCallback<Void>) (Connection connection) -> {
			boolean h2 = Databases.isH2(connection);
			boolean autoCommit = connection.getAutoCommit();
			if (h2) {
				setLazy(connection, true);
			}
			if (autoCommit) {
				connection.setAutoCommit(false);
			}
			try (PreparedStatement statement = connection.prepareStatement(sql)) {
				statement.setFetchSize(FETCH_SIZE);
				for (int i = 0; i < parameters.size(); i++) {
					statement.setObject(i + 1, parameters.get(i));
				}
				try (ResultSet rs = statement.executeQuery()) {
					while (rs.next()) {
						rows.processRow(rs);
					}
				}
			}
			finally {
				if (autoCommit) {
					connection.rollback();
					connection.setAutoCommit(true);
				}
				if (h2) {
					setLazy(connection, false);
				}
			}
			return null;
		});
	}

	private static void setLazy(Connection connection, boolean lazy) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET LAZY_QUERY_EXECUTION " + (lazy ? "TRUE" : "FALSE"));
		}
	}

	private static ExchangeRecord toRecord(ResultSet rs) throws SQLException {
		String rank = rs.getString(8);
		int age = rs.getInt(9);
		Integer ageValue = rs.wasNull() ? null : age;
		// LocalDate, not java.sql.Date: a Date shifts days before the Gregorian reform
		// (1582-10-10 would come back as 1582-10-20)
		LocalDate captured = rs.getObject(10, LocalDate.class);
		String severity = rs.getString(13);
		return new ExchangeRecord(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getInt(4),
				Side.valueOf(rs.getString(5)), Category.valueOf(rs.getString(6)), rs.getString(7),
				(rank != null) ? RankGroup.valueOf(rank) : null, ageValue, captured, rs.getString(11),
				ConditionMask.toSet(rs.getInt(12)), (severity != null) ? Severity.valueOf(severity) : null);
	}

	private record RejectingImport(long importId, String fileName) {
	}

}
