package org.coordination.exchange.cli;

import org.coordination.exchange.job.GracefulShutdown;

/**
 * The exchange-reports process. The command line is parsed first; commands that need the
 * store start the Spring context themselves, so {@code validate} and {@code --help} never
 * touch the database.
 */
public final class ExchangeReports {

	private ExchangeReports() {
	}

	public static void main(String[] args) {
		// H2 interns every value it reads or writes in a cache of its own: a tenth of the
		// time of an import, and no gain for rows that are nearly all distinct
		if (System.getProperty("h2.objectCache") == null) {
			System.setProperty("h2.objectCache", "false");
		}
		GracefulShutdown shutdown = GracefulShutdown.install();
		int exitCode = ExchangeCommandLine.execute(args);
		shutdown.exit(exitCode);
		System.exit(exitCode);
	}

}
