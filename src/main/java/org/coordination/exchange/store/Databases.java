package org.coordination.exchange.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Which database a store is on, where H2 and PostgreSQL need different SQL. */
final class Databases {

	private Databases() {
	}

	static boolean isH2(Connection connection) throws SQLException {
		return "H2".equals(connection.getMetaData().getDatabaseProductName());
	}

}
