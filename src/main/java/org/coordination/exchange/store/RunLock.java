package org.coordination.exchange.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;

/**
 * One run at a time on a store. An H2 file store needs nothing more than the file lock H2
 * holds while the store is open. A PostgreSQL store is shared by processes on several
 * hosts, so a run holds a session-level advisory lock on a connection of its own for its
 * whole length: the server releases it when the run releases it, and also when the
 * process dies and its connection drops, so there is never a stale lock to clear.
 */
@Component
public class RunLock {

	/** The advisory lock's key: one per database, shared by every process on it. */
	static final long KEY = 0x4558_4348_5245_5054L;

	private final DataSource dataSource;

	public RunLock(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Takes the lock at once or refuses.
	 * @return the held lock, to close when the run has ended
	 * @throws StoreInUseException when another process holds it
	 */
	public Held acquire() {
		Connection connection;
		try {
			connection = this.dataSource.getConnection();
		}
		catch (SQLException ex) {
			throw new CannotGetJdbcConnectionException("cannot connect to the store", ex);
		}
		try {
			if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
				connection.close();
				return () -> {
				};
			}
			if (!lock(connection, "SELECT pg_try_advisory_lock(?)")) {
				connection.close();
				throw new StoreInUseException();
			}
		}
		catch (SQLException ex) {
			closeQuietly(connection);
			throw new IllegalStateException("cannot take the store's run lock: " + ex.getMessage(), ex);
		}
		return () -> {
			try {
				lock(connection, "SELECT pg_advisory_unlock(?)");
			}
			catch (SQLException ex) {
				// closing the connection below ends the session, and the lock with it
			}
			finally {
				// back to the pool unlocked; a connection that failed is evicted by it
				closeQuietly(connection);
			}
		};
	}

	private static boolean lock(Connection connection, String sql) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, KEY);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() && rs.getBoolean(1);
			}
		}
	}

	private static void closeQuietly(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			// nothing more to do
		}
	}

	/** A lock held by this process, released on close. */
	public interface Held extends AutoCloseable {

		@Override
		void close();

	}

}
