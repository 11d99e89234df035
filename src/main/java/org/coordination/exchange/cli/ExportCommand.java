package org.coordination.exchange.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.coordination.exchange.export.ExportFormat;
import org.coordination.exchange.export.RecordExporter;
import org.coordination.exchange.store.StoredRecords;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.springframework.context.ConfigurableApplicationContext;

/** {@code export}: the cleaned, normalised records of the store, for other systems. */
@Command(name = "export", mixinStandardHelpOptions = true,
		description = {
				"Writes every record in the store, cleaned and normalised (canonical codes, "
						+ "yyyy-MM-dd dates, captivity in days), for downstream systems.",
				"Exit status: 0 written, 1 failed (I/O error), 2 unusable command line." })
class ExportCommand implements Callable<Integer> {

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Mixin
	StoreOptions store;

	@Option(names = "--format", paramLabel = "csv|xlsx", defaultValue = "csv",
			description = "File format: csv (RFC 4180, UTF-8) or xlsx, which continues on a new sheet past "
					+ "1,048,575 rows (default: ${DEFAULT-VALUE}).")
	String format;

	@Option(names = "--output", paramLabel = "DIR", defaultValue = "exports/",
			description = "Where exchange_records.csv or .xlsx goes (default: ${DEFAULT-VALUE}).")
	Path output;

	@Override
	public Integer call() {
		ExportFormat exportFormat;
		try {
			exportFormat = ExportFormat.parse(this.format);
		}
		catch (IllegalArgumentException ex) {
			throw new CommandLine.ParameterException(this.spec.commandLine(), ex.getMessage());
		}
		PrintWriter out = this.spec.commandLine().getOut();
		try (ConfigurableApplicationContext context = this.store.open()) {
			long started = System.nanoTime();
			StoredRecords records = context.getBean(StoredRecords.class);
			long count = new RecordExporter().export(records::forEachVisibleRecordByRecordId, exportFormat,
					this.output);
			out.printf("Exported %d records to %s in %.1f s.%n", count, this.output.resolve(exportFormat.fileName()),
					(System.nanoTime() - started) / 1e9);
			return 0;
		}
	}

}
