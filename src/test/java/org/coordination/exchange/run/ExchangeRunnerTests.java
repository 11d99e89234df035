package org.coordination.exchange.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.coordination.exchange.ExchangeReportsApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole runs on the real H2 file store: exact report contents, re-runs and corrections.
 */
@SpringBootTest(classes = ExchangeReportsApplication.class)
class ExchangeRunnerTests extends RunnerTestSupport {

	static final Path FIXTURES = Path.of("src/test/resources/fixtures");

	static final String STAGE_SUMMARY = """
			agreement,stage,first_exchange_date,last_exchange_date,returned_total,returned_to_ua,returned_to_ru,balance,military,civilians,remains,officers,ncos,enlisted,severe,with_conditions,age_18_25,captivity_days_avg,captivity_days_median,captivity_days_max,captivity_over_3y
			Istanbul 2025-06-02,1,2025-06-09,2025-06-09,3,2,1,1,2,1,0,1,1,0,1,2,1,942.7,1116.0,1196,2
			'=HYPERLINK(1),2,2025-06-10,2025-06-10,1,0,1,-1,1,0,0,0,0,1,0,1,1,1096.0,1096.0,1096,0
			Istanbul 2025-06-02,2,2025-06-10,2025-06-10,2,2,0,2,1,0,1,0,0,1,1,1,1,740.0,740.0,740,0
			,3,2025-06-26,2025-06-27,3,2,1,1,2,0,1,1,1,0,0,1,0,1338.5,1338.5,1461,2
			""";

	static final String BRANCH_SUMMARY = """
			service_branch,returned,officers,ncos,enlisted,severe,with_conditions,captivity_days_avg,captivity_days_median,captivity_days_max,captivity_over_3y
			NAVY,2,1,1,0,1,1,1288.5,1288.5,1461,2
			AIR_ASSAULT_FORCES,1,1,0,0,0,1,1216.0,1216.0,1216,1
			GROUND_FORCES,1,0,1,0,0,0,516.0,516.0,516,0
			NATIONAL_GUARD,1,0,0,1,1,1,740.0,740.0,740,0
			UNKNOWN,1,0,0,1,0,1,1096.0,1096.0,1096,0
			""";

	static final String STAGE_BRANCH = """
			agreement,stage,service_branch,returned,officers,ncos,enlisted,severe,with_conditions
			Istanbul 2025-06-02,1,GROUND_FORCES,1,0,1,0,0,0
			Istanbul 2025-06-02,1,NAVY,1,1,0,0,1,1
			'=HYPERLINK(1),2,UNKNOWN,1,0,0,1,0,1
			Istanbul 2025-06-02,2,NATIONAL_GUARD,1,0,0,1,1,1
			,3,AIR_ASSAULT_FORCES,1,1,0,0,0,1
			,3,NAVY,1,0,1,0,0,0
			""";

	static final String CONDITIONS = """
			agreement,stage,condition,cases
			Istanbul 2025-06-02,1,AMPUTATION,1
			Istanbul 2025-06-02,1,CHRONIC_DISEASE,1
			Istanbul 2025-06-02,1,TRAUMA,1
			'=HYPERLINK(1),2,TRAUMA,1
			Istanbul 2025-06-02,2,INFECTION,1
			Istanbul 2025-06-02,2,SHRAPNEL_WOUND,1
			,3,ABSCESS,1
			,3,VISION_LOSS,1
			""";

	static final String REJECTED = """
			source_file,line_number,record_id,reasons,raw
			stage-1-2.csv,7,bad-1,BAD_VALUE:stage;BAD_VALUE:side;MISSING_VALUE:service_branch;MISSING_VALUE:rank_group,"bad-1,2025-06-10,Istanbul 2025-06-02,0,XX,MILITARY,,,,,,,"
			stage-1-2.csv,8,A-1,DUPLICATE_RECORD_ID,"A-1,2025-06-10,Istanbul 2025-06-02,2,UA,MILITARY,NAVY,NCO,25,,,,"
			stage-1-2.csv,9,,MALFORMED_ROW,\"""A-6,2025-06-10"
			""";

	@Test
	void runWritesExactReports() throws IOException {
		Path reports = this.work.resolve("reports");
		int exit = run(reports, FIXTURES.resolve("stage-1-2.csv"), FIXTURES.resolve("stage-3.csv"));

		assertThat(exit).as(this.err.toString()).isZero();
		assertThat(read(reports, "stage_summary.csv")).isEqualTo(STAGE_SUMMARY);
		assertThat(read(reports, "branch_summary.csv")).isEqualTo(BRANCH_SUMMARY);
		assertThat(read(reports, "stage_branch.csv")).isEqualTo(STAGE_BRANCH);
		assertThat(read(reports, "conditions.csv")).isEqualTo(CONDITIONS);
		assertThat(read(reports, "rejected_records.csv")).isEqualTo(REJECTED);
		assertThat(this.out.toString()).contains("stage-1-2.csv: imported 9 rows: 6 accepted (0 updated), 3 rejected")
			.contains("stage-3.csv: imported 3 rows: 3 accepted (0 updated), 0 rejected")
			.contains("2 file(s) imported, 0 skipped as already imported, 0 failed; 12 rows read, 9 accepted "
					+ "(0 updated), 3 rejected.");
		try (Stream<Path> files = Files.list(reports)) {
			assertThat(files.map((p) -> p.getFileName().toString())).containsExactlyInAnyOrder("stage_summary.csv",
					"branch_summary.csv", "stage_branch.csv", "conditions.csv", "rejected_records.csv",
					"exchange_report.xlsx");
		}
	}

	@Test
	void workbookHoldsTypedCells() throws IOException {
		Path reports = this.work.resolve("reports");
		run(reports, FIXTURES.resolve("stage-1-2.csv"), FIXTURES.resolve("stage-3.csv"));

		try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(reports.resolve("exchange_report.xlsx")))) {
			List<String> sheets = new ArrayList<>();
			workbook.forEach((sheet) -> sheets.add(sheet.getSheetName()));
			assertThat(sheets).containsExactly("Summary", "Stages", "Branches", "Stage × Branch", "Medical", "Timeline",
					"Rejected", "Run");
			assertThat(workbook.getProperties().getCoreProperties().getCreator())
				.isEqualTo("Coordinating office for prisoner-of-war exchanges");
			Sheet stages = workbook.getSheet("Stages");
			Row header = stages.getRow(0);
			assertThat(header.getCell(0).getStringCellValue()).isEqualTo("agreement");
			assertThat(header.getCell(20).getStringCellValue()).isEqualTo("captivity_over_3y");
			Row first = stages.getRow(1);
			assertThat(first.getCell(0).getStringCellValue()).isEqualTo("Istanbul 2025-06-02");
			assertThat(first.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(first.getCell(1).getNumericCellValue()).isEqualTo(1);
			assertThat(first.getCell(2).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2025, 6, 9));
			assertThat(first.getCell(4).getNumericCellValue()).isEqualTo(3);
			assertThat(first.getCell(17).getNumericCellValue()).isEqualTo(942.7);
			Row hyperlink = stages.getRow(2);
			assertThat(hyperlink.getCell(0).getCellType()).isEqualTo(CellType.STRING);
			assertThat(hyperlink.getCell(0).getStringCellValue()).isEqualTo("=HYPERLINK(1)");
			assertThat(hyperlink.getCell(7).getNumericCellValue()).isEqualTo(-1);
			Sheet branches = workbook.getSheet("Branches");
			assertThat(branches.getRow(1).getCell(0).getStringCellValue()).isEqualTo("NAVY");
			assertThat(branches.getRow(1).getCell(7).getNumericCellValue()).isEqualTo(1288.5);
			assertThat(branches.getLastRowNum()).isEqualTo(6);
			assertThat(branches.getRow(6).getCell(0).getStringCellValue()).isEqualTo("Total");
			assertThat(branches.getRow(6).getCell(1).getCellFormula()).isEqualTo("SUM(B2:B6)");
			assertThat(branches.getRow(6).getCell(1).getNumericCellValue()).isEqualTo(6);
			Sheet rejected = workbook.getSheet("Rejected");
			assertThat(rejected.getRow(3).getCell(3).getStringCellValue()).isEqualTo("MALFORMED_ROW");
			assertThat(rejected.getRow(3).getCell(1).getNumericCellValue()).isEqualTo(9);
			Sheet runSheet = workbook.getSheet("Run");
			assertThat(text(runSheet)).contains(ExchangeRunner.sha256(FIXTURES.resolve("stage-3.csv")));
		}
	}

	@Test
	void minCellCountHidesSmallCountsInEveryReport() throws IOException {
		Path reports = this.work.resolve("reports");
		int exit = this.runner.run(
				new RunRequest(List.of(FIXTURES.resolve("stage-1-2.csv"), FIXTURES.resolve("stage-3.csv")), reports,
						1000, StandardCharsets.UTF_8, null, false, 3),
				new PrintWriter(this.out), new PrintWriter(this.err));

		assertThat(exit).as(this.err.toString()).isZero();
		// three records: each count is <3, and x where a total gives one away (its own
		// total, through its day in the timeline)
		assertThat(read(reports, "stage_summary.csv").lines().toList()).element(1)
			.isEqualTo("Istanbul 2025-06-02,1,2025-06-09,2025-06-09,x,<3,<3,x,<3,<3,0,<3,<3,0,<3,<3,<3,942.7,1116.0,"
					+ "1196,<3");
		assertThat(read(reports, "conditions.csv")).doesNotContain(",1\n");
		// the rejected rows are not counts: unchanged
		assertThat(read(reports, "rejected_records.csv")).isEqualTo(REJECTED);
		try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(reports.resolve("exchange_report.xlsx")))) {
			assertThat(text(workbook.getSheet("Run"))).contains("small-cell suppression|counts from 1 to 2 are shown "
					+ "as <3; x hides a figure that would let a hidden count be worked out from a total|");
			assertThat(workbook.getSheet("Stages").getRow(1).getCell(5).getStringCellValue()).isEqualTo("<3");
		}
	}

	@Test
	void sameFileTwiceChangesNothing() throws IOException {
		Path reports = this.work.resolve("reports");
		run(reports, FIXTURES.resolve("stage-1-2.csv"));
		String before = read(reports, "stage_summary.csv") + read(reports, "rejected_records.csv");
		Integer records = this.jdbc.queryForObject("SELECT COUNT(*) FROM exchange_record", Integer.class);

		this.out.getBuffer().setLength(0);
		Path copy = Files.copy(FIXTURES.resolve("stage-1-2.csv"), this.work.resolve("same-content.csv"));
		int exit = run(reports, FIXTURES.resolve("stage-1-2.csv"), copy);

		assertThat(exit).isZero();
		assertThat(this.out.toString()).contains("stage-1-2.csv: already imported, skipped")
			.contains("same-content.csv: already imported as stage-1-2.csv, skipped")
			.contains("0 file(s) imported, 2 skipped as already imported");
		assertThat(read(reports, "stage_summary.csv") + read(reports, "rejected_records.csv")).isEqualTo(before);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM exchange_record", Integer.class)).isEqualTo(records);
	}

	@Test
	void correctionReplacesRecord() throws IOException {
		Path reports = this.work.resolve("reports");
		run(reports, FIXTURES.resolve("stage-1-2.csv"), FIXTURES.resolve("stage-3.csv"));
		this.out.getBuffer().setLength(0);

		int exit = run(reports, FIXTURES.resolve("corrections.csv"));

		assertThat(exit).isZero();
		assertThat(this.out.toString())
			.contains("corrections.csv: imported 1 rows: 1 accepted (1 updated), 0 rejected");
		assertThat(read(reports, "stage_summary.csv").lines().toList().get(1))
			.isEqualTo("Istanbul 2025-06-02,1,2025-06-09,2025-06-09,3,2,1,1,2,1,0,2,0,0,1,2,1,1156.0,1156.0,1196,2");
		assertThat(read(reports, "branch_summary.csv")).contains("\nGROUND_FORCES,1,1,0,0,0,0,,,,0\n");
		assertThat(
				this.jdbc.queryForObject(
						"SELECT COUNT(*) FROM exchange_record r WHERE r.record_id = 'A-2' AND "
								+ "NOT EXISTS (SELECT 1 FROM superseded_record s WHERE s.row_key = r.row_key)",
						Integer.class))
			.isEqualTo(1);
		// the rejects of the earlier files are still listed: reports are cumulative
		assertThat(read(reports, "rejected_records.csv")).isEqualTo(REJECTED);
	}

	@Test
	void rejectLimitFailsTheFileAndStoresNothingOfIt() throws IOException {
		Path reports = this.work.resolve("reports");
		int exit = run(reports, 2, FIXTURES.resolve("stage-1-2.csv"), FIXTURES.resolve("stage-3.csv"));

		assertThat(exit).isEqualTo(1);
		assertThat(this.err.toString())
			.contains("stage-1-2.csv: 3 rejected rows exceed the reject limit of 2; nothing of it was stored");
		// the other file is still imported and its figures reported
		assertThat(read(reports, "stage_summary.csv").lines().toList()).hasSize(2)
			.last()
			.isEqualTo(",3,2025-06-26,2025-06-27,3,2,1,1,2,0,1,1,1,0,0,1,0,1338.5,1338.5,1461,2");
		// and the failed file's rejects are listed so that they can be fixed
		assertThat(read(reports, "rejected_records.csv")).isEqualTo(REJECTED);
	}

	@Test
	void rejectLimitItselfIsAllowed() throws IOException {
		int exit = run(this.work.resolve("reports"), 3, FIXTURES.resolve("stage-1-2.csv"));

		assertThat(exit).isZero();
		assertThat(read(this.work.resolve("reports"), "stage_summary.csv").lines()).hasSize(4);
	}

	@Test
	void missingColumnIsUnusableInputButOtherFilesAreImported() throws IOException {
		Path reports = this.work.resolve("reports");
		int exit = run(reports, 1000, FIXTURES.resolve("no-stage.csv"), FIXTURES.resolve("stage-3.csv"));

		assertThat(exit).isEqualTo(2);
		assertThat(this.err.toString().strip()).startsWith("error: ")
			.endsWith("no-stage.csv: line 1: header lacks required column 'stage'");
		assertThat(read(reports, "stage_summary.csv").lines()).hasSize(2);
	}

	private int run(Path reports, Path... inputs) {
		return run(reports, 1000, inputs);
	}

	private int run(Path reports, long maxRejects, Path... inputs) {
		return run(reports, maxRejects, StandardCharsets.UTF_8, inputs);
	}

	static String read(Path dir, String name) throws IOException {
		return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
	}

	static String text(Sheet sheet) {
		StringBuilder text = new StringBuilder();
		sheet.forEach((row) -> row.forEach((cell) -> text.append(cell.toString()).append('|')));
		return text.toString();
	}

}
