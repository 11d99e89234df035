package org.coordination.exchange.cli;

import java.sql.SQLException;

import org.coordination.exchange.input.InputFileException;
import org.coordination.exchange.store.StoreInUseException;

/**
 * Known causes of a failed command, each with its exit status and one line for the user.
 */
final class Failures {

	/** H2: the database file is open in another process. */
	private static final int H2_DATABASE_IN_USE = 90020;

	private Failures() {
	}

	static Failure of(Throwable ex, String store) {
		if (storeInUse(ex)) {
			return new Failure(1, "the store " + store + " is in use by another process (a run in progress); "
					+ "nothing was done. Try again when it has finished.");
		}
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof InputFileException || t instanceof UnusableStoreException) {
				return new Failure(2, t.getMessage());
			}
			if (t instanceof SQLException sql && sql.getSQLState() != null) {
				// a database server that cannot be reached, or refuses the login
				if (sql.getSQLState().startsWith("28")) {
					return new Failure(2, store + ": cannot log in to the store: " + firstLine(sql.getMessage()));
				}
				if (sql.getSQLState().startsWith("08")) {
					return new Failure(1, store + ": cannot connect to the store: " + firstLine(sql.getMessage()));
				}
			}
		}
		return new Failure(1, describe(ex));
	}

	/**
	 * Whether another process holds the store: H2's file lock, or the run lock of a
	 * server store.
	 */
	static boolean storeInUse(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof StoreInUseException
					|| (t instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_IN_USE)) {
				return true;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return false;
	}

	private static String firstLine(String message) {
		return (message != null) ? message.lines().findFirst().orElse(message) : "";
	}

	private static String describe(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
		return message.lines().findFirst().orElse(message);
	}

	/**
	 * A failure as the user sees it.
	 *
	 * @param exitCode the process exit status
	 * @param message the one line printed after {@code error: }
	 */
	record Failure(int exitCode, String message) {

	}

}
