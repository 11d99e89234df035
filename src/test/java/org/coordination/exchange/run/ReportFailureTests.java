package org.coordination.exchange.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.coordination.exchange.ExchangeReportsApplication;
import org.coordination.exchange.record.ExchangeRecord;
import org.coordination.exchange.report.ExcelReportWriter;
import org.coordination.exchange.report.ReportPublisher;
import org.coordination.exchange.store.StoredRecords;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The disk fills while a run writes its reports: the previous reports stay, the store is
 * as before the run (the records of its files withdrawn, the records they replaced
 * visible again), and the next run publishes them without reading the files again.
 */
@SpringBootTest(classes = ExchangeReportsApplication.class)
class ReportFailureTests extends RunnerTestSupport {

	static final Path FIXTURES = Path.of("src/test/resources/fixtures");

	private static final String VISIBLE = "SELECT r.record_id || ' ' || r.stage || ' ' || r.side FROM exchange_record r "
			+ "JOIN import_file f ON f.import_id = r.import_id WHERE f.status = 'COMPLETED' "
			+ "AND NOT EXISTS (SELECT 1 FROM superseded_record s WHERE s.row_key = r.row_key) ORDER BY r.record_id";

	@Test
	void diskFullWhileWritingReportsLeavesReportsAndStoreAsBefore() throws IOException {
		Path reports = this.work.resolve("reports");
		assertThat(run(reports, 100, StandardCharsets.UTF_8, FIXTURES.resolve("stage-1-2.csv"))).isZero();
		Map<String, String> reportsBefore = contents(reports);
		List<String> storeBefore = this.jdbc.queryForList(VISIBLE, String.class);

		StoredRecords diskFull = new StoredRecords(this.jdbc) {
			@Override
			public void forEachVisibleRecord(List<? extends Consumer<ExchangeRecord>> actions) {
				throw new UncheckedIOException(new IOException("No space left on device"));
			}
		};
		ExchangeRunner failing = this.runner
			.withReportPublisher(new ReportPublisher(diskFull, ExcelReportWriter.DEFAULT_OFFICE));
		StringWriter err = new StringWriter();
		int exit = failing.run(
				new RunRequest(List.of(FIXTURES.resolve("stage-3.csv"), FIXTURES.resolve("corrections.csv")), reports,
						100, StandardCharsets.UTF_8, null, false),
				new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));

		assertThat(exit).isEqualTo(1);
		assertThat(err.toString().lines()).containsExactly("error: cannot write reports to " + reports
				+ ": No space left on device; the previous reports are unchanged; this run's imports were withdrawn "
				+ "from the store and the next run publishes them again");
		assertThat(contents(reports)).isEqualTo(reportsBefore);
		assertThat(this.jdbc.queryForList(VISIBLE, String.class)).isEqualTo(storeBefore);
		assertThat(this.jdbc.queryForList("SELECT status FROM import_file ORDER BY import_id", String.class))
			.containsExactly("COMPLETED", "REVERTED", "REVERTED");

		this.out.getBuffer().setLength(0);
		assertThat(run(reports, 100, StandardCharsets.UTF_8, FIXTURES.resolve("stage-3.csv"),
				FIXTURES.resolve("corrections.csv")))
			.as(this.err.toString())
			.isZero();

		assertThat(this.out.toString()).contains("stage-3.csv: imported 3 rows: 3 accepted (0 updated), 0 rejected")
			.contains("corrections.csv: imported 1 rows: 1 accepted (1 updated), 0 rejected");
		assertThat(read(reports, "stage_summary.csv")).isEqualTo(expectedAfterAllFiles());
		assertThat(this.jdbc.queryForList("SELECT status FROM import_file ORDER BY import_id", String.class))
			.containsExactly("COMPLETED", "COMPLETED", "COMPLETED");
	}

	/** The same three files in one store, run without any fault. */
	private String expectedAfterAllFiles() throws IOException {
		Path reports = this.work.resolve("expected");
		org.coordination.exchange.store.StoreCleaner.clean(this.jdbc);
		assertThat(run(reports, 100, StandardCharsets.UTF_8, FIXTURES.resolve("stage-1-2.csv"))).isZero();
		assertThat(run(reports, 100, StandardCharsets.UTF_8, FIXTURES.resolve("stage-3.csv"),
				FIXTURES.resolve("corrections.csv")))
			.isZero();
		return read(reports, "stage_summary.csv");
	}

	private static String read(Path reports, String name) throws IOException {
		return Files.readString(reports.resolve(name), StandardCharsets.UTF_8);
	}

	private static Map<String, String> contents(Path dir) throws IOException {
		Map<String, String> contents = new TreeMap<>();
		try (Stream<Path> files = Files.list(dir)) {
			for (Path file : files.toList()) {
				contents.put(file.getFileName().toString(),
						new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
			}
		}
		return contents;
	}

}
