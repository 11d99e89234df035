package org.coordination.exchange.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.coordination.exchange.ExchangeReportsApplication;
import org.coordination.exchange.store.StoreCleaner;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files imported side by side end exactly as one at a time: the same store, the same
 * reports, the same messages in the same order. The files share record ids, so a publish
 * out of order would show.
 */
@SpringBootTest(classes = ExchangeReportsApplication.class)
class ParallelImportTests extends RunnerTestSupport {

	private static final List<String> CSV_REPORTS = List.of("stage_summary.csv", "branch_summary.csv",
			"stage_branch.csv", "conditions.csv", "rejected_records.csv");

	// every column of every visible record, and every reported reject
	private static final String STORE = "SELECT r.record_id || '|' || f.file_name || '|' || r.line_number || '|' "
			+ "|| r.exchange_date || '|' || r.stage || '|' || r.side || '|' || COALESCE(r.service_branch, '') "
			+ "FROM exchange_record r JOIN import_file f ON f.import_id = r.import_id "
			+ "WHERE f.status = 'COMPLETED' "
			+ "AND NOT EXISTS (SELECT 1 FROM superseded_record s WHERE s.row_key = r.row_key) ORDER BY r.record_id";

	@Test
	void fourFilesSideBySideEndAsOneAtATime() throws IOException {
		// later files replace records: a publish out of order would show
		Path input = sampleInput(3000, 3000, 3000, 3000);

		Outcome parallel = runWith(2, input, this.work.resolve("parallel"));
		StoreCleaner.clean(this.jdbc);
		Outcome sequential = runWith(1, input, this.work.resolve("sequential"));

		assertThat(parallel.exit()).as(parallel.err()).isZero();
		assertThat(sequential.exit()).as(sequential.err()).isZero();
		assertThat(parallel.store()).hasSizeGreaterThan(3000).isEqualTo(sequential.store());
		assertThat(parallel.updated()).isPositive().isEqualTo(sequential.updated());
		assertThat(parallel.lines()).isEqualTo(sequential.lines());
		// side by side indeed: a file began before an earlier one was published
		assertThat(parallel.overlapping()).isPositive();
		assertThat(sequential.overlapping()).isZero();
		for (String report : CSV_REPORTS) {
			assertThat(this.work.resolve("parallel").resolve(report))
				.hasSameBinaryContentAs(this.work.resolve("sequential").resolve(report));
		}
	}

	private Outcome runWith(int threads, Path input, Path reports) {
		ExchangeRunner runner = this.runner.withImportThreads(threads);
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exit = runner.run(new RunRequest(List.of(input), reports, 1_000_000, StandardCharsets.UTF_8, null, false),
				new PrintWriter(out, true), new PrintWriter(err, true));
		// the per-file lines, without the run's timing
		List<String> lines = out.toString().lines().filter((line) -> line.contains(".csv: ")).toList();
		return new Outcome(exit, err.toString(), lines, this.jdbc.queryForList(STORE, String.class),
				this.jdbc.queryForObject("SELECT SUM(updated) FROM import_file", Long.class),
				this.jdbc.queryForObject("SELECT COUNT(*) FROM import_file a JOIN import_file b "
						+ "ON a.import_id < b.import_id AND b.started_at < a.finished_at", Long.class));
	}

	private record Outcome(int exit, String err, List<String> lines, List<String> store, Long updated,
			Long overlapping) {

	}

}
