package org.coordination.exchange.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

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

	@Option(names = "--output", paramLabel = "FILE", required = true, description = "The CSV file to write.")
	Path output;

	@Option(names = "--seed", paramLabel = "N", defaultValue = "2025",
			description = "Random seed (default: ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--invalid-share", paramLabel = "X", defaultValue = "0.005",
			description = "Share of invalid rows (default: ${DEFAULT-VALUE}).")
	double invalidShare;

	@Override
	public Integer call() throws IOException {
		if (this.output.getParent() != null) {
			Files.createDirectories(this.output.getParent());
		}
		try (Writer out = new BufferedWriter(Files.newBufferedWriter(this.output, StandardCharsets.UTF_8), 1 << 16)) {
			new SampleGenerator(this.seed, this.invalidShare).write(out, this.rows, LocalDate.now());
		}
		this.spec.commandLine().getOut().printf("Wrote %d rows to %s%n", this.rows, this.output);
		return 0;
	}

}
