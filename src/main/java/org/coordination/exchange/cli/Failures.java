package org.coordination.exchange.cli;

import java.sql.SQLException;

import org.coordination.exchange.input.InputFileException;

/**
 * Known causes of a failed command, each with its exit status and one line for the user.
 */
final class Failures {

	/** H2: the database file is open in another process. */
	private static final int H2_DATABASE_IN_USE = 90020;

	private Failures() {
	}

	static Failure of(Throwable ex, String store) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof InputFileException || t instanceof UnusableStoreException) {
				return new Failure(2, t.getMessage());
			}
			if (t instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_IN_USE) {
				return new Failure(1, "the store " + store + " is in use by another process (a run in progress); "
						+ "nothing was done. Try again when it has finished.");
			}
		}
		return new Failure(1, describe(ex));
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
