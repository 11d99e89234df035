package org.coordination.exchange.store;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The real PostgreSQL server the tests run against, given by the environment (see
 * {@code .ci/postgres}): {@value #URL_VARIABLE} and its user and password. Each test
 * class takes a new empty database on it. Without a server the tests that need one are
 * skipped with the reason, unless {@value #REQUIRE_VARIABLE}{@code =true} (as in
 * {@code .ci/run}): then they fail.
 */
public final class TestPostgres {

	public static final String URL_VARIABLE = "EXCHANGE_TEST_POSTGRES_URL";

	public static final String USER_VARIABLE = "EXCHANGE_TEST_POSTGRES_USER";

	public static final String PASSWORD_VARIABLE = "EXCHANGE_TEST_POSTGRES_PASSWORD";

	public static final String REQUIRE_VARIABLE = "EXCHANGE_REQUIRE_POSTGRES";

	private static final AtomicInteger databases = new AtomicInteger();

	private static final String RUN = Long.toString(ProcessHandle.current().pid());

	private TestPostgres() {
	}

	public static boolean available() {
		return System.getenv(URL_VARIABLE) != null;
	}

	public static String user() {
		return System.getenv(USER_VARIABLE);
	}

	public static String password() {
		return System.getenv(PASSWORD_VARIABLE);
	}

	/** A new empty database on the server; returns its URL. */
	public static String newDatabase() {
		if (!available()) {
			throw new IllegalStateException(URL_VARIABLE + " is not set");
		}
		String name = "exchange_test_" + RUN + "_" + databases.incrementAndGet();
		try (Connection connection = connect(System.getenv(URL_VARIABLE));
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + name);
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot create a test database: " + ex.getMessage(), ex);
		}
		String url = System.getenv(URL_VARIABLE);
		int slash = url.indexOf('/', "jdbc:postgresql://".length());
		int query = url.indexOf('?', slash);
		return url.substring(0, slash + 1) + name + ((query >= 0) ? url.substring(query) : "");
	}

	public static Connection connect(String url) throws SQLException {
		return DriverManager.getConnection(url, user(), password());
	}

	/** The environment a process of the jar needs to log in to the server. */
	public static Map<String, String> credentials() {
		Map<String, String> environment = new HashMap<>();
		environment.put("EXCHANGE_DB_USER", user());
		environment.put("EXCHANGE_DB_PASSWORD", password());
		return environment;
	}

	/**
	 * The store of a test class on the server: a new database of its own. Imported by a
	 * test class, its data source replaces the one the H2 tests' properties would make.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Store {

		@Bean
		DataSource dataSource() {
			HikariDataSource dataSource = new HikariDataSource();
			dataSource.setJdbcUrl(newDatabase());
			dataSource.setUsername(user());
			dataSource.setPassword(password());
			dataSource.setMaximumPoolSize(9);
			return dataSource;
		}

	}

	/** Marks a test class that needs the server. */
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@ExtendWith(ServerCondition.class)
	public @interface Required {

	}

	static final class ServerCondition implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			if (available()) {
				return ConditionEvaluationResult.enabled("PostgreSQL server at " + System.getenv(URL_VARIABLE));
			}
			if ("true".equals(System.getenv(REQUIRE_VARIABLE))) {
				throw new IllegalStateException(REQUIRE_VARIABLE + "=true, but " + URL_VARIABLE
						+ " is not set: start a server with .ci/postgres");
			}
			return ConditionEvaluationResult.disabled("no PostgreSQL server: set " + URL_VARIABLE + ", " + USER_VARIABLE
					+ " and " + PASSWORD_VARIABLE + " (see .ci/postgres), or run .ci/run");
		}

	}

}
