package org.coordination.exchange.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unattended safety with the real jar and a real H2 file: SIGKILL at several points,
 * SIGTERM, a concurrent launch. Each interrupted run is followed by the same command,
 * whose store and reports must equal those of an uninterrupted run. The process tells the
 * test where it is through checkpoints (see Checkpoints), so no timing is guessed.
 */
class CrashRecoveryCliTests {

	static final int ROWS = 60_000;

	static final List<String> CSV_REPORTS = List.of("stage_summary.csv", "branch_summary.csv", "stage_branch.csv",
			"conditions.csv", "rejected_records.csv");

	@TempDir
	static Path shared;

	static Path input;

	static Map<String, String> baselineReports;

	static List<String> baselineStore;

	@TempDir
	Path work;

	@BeforeAll
	static void uninterruptedRun() throws Exception {
		input = shared.resolve("input");
		Files.createDirectories(input);
		JarProcess generate = JarProcess.run(shared, "generate", "--rows", String.valueOf(ROWS), "--seed", "7",
				"--output", input.resolve("a-big.csv").toString());
		assertThat(generate.exitCode()).as(generate.out()).isZero();
		Files.copy(Path.of("src/test/resources/fixtures/stage-3.csv"), input.resolve("b-small.csv"));
		Path baseline = shared.resolve("baseline");
		JarProcess run = JarProcess.run(Files.createDirectories(baseline), "run", "--input", input.toString());
		assertThat(run.exitCode()).as(run.out() + run.errLines()).isZero();
		baselineReports = reports(baseline);
		baselineStore = store(baseline);
		assertThat(baselineStore).hasSizeGreaterThan(ROWS / 2);
	}

	@ParameterizedTest(name = "kill -9 at {0}")
	// chunk-N is reached before chunk N commits, so the rerun resumes after N - 1 chunks
	@CsvSource({ "chunk-5, 4000", "chunk-30, 29000", "publish, 60000" })
	void killDuringImportThenRerunGivesTheSameResult(String checkpoint, long resumedAfter) throws Exception {
		JarProcess killed = JarProcess.start(this.work, List.of("-Dexchange.test.checkpoint=" + checkpoint), "run",
				"--input", input.toString());
		killed.awaitLine("checkpoint " + checkpoint);
		killed.kill();

		JarProcess rerun = JarProcess.run(this.work, "run", "--input", input.toString());

		assertThat(rerun.exitCode()).as(rerun.out() + rerun.errLines()).isZero();
		assertThat(rerun.out()).contains("Run 1 was interrupted before it finished; its imports resume now.");
		if (checkpoint.startsWith("chunk-")) {
			assertThat(rerun.out()).contains("a-big.csv: recovered an import left unfinished by a process that died")
				.contains("a-big.csv: restarting an unfinished import, resuming after " + resumedAfter
						+ " rows already imported");
		}
		else {
			// every row was staged before the kill: the rerun only publishes them
			assertThat(rerun.out()).contains("a-big.csv: publishing the " + resumedAfter
					+ " rows an earlier run staged; the file is not read again");
		}
		assertThat(reports(this.work)).isEqualTo(baselineReports);
		assertThat(store(this.work)).isEqualTo(baselineStore);
		assertNoLeftovers(this.work);
		JarProcess history = JarProcess.run(this.work, "history");
		assertThat(history.out())
			.contains("restarted: " + input.resolve("a-big.csv") + " resumed after " + resumedAfter + " rows");
		assertThat(history.out().lines().filter((line) -> line.startsWith("1 "))).singleElement()
			.asString()
			.contains(" INTERRUPTED ");
	}

	@Test
	void killDuringReportWritingLeavesThePreviousReports() throws Exception {
		JarProcess first = JarProcess.run(this.work, "run", "--input", input.resolve("a-big.csv").toString());
		assertThat(first.exitCode()).isZero();
		Map<String, String> previous = reports(this.work);
		byte[] previousWorkbook = Files.readAllBytes(this.work.resolve("reports/exchange_report.xlsx"));

		JarProcess killed = JarProcess.start(this.work, List.of("-Dexchange.test.checkpoint=reports"), "run", "--input",
				input.toString());
		killed.awaitLine("checkpoint reports");
		killed.kill();

		assertThat(reports(this.work)).isEqualTo(previous);
		assertThat(this.work.resolve("reports/exchange_report.xlsx")).hasBinaryContent(previousWorkbook);
		JarProcess rerun = JarProcess.run(this.work, "run", "--input", input.toString());
		assertThat(rerun.exitCode()).isZero();
		assertThat(reports(this.work)).isEqualTo(baselineReports);
		assertThat(store(this.work)).isEqualTo(baselineStore);
		assertNoLeftovers(this.work);
	}

	@Test
	void sigtermStopsAfterTheChunkAndTheNextRunResumes() throws Exception {
		JarProcess stopped = JarProcess.start(this.work, List.of("-Dexchange.test.checkpoint=chunk-20"), "run",
				"--input", input.toString());
		stopped.awaitLine("checkpoint chunk-20");
		stopped.terminate();
		// the signal comes while chunk 20 is written; the stop is applied at the end of a
		// chunk, so the step ends after chunk 21 with both committed. b-small.csv,
		// imported beside it, is staged but not published: a stopped run publishes
		// nothing after the stop.

		assertThat(stopped.waitForExit()).isEqualTo(1);
		assertThat(stopped.errLines()).as(stopped.out())
			.containsExactly(
					"error: stopped on request; the reports were not rebuilt. Run the same command again to resume.");
		assertThat(stopped.out()).contains("a-big.csv: stopped on request after 21000 rows")
			.contains("b-small.csv: stopped on request after 3 rows");
		assertThat(query(this.work, "SELECT STATUS FROM BATCH_JOB_EXECUTION")).containsExactlyInAnyOrder("STOPPED",
				"COMPLETED");
		assertThat(query(this.work, "SELECT STEP_NAME || ' ' || STATUS || ' ' || READ_COUNT FROM BATCH_STEP_EXECUTION"))
			.containsExactlyInAnyOrder("importStep STOPPED 21000", "importStep COMPLETED 3");
		assertThat(query(this.work, "SELECT COUNT(*) FROM import_file WHERE status = 'COMPLETED'"))
			.containsExactly("0");
		assertThat(query(this.work, "SELECT status FROM exchange_run")).containsExactly("STOPPED");

		JarProcess rerun = JarProcess.run(this.work, "run", "--input", input.toString());

		assertThat(rerun.exitCode()).isZero();
		assertThat(rerun.out()).contains("resuming after 21000 rows already imported")
			.doesNotContain("recovered an import");
		assertThat(reports(this.work)).isEqualTo(baselineReports);
		assertThat(store(this.work)).isEqualTo(baselineStore);
	}

	@Test
	void secondRunOnTheSameStoreIsRefusedAndTheFirstIsUnaffected() throws Exception {
		Path resume = this.work.resolve("resume");
		JarProcess first = JarProcess.start(this.work,
				List.of("-Dexchange.test.checkpoint=chunk-5", "-Dexchange.test.resume-file=" + resume), "run",
				"--input", input.toString());
		first.awaitLine("checkpoint chunk-5");

		JarProcess second = JarProcess.run(this.work, "run", "--input", input.toString());
		Files.createFile(resume);

		assertThat(second.exitCode()).isEqualTo(1);
		assertThat(second.errLines()).containsExactly("error: the store data/exchanges is in use by another process "
				+ "(a run in progress); nothing was done. Try again when it has finished.");
		assertThat(first.waitForExit()).isZero();
		assertThat(reports(this.work)).isEqualTo(baselineReports);
		assertThat(store(this.work)).isEqualTo(baselineStore);
	}

	@Test
	void longImportShowsProgressWithRateAndEta() throws Exception {
		// not a terminal: log lines (here one a second, instead of every 5 seconds)
		JarProcess logged = JarProcess.start(this.work, List.of("-Dexchange.progress-interval-millis=1"), "run",
				"--input", input.resolve("a-big.csv").toString());
		// the first line has no ETA yet: it needs two measurements
		String line = logged.awaitLine((text) -> text.startsWith("a-big.csv: ") && text.contains("% of the file"),
				Duration.ofSeconds(120));
		assertThat(line).matches("a-big\\.csv: \\d+ rows read \\(\\d+ rows/s, \\d+% of the file, about \\d+ s left\\)");
		assertThat(logged.waitForExit()).isZero();

		// a terminal (a pseudo-terminal made by script(1)): a progress bar with rate and
		// ETA
		Path typescript = this.work.resolve("typescript");
		Process terminal = new ProcessBuilder("script", "-qec",
				JarProcess.javaCommand() + " run --input " + input.resolve("a-big.csv") + " --db terminal/exchanges",
				typescript.toString())
			.directory(this.work.toFile())
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		assertThat(terminal.waitFor()).isZero();
		String screen = Files.readString(typescript);
		assertThat(screen)
			.containsPattern("a-big\\.csv +\\d+% \\[[=> ]*\\] +[\\d.]+/\\d+ MB \\(\\d+:\\d+:\\d+ / \\d+:\\d+:\\d+\\)");
		assertThat(screen).contains("MB/s").contains(" rows");
	}

	@Test
	void rejectLimitItselfCompletesAndOneOverStoresNothing() throws Exception {
		Path fixture = Path.of("src/test/resources/fixtures/stage-1-2.csv").toAbsolutePath();
		JarProcess over = JarProcess.run(this.work, "run", "--input", fixture.toString(), "--max-rejects", "2");
		assertThat(over.exitCode()).isEqualTo(1);
		assertThat(query(this.work, "SELECT COUNT(*) FROM exchange_record r JOIN import_file f "
				+ "ON f.import_id = r.import_id WHERE f.status = 'COMPLETED'"))
			.containsExactly("0");

		JarProcess atLimit = JarProcess.run(this.work, "run", "--input", fixture.toString(), "--max-rejects", "3");
		assertThat(atLimit.exitCode()).isZero();
		assertThat(query(this.work, "SELECT COUNT(*) FROM exchange_record r JOIN import_file f "
				+ "ON f.import_id = r.import_id WHERE f.status = 'COMPLETED'"))
			.containsExactly("6");
	}

	static void assertNoLeftovers(Path dir) throws IOException {
		try (Stream<Path> files = Files.list(dir.resolve("reports"))) {
			assertThat(files.map((p) -> p.getFileName().toString())).containsExactlyInAnyOrder("stage_summary.csv",
					"branch_summary.csv", "stage_branch.csv", "conditions.csv", "rejected_records.csv",
					"exchange_report.xlsx");
		}
		try (Stream<Path> files = Files.walk(dir.resolve("tmp"))) {
			assertThat(files.filter(Files::isRegularFile)).as("temporary files (SXSSF included)").isEmpty();
		}
	}

	static Map<String, String> reports(Path dir) throws IOException {
		Map<String, String> reports = new LinkedHashMap<>();
		for (String name : CSV_REPORTS) {
			reports.put(name, Files.readString(dir.resolve("reports").resolve(name)));
		}
		return reports;
	}

	/** The visible records and the rejected rows, as reports would see them. */
	static List<String> store(Path dir) throws SQLException {
		List<String> rows = new ArrayList<>(query(dir, VISIBLE_RECORDS));
		rows.addAll(query(dir, REJECTED_ROWS));
		return rows;
	}

	/** The visible records, one line each (portable SQL: H2 and PostgreSQL). */
	static final String VISIBLE_RECORDS = "SELECT r.record_id || '|' || r.exchange_date || '|' || r.agreement || '|' "
			+ "|| r.stage || '|' || r.side || '|' || r.category || '|' || COALESCE(r.service_branch, '') || '|' "
			+ "|| COALESCE(r.rank_group, '') || '|' || COALESCE(CAST(r.age AS VARCHAR), '') || '|' "
			+ "|| COALESCE(CAST(r.captured_on AS VARCHAR), '') || '|' || r.conditions || '|' "
			+ "|| COALESCE(r.severity, '') FROM exchange_record r JOIN import_file f "
			+ "ON f.import_id = r.import_id WHERE f.status = 'COMPLETED' "
			+ "AND NOT EXISTS (SELECT 1 FROM superseded_record s WHERE s.row_key = r.row_key) "
			+ "ORDER BY r.record_id";

	/** The rejected rows, one line each. */
	static final String REJECTED_ROWS = "SELECT f.file_name || '|' || r.line_number || '|' || r.reasons "
			+ "FROM rejected_row r JOIN import_file f ON f.import_id = r.import_id ORDER BY f.file_name, r.line_number";

	static List<String> query(Path dir, String sql) throws SQLException {
		String url = "jdbc:h2:file:" + dir.resolve("data/exchanges").toAbsolutePath();
		try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
			return firstColumn(connection, sql);
		}
	}

	/** The first column of every row of a query, as text. */
	static List<String> firstColumn(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			List<String> rows = new ArrayList<>();
			while (rs.next()) {
				rows.add(rs.getString(1));
			}
			return rows;
		}
	}

}
