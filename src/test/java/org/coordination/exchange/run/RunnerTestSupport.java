package org.coordination.exchange.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.coordination.exchange.sample.SampleGenerator;
import org.coordination.exchange.store.StoreCleaner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Whole runs in-process on a real H2 file store that each test starts empty; what the run
 * prints is kept in {@link #out} and {@link #err}.
 */
abstract class RunnerTestSupport {

	@TempDir
	static Path dbDir;

	@TempDir
	Path work;

	@Autowired
	ExchangeRunner runner;

	@Autowired
	JdbcTemplate jdbc;

	final StringWriter out = new StringWriter();

	final StringWriter err = new StringWriter();

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dbDir.resolve("exchanges"));
	}

	@BeforeEach
	void emptyStore() {
		StoreCleaner.clean(this.jdbc);
	}

	int run(Path reports, long maxRejects, Charset charset, Path... inputs) {
		return this.runner.run(new RunRequest(List.of(inputs), reports, maxRejects, charset, null, false),
				new PrintWriter(this.out, true), new PrintWriter(this.err, true));
	}

	/**
	 * Generated files {@code part-1.csv}, {@code part-2.csv}, … in {@code input}, of
	 * these many rows each (2% invalid). Their ids follow one sequence, so each file
	 * replaces records of the files before it.
	 */
	Path sampleInput(int... rows) throws IOException {
		Path input = this.work.resolve("input");
		Files.createDirectories(input);
		for (int i = 1; i <= rows.length; i++) {
			try (Writer out = Files.newBufferedWriter(input.resolve("part-" + i + ".csv"), StandardCharsets.UTF_8)) {
				new SampleGenerator(i, 0.02).write(out, rows[i - 1], LocalDate.of(2026, 11, 25));
			}
		}
		return input;
	}

}
