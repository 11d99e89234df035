package org.coordination.exchange.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.coordination.exchange.ExchangeReportsApplication;
import org.coordination.exchange.store.ImportStore;
import org.coordination.exchange.store.StoreCleaner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An input file deleted after the input was listed: before it was hashed, or after it was
 * hashed and before it was read. Each is a one-line error for that file; the other files
 * are imported and nothing of the vanished ones is stored.
 */
@SpringBootTest(classes = { ExchangeReportsApplication.class, VanishingInputTests.Hook.class })
class VanishingInputTests {

	static final String HEADER = "record_id,exchange_date,stage,side,category";

	@TempDir
	static Path dbDir;

	@TempDir
	Path work;

	@Autowired
	ExchangeRunner runner;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	HookedImportStore importStore;

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dbDir.resolve("exchanges"));
	}

	@BeforeEach
	void emptyStore() {
		StoreCleaner.clean(this.jdbc);
	}

	@Test
	void inputDeletedBetweenListingAndReadingIsAOneLineErrorForThatFile() throws IOException {
		Path input = Files.createDirectory(this.work.resolve("input"));
		Path a = Files.writeString(input.resolve("a.csv"), HEADER + "\nA-1,2025-06-10,1,UA,CIVILIAN\n");
		Path b = Files.writeString(input.resolve("b.csv"), HEADER + "\nB-1,2025-06-10,1,UA,CIVILIAN\n");
		Path c = Files.writeString(input.resolve("c.csv"), HEADER + "\nC-1,2025-06-10,1,UA,CIVILIAN\n");
		String shaA = ExchangeRunner.sha256(a);
		String shaC = ExchangeRunner.sha256(c);
		// while a.csv is being imported, b.csv goes (listed, not yet hashed); c.csv goes
		// after it was hashed, just before its import reads it
		this.importStore.beforeLookup((sha) -> {
			try {
				if (sha.equals(shaA)) {
					Files.delete(b);
				}
				else if (sha.equals(shaC)) {
					Files.delete(c);
				}
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		});
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();

		int exit = this.runner.run(
				new RunRequest(List.of(input), this.work.resolve("reports"), 1000, StandardCharsets.UTF_8, null, false),
				new PrintWriter(out, true), new PrintWriter(err, true));

		assertThat(exit).isEqualTo(2);
		assertThat(err.toString().lines()).containsExactly("error: " + b + ": cannot read file: no such file",
				"error: " + c.toAbsolutePath() + ": cannot read file: no such file");
		assertThat(this.jdbc.queryForList("SELECT record_id FROM exchange_record", String.class))
			.containsExactly("A-1");
		assertThat(out.toString()).contains("1 file(s) imported, 0 skipped as already imported, 2 failed")
			.contains("Reports are in " + this.work.resolve("reports"));
		assertThat(Files.readString(this.work.resolve("reports/stage_summary.csv")).lines()).hasSize(2);
	}

	/** Calls a hook before each lookup by content, which comes after hashing a file. */
	static class HookedImportStore extends ImportStore {

		private Consumer<String> beforeLookup = (sha) -> {
		};

		HookedImportStore(JdbcTemplate jdbc) {
			super(jdbc);
		}

		// a method, not a field: the bean is a transactional proxy
		void beforeLookup(Consumer<String> hook) {
			this.beforeLookup = hook;
		}

		@Override
		public Optional<String> completedFileWithSha256(String sha256) {
			this.beforeLookup.accept(sha256);
			return super.completedFileWithSha256(sha256);
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Hook {

		@Bean
		@Primary
		HookedImportStore hookedImportStore(JdbcTemplate jdbc) {
			return new HookedImportStore(jdbc);
		}

	}

}
