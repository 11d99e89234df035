package org.coordination.exchange.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.coordination.exchange.run.ExchangeRunner;
import org.coordination.exchange.run.RunRequest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.springframework.context.ConfigurableApplicationContext;

/** {@code run}: import new input, then write all reports. */
@Command(name = "run", mixinStandardHelpOptions = true,
		description = { "Imports new input into the store, then writes all reports from the store.",
				"Exit status: 0 completed, 1 failed (reject limit, I/O error, interrupted), 2 unusable command line "
						+ "or input." })
class RunCommand implements Callable<Integer> {

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

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

	@Override
	public Integer call() {
		Separators.check(this.spec.commandLine(), this.input.separator);
		if (this.maxRejects < 0) {
			throw new CommandLine.ParameterException(this.spec.commandLine(), "--max-rejects must not be negative");
		}
		if (this.minCellCount != null && this.minCellCount < 2) {
			throw new CommandLine.ParameterException(this.spec.commandLine(), "--min-cell-count must be at least 2");
		}
		PrintWriter out = this.spec.commandLine().getOut();
		PrintWriter err = this.spec.commandLine().getErr();
		this.input.referenceData(this.spec.commandLine());
		Path branches = this.input.branchesFile();
		try (ConfigurableApplicationContext context = this.store
			.open("--exchange.branches-file=" + ((branches != null) ? branches.toAbsolutePath() : ""))) {
			return context.getBean(ExchangeRunner.class)
				.run(new RunRequest(this.input.inputs, this.output, this.maxRejects, this.input.encoding,
						this.input.separator, this.excelCsv, (this.minCellCount != null) ? this.minCellCount : 0), out,
						err);
		}
	}

}
