package org.coordination.exchange.store;

import org.springframework.jdbc.core.JdbcTemplate;

/** Empties the store and the job repository between tests that share one database. */
public final class StoreCleaner {

	private static final String[] TABLES = { "superseded_record", "exchange_record", "rejected_row", "import_file",
			"exchange_run", "BATCH_STEP_EXECUTION_CONTEXT", "BATCH_STEP_EXECUTION", "BATCH_JOB_EXECUTION_CONTEXT",
			"BATCH_JOB_EXECUTION_PARAMS", "BATCH_JOB_EXECUTION", "BATCH_JOB_INSTANCE" };

	private StoreCleaner() {
	}

	public static void clean(JdbcTemplate jdbc) {
		for (String table : TABLES) {
			jdbc.update("DELETE FROM " + table);
		}
	}

}
