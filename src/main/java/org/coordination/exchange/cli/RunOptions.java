package org.coordination.exchange.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;

import org.coordination.exchange.run.ExchangeRunner;
import org.coordination.exchange.run.RunRequest;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The options of one run, shared by {@code run} and {@code schedule}, and the run itself.
 */
class RunOptions {

	@Mixin
	InputOptions input;

	@Mixin
	StoreOptions store;

	@Option(names = "--output", paramLabel = "DIR", defaultValue = "reports/",
			description = "Where the reports go (default: ${DEFAULT-VALUE}).")
	Path output;

	@Option(names = "--max-rejects", paramLabel = "N", defaultValue = "1000",
			description = "A file with more rejected rows than this fails and nothing of it is stored "
					+ "(default: ${DEFAULT-VALUE}).")
	long maxRejects;

	@Option(names = "--excel-csv", description = "Start CSV reports with a byte-order mark, for opening in Excel.")
	boolean excelCsv;

	@Option(names = "--min-cell-count", paramLabel = "K",
			description = "Hide counts from 1 to K-1 as <K in every stakeholder table (CSV and workbook), and "
					+ "enough other figures that none can be worked out from a total (default: off).")
	Integer minCellCount;

	/** Checks what can be checked before anything runs: a bad value exits 2. */
	void check(CommandLine commandLine) {
		Separators.check(commandLine, this.input.separator);
		if (this.maxRejects < 0) {
			throw new CommandLine.ParameterException(commandLine, "--max-rejects must not be negative");
		}
		if (this.minCellCount != null && this.minCellCount < 2) {
			throw new CommandLine.ParameterException(commandLine, "--min-cell-count must be at least 2");
		}
		this.input.referenceData(commandLine);
	}

	/** One run on its own application context, closed (and the store released) after. */
	int runOnce(PrintWriter out, PrintWriter err) {
		return runOnce(null, out, err);
	}

	/**
	 * One run on its own application context, for a tick of the schedule or, with
	 * {@code null}, a manual run.
	 */
	int runOnce(Instant scheduledFor, PrintWriter out, PrintWriter err) {
		Path branches = this.input.branchesFile();
		try (ConfigurableApplicationContext context = this.store
			.open("--exchange.branches-file=" + ((branches != null) ? branches.toAbsolutePath() : ""))) {
			return context.getBean(ExchangeRunner.class)
				.run(new RunRequest(this.input.inputs, this.output, this.maxRejects, this.input.encoding,
						this.input.separator, this.excelCsv, (this.minCellCount != null) ? this.minCellCount : 0),
						scheduledFor, out, err);
		}
	}

}
