package org.coordination.exchange.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
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

	private static final String INSERT_RECORD = "INSERT INTO exchange_record (import_id, record_id, line_number, "
			+ "exchange_date, agreement, stage, side, category, service_branch, rank_group, age, captured_on, "
			+ "capture_place, conditions, severity) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

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
			this.jdbc.batchUpdate(INSERT_RECORD, accepted, accepted.size(), this::setRecord);
		}
		if (!rejected.isEmpty()) {
			this.jdbc.batchUpdate(INSERT_REJECTED, rejected, rejected.size(), this::setRejected);
		}
	}

	private void setRecord(PreparedStatement ps, ImportedRow row) throws SQLException {
		ExchangeRecord r = row.accepted();
		ps.setLong(1, this.importId);
		ps.setString(2, r.recordId());
		ps.setLong(3, row.lineNumber());
		// LocalDate, not java.sql.Date: a Date shifts days before the Gregorian reform
		ps.setObject(4, r.exchangeDate(), Types.DATE);
		ps.setString(5, r.agreement());
		ps.setInt(6, r.stage());
		ps.setString(7, r.side().name());
		ps.setString(8, r.category().name());
		ps.setString(9, r.serviceBranch());
		ps.setString(10, (r.rankGroup() != null) ? r.rankGroup().name() : null);
		if (r.age() != null) {
			ps.setInt(11, r.age());
		}
		else {
			ps.setNull(11, Types.INTEGER);
		}
		ps.setObject(12, r.capturedOn(), Types.DATE);
		ps.setString(13, r.capturePlace());
		ps.setInt(14, ConditionMask.of(r.conditions()));
		ps.setString(15, (r.severity() != null) ? r.severity().name() : null);
	}

	private void setRejected(PreparedStatement ps, RejectedRow row) throws SQLException {
		ps.setLong(1, this.importId);
		ps.setLong(2, row.lineNumber());
		ps.setString(3, row.recordId());
		ps.setString(4, row.reasonText());
		ps.setString(5, row.raw());
	}

}
