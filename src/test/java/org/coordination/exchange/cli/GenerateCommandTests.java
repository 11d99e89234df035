package org.coordination.exchange.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.coordination.exchange.sample.SampleGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code generate} in process: the only command line of the generator. */
class GenerateCommandTests {

	@TempDir
	Path tempDir;

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	@Test
	void writesOneFileOfTheGeneratorCreatingItsFolder() throws IOException {
		Path file = this.tempDir.resolve("sub/part.csv");
		int exit = generate("--rows", "300", "--seed", "3", "--invalid-share", "0.1", "--output", file.toString());
		assertThat(exit).as(this.err.toString()).isZero();
		assertThat(this.out.toString()).isEqualTo("Wrote 300 rows to " + file + System.lineSeparator());
		StringWriter expected = new StringWriter();
		new SampleGenerator(3, 0.1).write(expected, 300, LocalDate.now());
		assertThat(Files.readString(file)).isEqualTo(expected.toString());
	}

	@Test
	void sampleWritesTheShippedSample() throws IOException {
		int exit = generate("--sample", "--output", this.tempDir.toString());
		assertThat(exit).as(this.err.toString()).isZero();
		assertThat(this.out.toString().lines()).hasSize(4).allMatch((line) -> line.startsWith("Wrote "));
		try (var shipped = Files.list(Path.of("input"))) {
			for (Path committed : shipped.filter((f) -> f.toString().endsWith(".csv")).toList()) {
				Path written = this.tempDir.resolve(committed.getFileName());
				assertThat(Files.readAllBytes(written)).as(committed.toString())
					.isEqualTo(Files.readAllBytes(committed));
			}
		}
	}

	@Test
	void sampleTakesNoRowsSeedOrShare() {
		int exit = generate("--sample", "--seed", "4", "--output", this.tempDir.toString());
		assertThat(exit).isEqualTo(2);
		assertThat(this.err.toString().lines())
			.containsExactly("error: --seed does not go with --sample (see 'exchange-reports generate --help')");
		assertThat(this.tempDir).isEmptyDirectory();
	}

	private int generate(String... args) {
		String[] all = new String[args.length + 1];
		all[0] = "generate";
		System.arraycopy(args, 0, all, 1, args.length);
		return ExchangeCommandLine.execute(new PrintWriter(this.out, true), new PrintWriter(this.err, true), all);
	}

}
