package org.coordination.exchange.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
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

	private static final String VISIBLE_RECORDS = "SELECT r.record_id, r.exchange_date, r.agreement, r.stage, r.side, "
			+ "r.category, r.service_branch, r.rank_group, r.age, r.captured_on, r.capture_place, r.conditions, "
			+ "r.severity FROM exchange_record r JOIN import_file f ON f.import_id = r.import_id "
			+ "WHERE f.status = 'COMPLETED' AND r.superseded_by IS NULL";

	// Rejects of the latest finished attempt of each file name: a file imported again
	// replaces its earlier rejects. A withdrawn import (reports not written) does not.
	private static final String REJECTED_ROWS = "SELECT f.file_name, r.line_number, r.record_id, r.reasons, r.raw "
			+ "FROM rejected_row r JOIN import_file f ON f.import_id = r.import_id "
			+ "WHERE f.import_order = (SELECT MAX(g.import_order) FROM import_file g WHERE g.file_name = f.file_name "
			+ "AND g.status <> 'REVERTED') " + "ORDER BY f.import_order, r.line_number";

	private final JdbcTemplate jdbc;

	public StoredRecords(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void forEachVisibleRecord(Consumer<ExchangeRecord> action) {
		stream(VISIBLE_RECORDS, (ResultSet rs) -> action.accept(toRecord(rs)));
	}

	/**
	 * The visible records ordered by {@code record_id}, for the export: the same store
	 * gives the same file. H2 sorts a large result on disk, so memory stays flat.
	 */
	public void forEachVisibleRecordByRecordId(Consumer<ExchangeRecord> action) {
		stream(VISIBLE_RECORDS + " ORDER BY r.record_id", (ResultSet rs) -> action.accept(toRecord(rs)));
	}

	public void forEachRejectedRow(Consumer<RejectedRow> action) {
		stream(REJECTED_ROWS, (ResultSet rs) -> action.accept(new RejectedRow(rs.getString(1), rs.getLong(2),
				rs.getString(3), List.of(rs.getString(4).split(";")), rs.getString(5))));
	}

	/**
	 * Runs a query whose rows are handled one at a time as they come, never all held: H2
	 * executes it lazily (for this query only: a lazy H2 evaluates an {@code IN} subquery
	 * once per row, which made a publish quadratic), and a database that streams only
	 * inside a transaction, such as PostgreSQL, gets one (read-only, rolled back).
	 */
	private void stream(String sql, RowCallbackHandler rows) {
		this.jdbc.execute((ConnectionCallback<Void>) (Connection connection) -> {
			boolean h2 = "H2".equals(connection.getMetaData().getDatabaseProductName());
			boolean autoCommit = connection.getAutoCommit();
			if (h2) {
				setLazy(connection, true);
			}
			if (autoCommit) {
				connection.setAutoCommit(false);
			}
			try (PreparedStatement statement = connection.prepareStatement(sql)) {
				statement.setFetchSize(FETCH_SIZE);
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

}
