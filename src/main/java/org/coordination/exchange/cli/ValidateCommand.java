package org.coordination.exchange.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.coordination.exchange.input.CsvOptions;
import org.coordination.exchange.input.ExchangeFileReader;
import org.coordination.exchange.input.InputFileException;
import org.coordination.exchange.input.InputFiles;
import org.coordination.exchange.input.RawRecord;
import org.coordination.exchange.input.ReadAheadRecords;
import org.coordination.exchange.job.ExchangeRecordProcessor;
import org.coordination.exchange.record.RejectedRow;
import org.coordination.exchange.report.CsvReportWriter;
import org.coordination.exchange.report.ReportPublisher;
import org.coordination.exchange.report.ReportWriteException;
import org.coordination.exchange.store.ImportedRow;
import org.coordination.exchange.validation.ExchangeRecordValidator;
import org.coordination.exchange.validation.ReferenceData;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code validate}: checks input by the same rules as {@code run} and lists the rejected
 * rows, without touching the store.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
		description = { "Checks input and writes rejected_records.csv for just that input, without touching the store.",
				"Exit status: 0 checked (even with rejected rows), 2 unusable command line or input." })
class ValidateCommand implements Callable<Integer> {

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Mixin
	InputOptions input;

	@Option(names = "--output", paramLabel = "DIR", defaultValue = "reports/",
			description = "Where rejected_records.csv goes (default: ${DEFAULT-VALUE}).")
	Path output;

	@Option(names = "--excel-csv", description = "Start the CSV report with a byte-order mark, for opening in Excel.")
	boolean excelCsv;

	@Override
	public Integer call() throws Exception {
		Separators.check(this.spec.commandLine(), this.input.separator);
		PrintWriter out = this.spec.commandLine().getOut();
		PrintWriter err = this.spec.commandLine().getErr();
		List<String> errors = new ArrayList<>();
		List<Path> files = new ArrayList<>();
		for (Path path : this.input.inputs) {
			try {
				files.addAll(InputFiles.expand(List.of(path)));
			}
			catch (InputFileException ex) {
				errors.add(ex.getMessage());
			}
		}
		ReferenceData referenceData = this.input.referenceData(this.spec.commandLine());
		try {
			ReportPublisher.checkWritable(this.output);
		}
		catch (ReportWriteException ex) {
			errors.forEach((message) -> err.println("error: " + message));
			err.println("error: " + ex.getMessage());
			return errors.isEmpty() ? 1 : 2;
		}
		LocalDate runDate = LocalDate.now();
		long[] counts = new long[2];
		try {
			new CsvReportWriter(this.excelCsv).writeRejected((action) -> {
				for (Path file : files) {
					check(file, referenceData, runDate, counts, errors, action);
				}
			}, this.output);
		}
		catch (OutOfMemoryError ex) {
			// the one thing validate keeps per row; run keeps none (its store knows them)
			err.println("error: out of memory after " + counts[0] + " rows: validate keeps every accepted "
					+ "record_id of a file in memory (about 30 bytes each); give Java more heap (such as -Xmx2g) "
					+ "or use run; rejected_records.csv was not written");
			return 1;
		}
		errors.forEach((message) -> err.println("error: " + message));
		out.printf("Checked %d file(s): %d rows, %d rejected. Rejected rows are in %s.%n", files.size(), counts[0],
				counts[1], this.output.resolve("rejected_records.csv"));
		return errors.isEmpty() ? 0 : 2;
	}

	private void check(Path file, ReferenceData referenceData, LocalDate runDate, long[] counts, List<String> errors,
			Consumer<RejectedRow> action) {
		try (ExchangeFileReader reader = ExchangeFileReader.open(file,
				new CsvOptions(this.input.encoding, this.input.separator));
				ReadAheadRecords records = new ReadAheadRecords(reader)) {
			ExchangeRecordProcessor processor = ExchangeRecordProcessor.forFile(file, reader::header,
					new ExchangeRecordValidator(referenceData, runDate));
			for (RawRecord record = records.next(); record != null; record = records.next()) {
				counts[0]++;
				ImportedRow row = processor.process(record);
				if (row.rejected() != null) {
					counts[1]++;
					action.accept(row.rejected());
				}
			}
		}
		catch (InputFileException ex) {
			errors.add(ex.getMessage());
		}
	}

}
