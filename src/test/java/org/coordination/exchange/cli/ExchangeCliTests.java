package org.coordination.exchange.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real command, as a user runs it: the packaged jar in its own process, its exit
 * status and what it prints.
 */
class ExchangeCliTests {

	static final Path FIXTURES = Path.of("src/test/resources/fixtures").toAbsolutePath();

	@TempDir
	Path work;

	@Test
	void cleanRunExitsZeroAndWritesEveryReport() throws Exception {
		Result result = exchange("run", "--input", FIXTURES.resolve("stage-3.csv").toString());

		assertThat(result.exit()).as(result.err()).isZero();
		assertThat(result.err()).isEmpty();
		assertThat(result.out()).contains("stage-3.csv: imported 3 rows: 3 accepted (0 updated), 0 rejected")
			.contains("Run completed in ")
			.contains("Reports are in reports.");
		assertThat(Files.readString(this.work.resolve("reports/stage_summary.csv")))
			.endsWith("\n,3,2025-06-26,2025-06-27,3,2,1,1,2,0,1,1,1,0,0,1,0,1338.5,1338.5,1461,2\n");
		assertThat(this.work.resolve("reports/exchange_report.xlsx")).isNotEmptyFile();
		assertThat(this.work.resolve("data/exchanges.mv.db")).exists();
	}

	@Test
	void missingInputFileExitsTwoWithOneLine() throws Exception {
		Result result = exchange("run", "--input", "nowhere.csv");

		assertThat(result.exit()).isEqualTo(2);
		assertThat(result.err().lines().toList()).containsExactly("error: nowhere.csv: no such file or directory");
	}

	@Test
	void missingRequiredColumnExitsTwoNamingFileAndLine() throws Exception {
		Result result = exchange("run", "--input", FIXTURES.resolve("no-stage.csv").toString());

		assertThat(result.exit()).isEqualTo(2);
		assertThat(result.err().lines().toList()).containsExactly(
				"error: " + FIXTURES.resolve("no-stage.csv") + ": line 1: header lacks required column 'stage'");
		assertThat(result.err()).doesNotContain("Exception").doesNotContain("\tat ");
	}

	@Test
	void unknownOptionExitsTwo() throws Exception {
		Result result = exchange("run", "--frobnicate");

		assertThat(result.exit()).isEqualTo(2);
		assertThat(result.err().lines().toList())
			.containsExactly("error: Unknown option: '--frobnicate' (see 'exchange-reports run --help')");
	}

	@Test
	void rejectLimitExceededExitsOne() throws Exception {
		Result result = exchange("run", "--input", FIXTURES.resolve("stage-1-2.csv").toString(), "--max-rejects", "2");

		assertThat(result.exit()).isEqualTo(1);
		assertThat(result.err().lines().toList()).containsExactly("error: " + FIXTURES.resolve("stage-1-2.csv")
				+ ": 3 rejected rows exceed the reject limit of 2; nothing of it was stored");
	}

	@Test
	void validateListsRejectsWithoutTouchingTheStore() throws Exception {
		Result result = exchange("validate", "--input", FIXTURES.resolve("stage-1-2.csv").toString(), "--output",
				"checked");

		assertThat(result.exit()).as(result.err()).isZero();
		assertThat(result.out()).contains("Checked 1 file(s): 9 rows, 3 rejected.");
		assertThat(Files.readAllLines(this.work.resolve("checked/rejected_records.csv"))).hasSize(4)
			.element(1)
			.asString()
			.startsWith("stage-1-2.csv,7,bad-1,BAD_VALUE:stage;BAD_VALUE:side;");
		assertThat(this.work.resolve("data")).doesNotExist();
	}

	@Test
	void historyListsRuns() throws Exception {
		exchange("run", "--input", FIXTURES.resolve("stage-3.csv").toString());
		exchange("run", "--input", FIXTURES.resolve("stage-3.csv").toString());

		Result result = exchange("history", "--last", "5");

		assertThat(result.exit()).isZero();
		List<String> lines = result.out().lines().toList();
		assertThat(lines).hasSize(3);
		assertThat(lines.get(0)).startsWith("run   started");
		assertThat(lines.get(1)).startsWith("2 ").contains(" COMPLETED ");
		assertThat(lines.get(1).split("\\s+")).containsSequence("COMPLETED", "0", "1", "0", "0", "0", "0", "0");
		assertThat(lines.get(2).split("\\s+")).containsSequence("COMPLETED", "1", "0", "0", "3", "3", "0", "0");
	}

	@Test
	void operatorExtendsServiceBranchesWithoutRebuilding() throws Exception {
		Files.createDirectories(this.work.resolve("config"));
		Files.writeString(this.work.resolve("config/service-branches.csv"),
				"code,aliases\nCOAST_GUARD,Coast Guard|Берегова охорона\nNAVY,Ukrainian Navy\n");
		Path input = this.work.resolve("coast.csv");
		Files.writeString(input, """
				record_id,exchange_date,stage,side,category,service_branch,rank_group
				K-1,2025-06-26,3,UA,MILITARY,Берегова охорона,OFFICER
				K-2,2025-06-26,3,UA,MILITARY,ukrainian navy,NCO
				K-3,2025-06-26,3,UA,MILITARY,Coast,NCO
				""");

		Result result = exchange("run", "--input", input.toString());

		assertThat(result.exit()).as(result.err()).isZero();
		assertThat(Files.readString(this.work.resolve("reports/branch_summary.csv")))
			.contains("\nCOAST_GUARD,1,1,0,0,0,0,,,,0\n")
			.contains("\nNAVY,1,0,1,0,0,0,,,,0\n");
		assertThat(Files.readString(this.work.resolve("reports/rejected_records.csv")))
			.contains("coast.csv,4,K-3,BAD_VALUE:service_branch,");
	}

	@Test
	void unusableBranchesFileExitsTwo() throws Exception {
		Path branches = Files.writeString(this.work.resolve("branches.csv"), "no header here\n");

		Result result = exchange("validate", "--branches", branches.toString(), "--input",
				FIXTURES.resolve("stage-3.csv").toString());

		assertThat(result.exit()).isEqualTo(2);
		assertThat(result.err().lines().toList()).hasSize(1).first().asString().startsWith("error: --branches: ");
	}

	@Test
	void helpOnEachCommand() throws Exception {
		for (String command : List.of("run", "validate", "history")) {
			Result result = exchange(command, "--help");
			assertThat(result.exit()).isZero();
			assertThat(result.out()).startsWith("Usage: exchange-reports " + command);
		}
	}

	private Result exchange(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(javaBin(), "-jar", jar()));
		command.addAll(List.of(args));
		Path out = Files.createTempFile(this.work, "out", ".txt");
		Path err = Files.createTempFile(this.work, "err", ".txt");
		Process process = new ProcessBuilder(command).directory(this.work.toFile())
			.redirectOutput(out.toFile())
			.redirectError(err.toFile())
			.start();
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished in time").isTrue();
		Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
				Files.readString(err, StandardCharsets.UTF_8));
		Files.delete(out);
		Files.delete(err);
		return result;
	}

	static String javaBin() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	static String jar() {
		String jar = System.getProperty("exchange.jar");
		assertThat(jar).as("exchange.jar system property (set by the build)").isNotNull();
		return Path.of(jar).toAbsolutePath().toString();
	}

	record Result(int exit, String out, String err) {

	}

}
