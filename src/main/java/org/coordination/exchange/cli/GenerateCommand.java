package org.coordination.exchange.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import org.coordination.exchange.sample.SampleFiles;
import org.coordination.exchange.sample.SampleFiles.SampleFile;
import org.coordination.exchange.sample.SampleGenerator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code generate}: a realistic synthetic input file, for trials and benchmarks. */
@Command(name = "generate", mixinStandardHelpOptions = true,
		description = "Writes a synthetic exchange record CSV file (realistic mix with some invalid rows).")
class GenerateCommand implements Callable<Integer> {

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Option(names = "--rows", paramLabel = "N", defaultValue = "1000000",
			description = "Number of data rows (default: ${DEFAULT-VALUE}).")
	int rows;

	@Option(names = "--output", paramLabel = "FILE", required = true,
			description = "The CSV file to write (with --sample, the folder).")
	Path output;

	@Option(names = "--seed", paramLabel = "N", defaultValue = "2025",
			description = "Random seed (default: ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--invalid-share", paramLabel = "X", defaultValue = "0.005",
			description = "Share of invalid rows (default: ${DEFAULT-VALUE}).")
	double invalidShare;

	@Option(names = "--sample",
			description = "Write the shipped sample instead: the four files of input/, of fixed rows and seeds.")
	boolean sample;

	@Override
	public Integer call() throws IOException {
		LocalDate today = LocalDate.now();
		if (!this.sample) {
			report(SampleFiles.writeFile(this.output, new SampleGenerator(this.seed, this.invalidShare), this.rows,
					today));
			return 0;
		}
		// the sample's rows, seeds and share are its own: an option that would change
		// them is a mistake, not something to ignore
		for (String option : List.of("--rows", "--seed", "--invalid-share")) {
			if (this.spec.commandLine().getParseResult().hasMatchedOption(option)) {
				throw new CommandLine.ParameterException(this.spec.commandLine(),
						option + " does not go with --sample");
			}
		}
		for (SampleFile file : SampleFiles.writeSample(this.output, today)) {
			report(file);
		}
		return 0;
	}

	private void report(SampleFile file) {
		this.spec.commandLine().getOut().printf("Wrote %d rows to %s%n", file.counts().rows(), file.path());
	}

}
