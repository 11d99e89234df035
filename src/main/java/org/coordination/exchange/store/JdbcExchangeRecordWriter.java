package org.coordination.exchange.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.coordination.exchange.record.ExchangeRecord;
import org.coordination.exchange.record.RejectedRow;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stages one chunk of an import: accepted records and rejected rows, each as one JDBC
 * batch in the chunk's transaction. Nothing staged is visible to reports until the import
 * is published ({@link ImportStore#publish}).
 */
public class JdbcExchangeRecordWriter implements ItemWriter<ImportedRow> {

	private static final String INSERT_RECORDS = "INSERT INTO exchange_record (row_key, import_id, record_id, "
			+ "line_number, exchange_date, agreement, stage, side, category, service_branch, rank_group, age, "
			+ "captured_on, capture_place, conditions, severity) VALUES ";

	private static final String RECORD_VALUES = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private static final int RECORD_PARAMETERS = 16;

	/**
	 * Records per INSERT statement: one statement of many rows costs the database far
	 * less per row than a JDBC batch of single-row statements (a third less on H2).
	 */
	static final int ROWS_PER_STATEMENT = 100;

	private static final String INSERT_GROUP = INSERT_RECORDS
			+ String.join(", ", Collections.nCopies(ROWS_PER_STATEMENT, RECORD_VALUES));

	private static final String INSERT_ONE = INSERT_RECORDS + RECORD_VALUES;

	private static final String INSERT_REJECTED = "INSERT INTO rejected_row (import_id, line_number, record_id, "
			+ "reasons, raw) VALUES (?, ?, ?, ?, ?)";

	private final JdbcTemplate jdbc;

	private final long importId;

	public JdbcExchangeRecordWriter(JdbcTemplate jdbc, long importId) {
		this.jdbc = jdbc;
		this.importId = importId;
	}

	@Override
	public void write(Chunk<? extends ImportedRow> chunk) {
		List<ImportedRow> accepted = new ArrayList<>(chunk.size());
		List<RejectedRow> rejected = new ArrayList<>();
		for (ImportedRow row : chunk) {
			if (row.accepted() != null) {
				accepted.add(row);
			}
			else {
				rejected.add(row.rejected());
			}
		}
		if (!accepted.isEmpty()) {
			insertRecords(accepted);
		}
		if (!rejected.isEmpty()) {
			this.jdbc.batchUpdate(INSERT_REJECTED, rejected, rejected.size(), this::setRejected);
		}
	}

	/** Whole groups of rows as multi-row statements, the rest one row per statement. */
	private void insertRecords(List<ImportedRow> rows) {
		int grouped = rows.size() - rows.size() % ROWS_PER_STATEMENT;
		if (grouped > 0) {
			List<List<ImportedRow>> groups = new ArrayList<>(grouped / ROWS_PER_STATEMENT);
			for (int from = 0; from < grouped; from += ROWS_PER_STATEMENT) {
				groups.add(rows.subList(from, from + ROWS_PER_STATEMENT));
			}
			this.jdbc.batchUpdate(INSERT_GROUP, groups, groups.size(), (ps, group) -> {
				for (int i = 0; i < group.size(); i++) {
					setRecord(ps, i * RECORD_PARAMETERS, group.get(i));
				}
			});
		}
		if (grouped < rows.size()) {
			List<ImportedRow> rest = rows.subList(grouped, rows.size());
			this.jdbc.batchUpdate(INSERT_ONE, rest, rest.size(), (ps, row) -> setRecord(ps, 0, row));
		}
	}

	private void setRecord(PreparedStatement ps, int offset, ImportedRow row) throws SQLException {
		ExchangeRecord r = row.accepted();
		ps.setLong(offset + 1, RowKeys.of(this.importId, row.lineNumber()));
		ps.setLong(offset + 2, this.importId);
		ps.setString(offset + 3, r.recordId());
		ps.setLong(offset + 4, row.lineNumber());
		// LocalDate, not java.sql.Date: a Date shifts days before the Gregorian reform
		ps.setObject(offset + 5, r.exchangeDate(), Types.DATE);
		ps.setString(offset + 6, r.agreement());
		ps.setInt(offset + 7, r.stage());
		ps.setString(offset + 8, r.side().name());
		ps.setString(offset + 9, r.category().name());
		ps.setString(offset + 10, r.serviceBranch());
		ps.setString(offset + 11, (r.rankGroup() != null) ? r.rankGroup().name() : null);
		if (r.age() != null) {
			ps.setInt(offset + 12, r.age());
		}
		else {
			ps.setNull(offset + 12, Types.INTEGER);
		}
		ps.setObject(offset + 13, r.capturedOn(), Types.DATE);
		ps.setString(offset + 14, r.capturePlace());
		ps.setInt(offset + 15, ConditionMask.of(r.conditions()));
		ps.setString(offset + 16, (r.severity() != null) ? r.severity().name() : null);
	}

	private void setRejected(PreparedStatement ps, RejectedRow row) throws SQLException {
		ps.setLong(1, this.importId);
		ps.setLong(2, row.lineNumber());
		ps.setString(3, row.recordId());
		ps.setString(4, row.reasonText());
		ps.setString(5, row.raw());
	}

}
