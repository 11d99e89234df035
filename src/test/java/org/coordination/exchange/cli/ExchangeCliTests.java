package org.coordination.exchange.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
	void minCellCountBelowTwoExitsTwo() throws Exception {
		Result result = exchange("run", "--min-cell-count", "1");

		assertThat(result.exit()).isEqualTo(2);
		assertThat(result.err().lines().toList())
			.containsExactly("error: --min-cell-count must be at least 2 (see 'exchange-reports run --help')");
	}

	@Test
	void exportWritesTheStoresRecordsCleanedAndOrderedByRecordId() throws Exception {
		exchange("run", "--input", FIXTURES.resolve("stage-1-2.csv").toString(),
				FIXTURES.resolve("stage-3.csv").toString());

		Result csv = exchange("export");
		Result xlsx = exchange("export", "--format", "xlsx", "--output", "out");

		assertThat(csv.exit()).as(csv.err()).isZero();
		assertThat(csv.out()).startsWith("Exported 9 records to exports/exchange_records.csv in ");
		assertThat(Files.readAllLines(this.work.resolve("exports/exchange_records.csv"))).containsExactly(
				"record_id,exchange_date,agreement,stage,side,category,service_branch,rank_group,age,captured_on,"
						+ "capture_place,conditions,severity,captivity_days",
				"A-1,2025-06-09,Istanbul 2025-06-02,1,UA,MILITARY,NAVY,OFFICER,24,2022-05-20,\"Mariupol, Azovstal\","
						+ "AMPUTATION;TRAUMA,SEVERE,1116",
				"A-2,2025-06-09,Istanbul 2025-06-02,1,RU,MILITARY,GROUND_FORCES,NCO,31,2024-01-10,Kursk,,NONE,516",
				"A-3,2025-06-09,Istanbul 2025-06-02,1,UA,CIVILIAN,,,67,2022-03-01,Mariupol,CHRONIC_DISEASE,MODERATE,"
						+ "1196",
				"A-4,2025-06-10,Istanbul 2025-06-02,2,UA,REMAINS,,,,,,,,",
				"A-5,2025-06-10,Istanbul 2025-06-02,2,UA,MILITARY,NATIONAL_GUARD,ENLISTED,19,2023-06-01,Bakhmut,"
						+ "INFECTION;SHRAPNEL_WOUND,SEVERE,740",
				"A-7,2025-06-10,'=HYPERLINK(1),2,RU,MILITARY,UNKNOWN,ENLISTED,22,2022-06-10,,TRAUMA,,1096",
				"B-1,2025-06-26,,3,UA,MILITARY,AIR_ASSAULT_FORCES,OFFICER,40,2022-02-26,,ABSCESS;VISION_LOSS,,1216",
				"B-2,2025-06-26,,3,RU,MILITARY,NAVY,NCO,,2021-06-26,,,,1461", "B-3,2025-06-27,,3,UA,REMAINS,,,,,,,,");
		assertThat(xlsx.exit()).as(xlsx.err()).isZero();
		assertThat(xlsx.out()).startsWith("Exported 9 records to out/exchange_records.xlsx in ");
		try (XSSFWorkbook workbook = new XSSFWorkbook(this.work.resolve("out/exchange_records.xlsx").toFile())) {
			assertThat(workbook.getSheet("Records").getLastRowNum()).isEqualTo(9);
			assertThat(workbook.getSheet("Records").getRow(9).getCell(0).getStringCellValue()).isEqualTo("B-3");
		}
	}

	@Test
	void workbookNamesTheOfficeFromConfiguration() throws Exception {
		Files.createDirectories(this.work.resolve("config"));
		Files.writeString(this.work.resolve("config/application.properties"),
				"exchange.office-name=Office for Exchanges & Returns\n");

		Result result = exchange("run", "--input", FIXTURES.resolve("stage-3.csv").toString());

		assertThat(result.exit()).as(result.err()).isZero();
		try (XSSFWorkbook workbook = new XSSFWorkbook(this.work.resolve("reports/exchange_report.xlsx").toFile())) {
			assertThat(workbook.getProperties().getCoreProperties().getCreator())
				.isEqualTo("Office for Exchanges & Returns");
			assertThat(workbook.getSheet("Summary").getRow(1).getCell(0).getStringCellValue())
				.isEqualTo("Office for Exchanges & Returns");
			assertThat(workbook.getSheet("Stages").getHeader().getLeft()).isEqualTo("Office for Exchanges && Returns");
		}
	}

	@Test
	void exportRejectsAnUnknownFormat() throws Exception {
		Result result = exchange("export", "--format", "pdf");

		assertThat(result.exit()).isEqualTo(2);
		assertThat(result.err().lines().toList())
			.containsExactly("error: --format must be csv or xlsx, not 'pdf' (see 'exchange-reports export --help')");
		assertThat(this.work.resolve("exports")).doesNotExist();
	}

	@Test
	void helpOnEachCommand() throws Exception {
		for (String command : List.of("run", "validate", "history", "export")) {
			Result result = exchange(command, "--help");
			assertThat(result.exit()).isZero();
			assertThat(result.out()).startsWith("Usage: exchange-reports " + command);
		}
	}

	private Result exchange(String... args) throws IOException, InterruptedException {
		List<String> command = JarProcess.command(List.of());
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

	record Result(int exit, String out, String err) {

	}

}
