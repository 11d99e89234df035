package org.coordination.exchange.job;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;

import org.coordination.exchange.ExchangeReportsApplication;
import org.coordination.exchange.input.CsvOptions;
import org.coordination.exchange.report.ImportAggregates;
import org.coordination.exchange.store.ImportStore;
import org.coordination.exchange.validation.ExchangeRecordValidator;
import org.coordination.exchange.validation.ReferenceData;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tests of the import step's reader on a real H2 file store (its duplicate check asks the
 * store about ids of committed chunks) and the fixture files.
 */
@SpringBootTest(classes = ExchangeReportsApplication.class)
abstract class ReaderTestSupport {

	/** 9 rows, 6 of them accepted. */
	static final Path STAGES_1_2 = Path.of("src/test/resources/fixtures/stage-1-2.csv");

	/** 3 rows, separated by semicolons, one of them spanning lines. */
	static final Path STAGE_3 = Path.of("src/test/resources/fixtures/stage-3.csv");

	@TempDir
	static Path dbDir;

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dbDir.resolve("exchanges"));
	}

	@Autowired
	ImportStore importStore;

	/** The step's reader of a file for this import, built as the step scope builds it. */
	ExchangeFileItemReader reader(Path file, ImportAggregates aggregates, long runId, long importId) {
		return new ExchangeFileItemReader(file, file.toString(), new CsvOptions(StandardCharsets.UTF_8, null),
				new ExchangeRecordValidator(ReferenceData.defaults(), LocalDate.of(2026, 1, 1)),
				new StagedRecordIds(this.importStore, importId, 100), aggregates, runId, importId, 10);
	}

}
