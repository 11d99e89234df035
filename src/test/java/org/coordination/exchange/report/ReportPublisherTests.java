package org.coordination.exchange.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.coordination.exchange.record.ExchangeRecord;
import org.coordination.exchange.record.RejectedRow;
import org.coordination.exchange.store.StoredRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ReportPublisherTests {

	static final List<String> REPORTS = List.of("branch_summary.csv", "conditions.csv", "exchange_report.xlsx",
			"rejected_records.csv", "stage_branch.csv", "stage_summary.csv");

	static final RunInfo RUN = new RunInfo(Instant.parse("2025-06-10T10:00:00Z"), Instant.parse("2025-06-10T10:00:05Z"),
			List.of(), 3, 2, 1, 0, "test");

	@TempDir
	Path dir;

	@Test
	void publishesEveryReportAndLeavesNothingElse() throws IOException {
		Path reports = this.dir.resolve("reports");

		new ReportPublisher(new FakeStore(TestRecords.scenario(), rejects(), null), ExcelReportWriter.DEFAULT_OFFICE)
			.publish(reports, RUN, false);

		assertThat(names(reports)).containsExactlyElementsOf(REPORTS);
		assertThat(Files.readString(reports.resolve("rejected_records.csv")))
			.isEqualTo("source_file,line_number,record_id,reasons,raw\na.csv,2,R-1,BAD_VALUE:stage,\"R-1,x\"\n");
	}

	@Test
	void diskFullWhileWritingKeepsEveryPreviousReport() throws IOException {
		Path reports = this.dir.resolve("reports");
		new ReportPublisher(new FakeStore(TestRecords.scenario(), rejects(), null), ExcelReportWriter.DEFAULT_OFFICE)
			.publish(reports, RUN, false);
		Map<String, byte[]> before = contents(reports);
		// the CSV list of rejects is written, then the disk fills while the workbook is
		AtomicInteger reads = new AtomicInteger();
		FakeStore failing = new FakeStore(List.of(TestRecords.civilian().build()), rejects(), () -> {
			if (reads.incrementAndGet() == 2) {
				throw new UncheckedIOException(new IOException("No space left on device"));
			}
		});

		assertThatExceptionOfType(ReportWriteException.class)
			.isThrownBy(
					() -> new ReportPublisher(failing, ExcelReportWriter.DEFAULT_OFFICE).publish(reports, RUN, false))
			.withMessage("cannot write reports to " + reports + ": No space left on device");

		assertThat(reads).hasValue(2);
		assertThat(names(reports)).containsExactlyElementsOf(REPORTS);
		Map<String, byte[]> after = contents(reports);
		for (String name : REPORTS) {
			assertThat(after.get(name)).as(name).isEqualTo(before.get(name));
		}
	}

	@Test
	void storeFailureIsOneLineAndKeepsThePreviousReports() throws IOException {
		Path reports = this.dir.resolve("reports");
		new ReportPublisher(new FakeStore(TestRecords.scenario(), rejects(), null), ExcelReportWriter.DEFAULT_OFFICE)
			.publish(reports, RUN, false);
		Map<String, byte[]> before = contents(reports);
		FakeStore failing = new FakeStore(List.of(), rejects(), () -> {
			throw new DataAccessResourceFailureException("could not read",
					new IllegalStateException("Database is closed\nmore detail"));
		});

		assertThatExceptionOfType(ReportWriteException.class)
			.isThrownBy(
					() -> new ReportPublisher(failing, ExcelReportWriter.DEFAULT_OFFICE).publish(reports, RUN, false))
			.withMessage("cannot write reports to " + reports + ": Database is closed");
		assertThat(contents(reports).get("stage_summary.csv")).isEqualTo(before.get("stage_summary.csv"));
		assertThat(names(reports)).containsExactlyElementsOf(REPORTS);
	}

	/** The reports of a store of these records, read from it alone. */
	private Path reportsOf(List<ExchangeRecord> records) {
		Path expected = this.dir.resolve("expected");
		new ReportPublisher(new FakeStore(records, rejects(), null), ExcelReportWriter.DEFAULT_OFFICE).publish(expected,
				RUN, false);
		return expected;
	}

	/** The CSV summaries, which hold every table of the workbook. */
	private static Map<String, String> summaries(Path dir) throws IOException {
		Map<String, String> contents = new LinkedHashMap<>();
		for (String name : List.of("branch_summary.csv", "conditions.csv", "stage_branch.csv", "stage_summary.csv")) {
			contents.put(name, Files.readString(dir.resolve(name)));
		}
		return contents;
	}

	@Test
	void stagingFolderOfAKilledRunIsRemoved() throws IOException {
		Path reports = Files.createDirectories(this.dir.resolve("reports"));
		Path leftover = Files.createDirectories(reports.resolve(".reports-123").resolve("deep"));
		Files.writeString(leftover.resolve("half.xlsx"), "half");

		new ReportPublisher(new FakeStore(List.of(), List.of(), null), ExcelReportWriter.DEFAULT_OFFICE)
			.publish(reports, RUN, false);

		assertThat(names(reports)).containsExactlyElementsOf(REPORTS);
	}

	@Test
	void aFolderInTheWayOfOneReportReplacesNone() throws IOException {
		Path reports = this.dir.resolve("reports");
		new ReportPublisher(new FakeStore(TestRecords.scenario(), rejects(), null), ExcelReportWriter.DEFAULT_OFFICE)
			.publish(reports, RUN, false);
		Map<String, byte[]> before = contents(reports);
		Files.delete(reports.resolve("stage_summary.csv"));
		Files.createDirectories(reports.resolve("stage_summary.csv"));

		assertThatExceptionOfType(ReportWriteException.class)
			.isThrownBy(() -> new ReportPublisher(new FakeStore(List.of(), List.of(), null),
					ExcelReportWriter.DEFAULT_OFFICE)
				.publish(reports, RUN, false))
			.withMessage("cannot write reports to " + reports + ": a folder named stage_summary.csv is in the way");
		// sorted before it, so it would have been replaced first
		assertThat(Files.readAllBytes(reports.resolve("branch_summary.csv")))
			.isEqualTo(before.get("branch_summary.csv"));
		assertThat(names(reports)).containsExactlyElementsOf(REPORTS);
	}

	@Test
	void checkWritableCreatesTheFolderOrSaysWhyItCannot() throws IOException {
		Path fresh = this.dir.resolve("a/b/reports");
		ReportPublisher.checkWritable(fresh);
		assertThat(fresh).isEmptyDirectory();

		Path file = Files.writeString(this.dir.resolve("file"), "x");
		assertThatExceptionOfType(ReportWriteException.class).isThrownBy(() -> ReportPublisher.checkWritable(file))
			.withMessage("cannot write reports to " + file + ": not a folder");
		assertThatExceptionOfType(ReportWriteException.class)
			.isThrownBy(() -> ReportPublisher.checkWritable(file.resolve("reports")))
			.withMessage("cannot write reports to " + file.resolve("reports") + ": Not a directory");
	}

	private static List<RejectedRow> rejects() {
		return List.of(new RejectedRow("a.csv", 2, "R-1", List.of("BAD_VALUE:stage"), "R-1,x"));
	}

	private static List<String> names(Path dir) throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			return files.map((file) -> file.getFileName().toString()).sorted().toList();
		}
	}

	private static Map<String, byte[]> contents(Path dir) throws IOException {
		Map<String, byte[]> contents = new LinkedHashMap<>();
		for (String name : REPORTS) {
			contents.put(name, Files.readAllBytes(dir.resolve(name)));
		}
		return contents;
	}

	/** The store's read side, from lists; {@code beforeRejects} runs before each read. */
	static final class FakeStore extends StoredRecords {

		private final List<ExchangeRecord> records;

		private final List<RejectedRow> rejected;

		private final Runnable beforeRejects;

		FakeStore(List<ExchangeRecord> records, List<RejectedRow> rejected, Runnable beforeRejects) {
			super(new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:mem:unused")));
			this.records = records;
			this.rejected = rejected;
			this.beforeRejects = beforeRejects;
		}

		/** Every record to the first part, none to the others. */
		@Override
		public void forEachVisibleRecord(List<? extends Consumer<ExchangeRecord>> actions) {
			this.records.forEach(actions.get(0));
		}

		@Override
		public void forEachRejectedRow(Consumer<RejectedRow> action) {
			if (this.beforeRejects != null) {
				this.beforeRejects.run();
			}
			this.rejected.forEach(action);
		}

	}

}
