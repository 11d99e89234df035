package org.coordination.exchange.run;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;

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

}
