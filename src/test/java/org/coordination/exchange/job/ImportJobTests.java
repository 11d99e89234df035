package org.coordination.exchange.job;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.coordination.exchange.ExchangeReportsApplication;
import org.coordination.exchange.store.StoreCleaner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import job of one file on the real H2 file store, then its publication: step counts
 * and what the store holds afterwards.
 */
@SpringBatchTest
@SpringBootTest(classes = ExchangeReportsApplication.class, properties = "exchange.chunk-size=4")
class ImportJobTests {

	static final Path FIXTURES = Path.of("src/test/resources/fixtures");

	@TempDir
	static Path dbDir;

	@Autowired
	JobOperatorTestUtils jobOperatorTestUtils;

	@Autowired
	Job importFileJob;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ImportPublisher importPublisher;

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dbDir.resolve("exchanges"));
	}

	@BeforeEach
	void setUp() {
		this.jobOperatorTestUtils.setJob(this.importFileJob);
		StoreCleaner.clean(this.jdbc);
	}

	@Test
	void importStagesRowsInChunksAndThePublisherMakesThemVisible() throws Exception {
		JobExecution execution = this.jobOperatorTestUtils
			.startJob(parameters("stage-1-2.csv", "a".repeat(64), 1000).toJobParameters());

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.jdbc.queryForObject("SELECT status FROM import_file WHERE import_id = ?", String.class,
				execution.getJobInstanceId()))
			.as("staged, not yet visible")
			.isEqualTo("STARTED");
		ImportOutcome published = this.importPublisher
			.publish(ImportOutcome.staged(execution.getJobInstanceId(), 9, -1), 1, 1000);
		assertThat(published.status()).isEqualTo(ImportOutcome.Status.IMPORTED);
		StepExecution importStep = Steps.named(execution, "importStep");
		assertThat(importStep.getReadCount()).isEqualTo(9);
		assertThat(importStep.getWriteCount()).isEqualTo(9);
		assertThat(importStep.getFilterCount()).isZero();
		assertThat(importStep.getCommitCount()).isEqualTo(3);
		long importId = execution.getJobInstanceId();
		assertThat(
				this.jdbc.queryForList("SELECT record_id FROM exchange_record WHERE import_id = ? ORDER BY line_number",
						String.class, importId))
			.containsExactly("A-1", "A-2", "A-3", "A-4", "A-5", "A-7");
		assertThat(this.jdbc.queryForList(
				"SELECT line_number || ' ' || record_id || ' ' || reasons FROM rejected_row WHERE import_id = ? "
						+ "ORDER BY line_number",
				String.class, importId))
			.containsExactly(
					"7 bad-1 BAD_VALUE:stage;BAD_VALUE:side;MISSING_VALUE:service_branch;MISSING_VALUE:rank_group",
					"8 A-1 DUPLICATE_RECORD_ID", "9  MALFORMED_ROW");
		assertThat(this.jdbc.queryForMap(
				"SELECT status, rows_read, accepted, rejected, updated FROM import_file " + "WHERE import_id = ?",
				importId))
			.containsEntry("STATUS", "COMPLETED")
			.containsEntry("ROWS_READ", 9L)
			.containsEntry("ACCEPTED", 6L)
			.containsEntry("REJECTED", 3L)
			.containsEntry("UPDATED", 0L);
		// canonical codes in the store, whatever alias the file used
		assertThat(this.jdbc.queryForList("SELECT service_branch || '/' || rank_group FROM exchange_record "
				+ "WHERE import_id = ? AND category = 'MILITARY' ORDER BY line_number", String.class, importId))
			.containsExactly("NAVY/OFFICER", "GROUND_FORCES/NCO", "NATIONAL_GUARD/ENLISTED", "UNKNOWN/ENLISTED");
	}

	@Test
	void overTheRejectLimitNothingBecomesVisible() throws Exception {
		JobExecution execution = this.jobOperatorTestUtils
			.startJob(parameters("stage-1-2.csv", "b".repeat(64), 2).toJobParameters());
		assertThat(Steps.named(execution, "importStep").getReadCount()).isEqualTo(9);

		ImportOutcome published = this.importPublisher
			.publish(ImportOutcome.staged(execution.getJobInstanceId(), 9, -1), 1, 2);

		assertThat(published.status()).isEqualTo(ImportOutcome.Status.FAILED);
		assertThat(published.message()).isEqualTo("3 rejected rows exceed the reject limit of 2");
		assertThat(this.jdbc.queryForObject("SELECT status FROM import_file WHERE import_id = ?", String.class,
				execution.getJobInstanceId()))
			.isEqualTo("FAILED");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM exchange_record r JOIN import_file f "
				+ "ON f.import_id = r.import_id WHERE f.status = 'COMPLETED'", Integer.class))
			.isZero();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM rejected_row WHERE import_id = ?", Integer.class,
				execution.getJobInstanceId()))
			.isEqualTo(3);
	}

	private static ImportJobParameters parameters(String fixture, String sha256, long maxRejects) {
		return new ImportJobParameters(FIXTURES.resolve(fixture), sha256, StandardCharsets.UTF_8, null, maxRejects, 1,
				LocalDate.of(2026, 11, 25));
	}

	// not a method of the test class: @SpringBatchTest would take it for a step execution
	// factory
	static final class Steps {

		static StepExecution named(JobExecution execution, String name) {
			List<StepExecution> steps = execution.getStepExecutions()
				.stream()
				.filter((s) -> s.getStepName().equals(name))
				.toList();
			assertThat(steps).hasSize(1);
			return steps.get(0);
		}

	}

}
