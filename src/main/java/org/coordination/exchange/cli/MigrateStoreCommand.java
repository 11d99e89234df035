package org.coordination.exchange.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.coordination.exchange.store.StoreMigration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code migrate-store}: copies an H2 store into an empty PostgreSQL store (or any JDBC
 * store) and verifies the row counts of every table.
 */
@Command(name = "migrate-store", mixinStandardHelpOptions = true,
		description = { "Copies an H2 store (records, rejected rows, run history and the job repository) into an "
				+ "empty store on a database server, then checks that every table has as many rows as in the H2 "
				+ "store. The target's schema is created first; a target that holds data is refused.",
				"The user and password of the target come from EXCHANGE_DB_USER and EXCHANGE_DB_PASSWORD. "
						+ "Stop every run and schedule on the H2 store first.",
				"Exit status: 0 copied and verified, 1 failed (the target is left empty), 2 unusable command "
						+ "line or target." })
class MigrateStoreCommand implements Callable<Integer>, StoreCommand {

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Option(names = "--from", paramLabel = "PATH", required = true,
			description = "The H2 store: its file path without extension, e.g. data/exchanges. "
					+ "Set EXCHANGE_DB_KEY if it is encrypted.")
	String from;

	@Option(names = "--to", paramLabel = "URL", required = true,
			description = "The target store's JDBC URL, e.g. jdbc:postgresql://HOST:5432/exchange (no password in it).")
	String to;

	private final StoreOptions source = new StoreOptions();

	@Override
	public StoreOptions store() {
		this.source.db = this.from;
		return this.source;
	}

	@Override
	public Integer call() throws SQLException {
		CommandLine commandLine = this.spec.commandLine();
		if (this.from.startsWith("jdbc:")) {
			throw new CommandLine.ParameterException(commandLine, "--from must be the path of an H2 store");
		}
		if (!this.to.startsWith("jdbc:") || this.to.startsWith("jdbc:h2:")) {
			throw new CommandLine.ParameterException(commandLine,
					"--to must be the JDBC URL of a database server, e.g. jdbc:postgresql://HOST:5432/exchange");
		}
		StoreOptions source = store();
		if (!Files.isRegularFile(source.storeFile())) {
			throw new CommandLine.ParameterException(commandLine,
					"--from " + this.from + ": no such store (" + source.storeFile().getFileName() + " not found)");
		}
		StoreOptions target = new StoreOptions();
		target.db = this.to;
		target.checkUrl();
		PrintWriter out = commandLine.getOut();
		try (ConfigurableApplicationContext sourceContext = source.open();
				ConfigurableApplicationContext targetContext = target.open()) {
			StoreMigration migration = new StoreMigration(sourceContext.getBean(DataSource.class),
					targetContext.getBean(DataSource.class));
			List<String> tables = migration.tables();
			Map<String, Long> before = StoreMigration.counts(targetContext.getBean(DataSource.class), tables);
			long held = before.values().stream().mapToLong(Long::longValue).sum();
			if (held > 0) {
				throw new UnusableStoreException("--to " + this.to + ": the target store is not empty (" + held
						+ " rows); migrate-store copies into an empty store only", null);
			}
			long started = System.nanoTime();
			StoreMigration.Counts counts = migration.copy(tables);
			out.printf("%-30s %12s %12s%n", "table", "rows in H2", "copied");
			for (String table : tables) {
				out.printf("%-30s %12d %12d%n", table.toLowerCase(Locale.ROOT), counts.source().get(table),
						counts.target().get(table));
			}
			out.printf("Migrated %s to %s in %.1f s: every table has the same number of rows.%n", this.from, this.to,
					(System.nanoTime() - started) / 1e9);
			return 0;
		}
	}

}
