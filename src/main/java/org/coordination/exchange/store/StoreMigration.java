package org.coordination.exchange.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import javax.sql.DataSource;

/**
 * Copies a whole store, both of its schema version, into an empty one on another
 * database: the records, rejected rows and run history, and Spring Batch's job repository
 * with its ids, so that import ids (job instance ids) stay what they were and restarts
 * and "already imported" work as before. The copy is one transaction on the target: it is
 * all there, or nothing is.
 */
public class StoreMigration {

	/**
	 * The tables in an order that satisfies their foreign keys; tables of the source not
	 * named here (added by later migrations) are copied after them.
	 */
	static final List<String> TABLES = List.of("BATCH_JOB_INSTANCE", "BATCH_JOB_EXECUTION",
			"BATCH_JOB_EXECUTION_PARAMS", "BATCH_JOB_EXECUTION_CONTEXT", "BATCH_STEP_EXECUTION",
			"BATCH_STEP_EXECUTION_CONTEXT", "EXCHANGE_RUN", "IMPORT_FILE", "EXCHANGE_RECORD", "REJECTED_ROW");

	/** Spring Batch's id sequences and the ids they hand out. */
	private static final Map<String, String> SEQUENCES = Map.of("BATCH_JOB_INSTANCE_SEQ",
			"SELECT MAX(JOB_INSTANCE_ID) FROM BATCH_JOB_INSTANCE", "BATCH_JOB_EXECUTION_SEQ",
			"SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION", "BATCH_STEP_EXECUTION_SEQ",
			"SELECT MAX(STEP_EXECUTION_ID) FROM BATCH_STEP_EXECUTION");

	private static final String MIGRATION_HISTORY = "FLYWAY_SCHEMA_HISTORY";

	private static final int BATCH = 1000;

	private final DataSource source;

	private final DataSource target;

	public StoreMigration(DataSource source, DataSource target) {
		this.source = source;
		this.target = target;
	}

	/**
	 * The tables to copy, in order.
	 */
	public List<String> tables() throws SQLException {
		List<String> tables = new ArrayList<>(TABLES);
		try (Connection connection = this.source.getConnection()) {
			DatabaseMetaData metaData = connection.getMetaData();
			List<String> others = new ArrayList<>();
			try (ResultSet rs = metaData.getTables(null, connection.getSchema(), "%", new String[] { "TABLE" })) {
				while (rs.next()) {
					String table = rs.getString("TABLE_NAME").toUpperCase(Locale.ROOT);
					if (!tables.contains(table) && !table.equals(MIGRATION_HISTORY)) {
						others.add(table);
					}
				}
			}
			others.sort(null);
			tables.addAll(others);
		}
		return tables;
	}

	/** Rows per table of a store. */
	public static Map<String, Long> counts(DataSource dataSource, List<String> tables) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			return counts(connection, tables);
		}
	}

	private static Map<String, Long> counts(Connection connection, List<String> tables) throws SQLException {
		Map<String, Long> counts = new LinkedHashMap<>();
		try (Statement statement = connection.createStatement()) {
			for (String table : tables) {
				try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
					rs.next();
					counts.put(table, rs.getLong(1));
				}
			}
		}
		return counts;
	}

	/**
	 * Copies every table, moves the target's id sequences past the copied ids, and
	 * commits only if every table of the target has as many rows as in the source.
	 * @return the rows per table of the source and of the target after the copy
	 * @throws CountMismatchException when they differ: nothing was copied
	 */
	public Counts copy(List<String> tables) throws SQLException {
		try (Connection from = this.source.getConnection(); Connection to = this.target.getConnection()) {
			from.setReadOnly(true);
			from.setAutoCommit(false);
			to.setAutoCommit(false);
			try {
				for (String table : tables) {
					copyTable(from, to, table);
				}
				advanceSequences(to);
				Counts counts = new Counts(counts(from, tables), counts(to, tables));
				if (!counts.source().equals(counts.target())) {
					throw new CountMismatchException(counts);
				}
				to.commit();
				return counts;
			}
			catch (SQLException | RuntimeException ex) {
				to.rollback();
				throw ex;
			}
			finally {
				from.rollback();
			}
		}
	}

	/**
	 * Rows per table.
	 *
	 * @param source in the source store
	 * @param target in the target store, after the copy
	 */
	public record Counts(Map<String, Long> source, Map<String, Long> target) {

	}

	/** The copy does not have the source's row counts; it was rolled back. */
	public static class CountMismatchException extends RuntimeException {

		CountMismatchException(Counts counts) {
			super("the copy has other row counts than the source, so it was rolled back: " + counts.target()
					+ " instead of " + counts.source());
		}

	}

	private static long copyTable(Connection from, Connection to, String table) throws SQLException {
		long rows = 0;
		try (Statement select = from.createStatement()) {
			select.setFetchSize(BATCH);
			try (ResultSet rs = select.executeQuery("SELECT * FROM " + table)) {
				ResultSetMetaData columns = rs.getMetaData();
				int count = columns.getColumnCount();
				StringJoiner names = new StringJoiner(", ");
				StringJoiner marks = new StringJoiner(", ");
				int[] types = new int[count + 1];
				for (int i = 1; i <= count; i++) {
					names.add(columns.getColumnName(i));
					marks.add("?");
					types[i] = columns.getColumnType(i);
				}
				try (PreparedStatement insert = to
					.prepareStatement("INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ")")) {
					while (rs.next()) {
						for (int i = 1; i <= count; i++) {
							copyValue(rs, insert, i, types[i]);
						}
						insert.addBatch();
						if (++rows % BATCH == 0) {
							insert.executeBatch();
						}
					}
					if (rows % BATCH != 0) {
						insert.executeBatch();
					}
				}
			}
		}
		return rows;
	}

	// Dates as LocalDate (java.sql.Date would shift days before the Gregorian reform),
	// timestamps as the same wall-clock time.
	private static void copyValue(ResultSet rs, PreparedStatement insert, int i, int type) throws SQLException {
		Object value = switch (type) {
			case Types.DATE -> rs.getObject(i, LocalDate.class);
			case Types.TIMESTAMP -> rs.getObject(i, LocalDateTime.class);
			case Types.TIMESTAMP_WITH_TIMEZONE -> rs.getObject(i, OffsetDateTime.class);
			case Types.CLOB, Types.NCLOB, Types.LONGVARCHAR, Types.LONGNVARCHAR -> rs.getString(i);
			case Types.BLOB, Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> rs.getBytes(i);
			default -> rs.getObject(i);
		};
		if (value == null) {
			insert.setNull(i, switch (type) {
				case Types.CLOB, Types.NCLOB, Types.LONGNVARCHAR -> Types.LONGVARCHAR;
				case Types.BLOB -> Types.BINARY;
				default -> type;
			});
		}
		else {
			insert.setObject(i, value);
		}
	}

	private static void advanceSequences(Connection to) throws SQLException {
		String database = to.getMetaData().getDatabaseProductName();
		try (Statement statement = to.createStatement()) {
			for (Map.Entry<String, String> sequence : SEQUENCES.entrySet()) {
				long max;
				try (ResultSet rs = statement.executeQuery(sequence.getValue())) {
					rs.next();
					max = rs.getLong(1);
				}
				if (max == 0) {
					continue;
				}
				// the one statement that differs between the databases
				String sql = "PostgreSQL".equals(database) ? "SELECT setval('" + sequence.getKey() + "', " + max + ")"
						: "ALTER SEQUENCE " + sequence.getKey() + " RESTART WITH " + (max + 1);
				statement.execute(sql);
			}
		}
	}

}
