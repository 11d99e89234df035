package org.coordination.exchange.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code schedule} as a real process on a per-second cron, with files dropped into the
 * input folder between ticks.
 */
class ScheduleCliTests {

	static final Path FIXTURES = Path.of("src/test/resources/fixtures").toAbsolutePath();

	static final Duration WAIT = Duration.ofSeconds(90);

	@TempDir
	Path work;

	@Test
	void runsOnTheScheduleOneAtATimeKeepsGoingAfterAFailureAndStopsOnSigterm() throws Exception {
		Path input = Files.createDirectories(this.work.resolve("input"));
		JarProcess schedule = JarProcess.start(this.work, List.of(), "schedule", "--cron", "* * * * * *", "--zone",
				"UTC");
		assertThat(schedule.awaitLine("Schedule '* * * * * *' (UTC): next run at "))
			.endsWith("Stop with SIGTERM or Ctrl-C.");
		schedule.awaitLine("Run completed in ");

		Files.copy(FIXTURES.resolve("stage-1-2.csv"), input.resolve("stage-1-2.csv"));
		schedule.awaitLine(
				(line) -> line.endsWith("stage-1-2.csv: imported 9 rows: 6 accepted (0 updated), 3 rejected"), WAIT);
		Files.copy(FIXTURES.resolve("no-stage.csv"), input.resolve("no-stage.csv"));
		schedule.awaitLine((line) -> line.startsWith("Run failed: some input was unusable"), WAIT);
		Files.copy(FIXTURES.resolve("stage-3.csv"), input.resolve("stage-3.csv"));
		schedule.awaitLine((line) -> line.endsWith("stage-3.csv: imported 3 rows: 3 accepted (0 updated), 0 rejected"),
				WAIT);
		Files.delete(input.resolve("no-stage.csv"));
		schedule.awaitLine((line) -> line.startsWith("Run completed in "), WAIT);
		schedule.terminate();

		int exit = schedule.waitForExit();
		assertThat(schedule.out()).endsWith("Schedule stopped.");
		// stopped while idle it exits 0; a run it had to stop makes it exit 1
		assertThat(exit).as(schedule.out() + schedule.errLines())
			.isEqualTo(schedule.out().contains("Run stopped") ? 1 : 0);
		assertThat(schedule.out()).containsPattern("Skipped \\d+ tick\\(s\\) from .*: a run was still going\\.");
		assertThat(schedule.errLines())
			.contains("error: " + input.resolve("no-stage.csv") + ": line 1: header lacks required column 'stage'");
		List<String> stages = Files.readAllLines(this.work.resolve("reports/stage_summary.csv"));
		assertThat(stages).hasSize(5).last().asString().startsWith(",3,2025-06-26,2025-06-27,3,");
		assertRunsNeverOverlapped();
		assertThat(CrashRecoveryCliTests.query(this.work, "SELECT COUNT(*) FROM exchange_run WHERE status = 'STARTED'"))
			.containsExactly("0");
		assertThat(CrashRecoveryCliTests.query(this.work,
				"SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS IN ('STARTED', 'STARTING', 'STOPPING', 'UNKNOWN')"))
			.containsExactly("0");
	}

	private void assertRunsNeverOverlapped() throws Exception {
		List<String> runs = CrashRecoveryCliTests.query(this.work,
				"SELECT started_at || '/' || COALESCE(CAST(finished_at AS VARCHAR), '') FROM exchange_run ORDER BY run_id");
		assertThat(runs).hasSizeGreaterThanOrEqualTo(4);
		Timestamp previousEnd = null;
		for (String run : runs) {
			String[] times = run.split("/");
			Timestamp start = Timestamp.valueOf(times[0]);
			if (previousEnd != null) {
				assertThat(start).as("a run started before the previous one ended").isAfterOrEqualTo(previousEnd);
			}
			previousEnd = (times.length > 1) ? Timestamp.valueOf(times[1]) : null;
		}
	}

}
