package org.coordination.exchange.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.coordination.exchange.ExchangeReportsApplication;
import org.coordination.exchange.store.StoreCleaner;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and broken input (the fixtures in {@code src/test/resources/hostile}, and large
 * ones generated here) through whole runs on the real H2 file store: what is rejected and
 * why, what is imported, what the reports hold, and the one line a file-level problem
 * gives.
 */
@SpringBootTest(classes = ExchangeReportsApplication.class)
class HostileInputTests extends RunnerTestSupport {

	static final Path HOSTILE = Path.of("src/test/resources/hostile");

	static final String HEADER = "record_id,exchange_date,agreement,stage,side,category,service_branch,rank_group,age,"
			+ "captured_on,capture_place,conditions,severity";

	static final String REJECTED_HEADER = "source_file,line_number,record_id,reasons,raw";

	static final String STAGE_HEADER = "agreement,stage,first_exchange_date,last_exchange_date,returned_total,"
			+ "returned_to_ua,returned_to_ru,balance,military,civilians,remains,officers,ncos,enlisted,severe,"
			+ "with_conditions,age_18_25,captivity_days_avg,captivity_days_median,captivity_days_max,captivity_over_3y";

	static final String UTF8_HINT = " (if the file is not UTF-8, give its encoding with --encoding, e.g. windows-1251)";

	// bad values at the edges

	@Test
	void everyReasonCodeAloneAndAllAtOnceInOneRow() throws IOException {
		int exit = run(HOSTILE.resolve("every-reason.csv"));

		assertThat(exit).as(this.err.toString()).isZero();
		String a = "a".repeat(201);
		String p = "p".repeat(201);
		assertThat(rejected()).containsExactly(REJECTED_HEADER,
				"every-reason.csv,3,,MALFORMED_ROW,\"M-1,2025-06-10,Istanbul\"",
				"every-reason.csv,4,,MISSING_VALUE:record_id,\",2025-06-10,Istanbul,1,UA,CIVILIAN,,,,,,,\"",
				"every-reason.csv,5,R-2,MISSING_VALUE:exchange_date,\"R-2,,Istanbul,1,UA,CIVILIAN,,,,,,,\"",
				"every-reason.csv,6,R-3,MISSING_VALUE:stage,\"R-3,2025-06-10,Istanbul,,UA,CIVILIAN,,,,,,,\"",
				"every-reason.csv,7,R-4,MISSING_VALUE:side,\"R-4,2025-06-10,Istanbul,1,,CIVILIAN,,,,,,,\"",
				"every-reason.csv,8,R-5,MISSING_VALUE:category,\"R-5,2025-06-10,Istanbul,1,UA,,,,,,,,\"",
				"every-reason.csv,9,R-6,MISSING_VALUE:service_branch,\"R-6,2025-06-10,Istanbul,1,UA,MILITARY,,OFFICER,,,,,\"",
				"every-reason.csv,10,R-7,MISSING_VALUE:rank_group,\"R-7,2025-06-10,Istanbul,1,UA,MILITARY,NAVY,,,,,,\"",
				"every-reason.csv,11,R 8,BAD_VALUE:record_id,\"R 8,2025-06-10,Istanbul,1,UA,CIVILIAN,,,,,,,\"",
				"every-reason.csv,12,R-9,BAD_VALUE:exchange_date,\"R-9,2025-02-30,Istanbul,1,UA,CIVILIAN,,,,,,,\"",
				"every-reason.csv,13,R-10,BAD_VALUE:agreement,\"R-10,2025-06-10," + a + ",1,UA,CIVILIAN,,,,,,,\"",
				"every-reason.csv,14,R-11,BAD_VALUE:stage,\"R-11,2025-06-10,Istanbul,1000,UA,CIVILIAN,,,,,,,\"",
				"every-reason.csv,15,R-12,BAD_VALUE:side,\"R-12,2025-06-10,Istanbul,1,UK,CIVILIAN,,,,,,,\"",
				"every-reason.csv,16,R-13,BAD_VALUE:category,\"R-13,2025-06-10,Istanbul,1,UA,SOLDIER,,,,,,,\"",
				"every-reason.csv,17,R-14,BAD_VALUE:service_branch,"
						+ "\"R-14,2025-06-10,Istanbul,1,UA,MILITARY,SPACE_FORCE,OFFICER,,,,,\"",
				"every-reason.csv,18,R-15,BAD_VALUE:rank_group,\"R-15,2025-06-10,Istanbul,1,UA,MILITARY,NAVY,GENERAL,,,,,\"",
				"every-reason.csv,19,R-16,BAD_VALUE:age,\"R-16,2025-06-10,Istanbul,1,UA,CIVILIAN,,,13,,,,\"",
				"every-reason.csv,20,R-17,BAD_VALUE:captured_on,\"R-17,2025-06-10,Istanbul,1,UA,CIVILIAN,,,,2022-13-01,,,\"",
				"every-reason.csv,21,R-18,BAD_VALUE:capture_place,\"R-18,2025-06-10,Istanbul,1,UA,CIVILIAN,,,,," + p
						+ ",,\"",
				"every-reason.csv,22,R-19,BAD_VALUE:conditions,\"R-19,2025-06-10,Istanbul,1,UA,CIVILIAN,,,,,,FLU,\"",
				"every-reason.csv,23,R-20,BAD_VALUE:severity,\"R-20,2025-06-10,Istanbul,1,UA,CIVILIAN,,,,,,,CRITICAL\"",
				"every-reason.csv,24,R-21,FUTURE_DATE:exchange_date,\"R-21,2999-01-01,Istanbul,1,UA,CIVILIAN,,,,,,,\"",
				"every-reason.csv,25,R-22,FUTURE_DATE:captured_on;CAPTURE_AFTER_EXCHANGE,"
						+ "\"R-22,2025-06-10,Istanbul,1,UA,CIVILIAN,,,,2999-01-01,,,\"",
				"every-reason.csv,26,R-23,CAPTURE_AFTER_EXCHANGE,"
						+ "\"R-23,2025-06-10,Istanbul,1,UA,CIVILIAN,,,,2025-06-11,,,\"",
				"every-reason.csv,27,V-1,DUPLICATE_RECORD_ID,\"V-1,2025-06-10,Istanbul,1,UA,CIVILIAN,,,,,,,\"",
				"every-reason.csv,28,V-1,FUTURE_DATE:exchange_date;BAD_VALUE:agreement;MISSING_VALUE:stage;"
						+ "BAD_VALUE:side;MISSING_VALUE:service_branch;BAD_VALUE:rank_group;BAD_VALUE:age;"
						+ "FUTURE_DATE:captured_on;BAD_VALUE:capture_place;BAD_VALUE:conditions;BAD_VALUE:severity;"
						+ "CAPTURE_AFTER_EXCHANGE;DUPLICATE_RECORD_ID,\"V-1,2999-01-01," + a
						+ ",,XX,MILITARY,,general,101,2999-02-01," + p + ",FLU,CRITICAL\"");
		assertThat(stageSummary()).containsExactly(STAGE_HEADER,
				"Istanbul,1,2025-06-10,2025-06-10,1,1,0,1,1,0,0,1,0,0,1,1,0,1117.0,1117.0,1117,1");
		assertThat(this.out.toString())
			.contains("every-reason.csv: imported 27 rows: 1 accepted (0 updated), 26 rejected");
	}

	@Test
	void datesAgesStagesAndIdsAtTheirEdges() throws IOException {
		int exit = run(HOSTILE.resolve("edge-values.csv"));

		assertThat(exit).as(this.err.toString()).isZero();
		String id65 = "E" + "x".repeat(64);
		assertThat(rejected()).containsExactly(REJECTED_HEADER,
				"edge-values.csv,4,L-3,BAD_VALUE:exchange_date,\"L-3,2023-02-29,Leap,1,UA,CIVILIAN,,,,,,,\"",
				"edge-values.csv,13,A-13,BAD_VALUE:age,\"A-13,2025-06-10,Ages,1,UA,CIVILIAN,,,13,,,,\"",
				"edge-values.csv,16,A-101,BAD_VALUE:age,\"A-101,2025-06-10,Ages,1,UA,CIVILIAN,,,101,,,,\"",
				"edge-values.csv,17,S-0,BAD_VALUE:stage,\"S-0,2025-06-10,Stages,0,UA,CIVILIAN,,,,,,,\"",
				"edge-values.csv,20,S-1000,BAD_VALUE:stage,\"S-1000,2025-06-10,Stages,1000,UA,CIVILIAN,,,,,,,\"",
				"edge-values.csv,22," + id65 + ",BAD_VALUE:record_id,\"" + id65
						+ ",2025-06-10,Ids,1,UA,CIVILIAN,,,,,,,\"",
				"edge-values.csv,23,I 1,BAD_VALUE:record_id,\"I 1,2025-06-10,Ids,1,UA,CIVILIAN,,,,,,,\"",
				"edge-values.csv,24,І-1,BAD_VALUE:record_id,\"І-1,2025-06-10,Ids,1,UA,CIVILIAN,,,,,,,\"",
				"edge-values.csv,25,I/1,BAD_VALUE:record_id,\"I/1,2025-06-10,Ids,1,UA,CIVILIAN,,,,,,,\"");
		// far past dates come back exactly (no calendar shift before 1582); 29 February
		// plus three years is 28 February; year ends count whole days
		assertThat(stageSummary()).containsExactly(STAGE_HEADER,
				"Far past,3,0001-01-01,0001-01-01,1,1,0,1,0,1,0,0,0,0,0,0,0,0.0,0.0,0,0",
				"Far past,2,1582-10-10,1582-10-10,1,1,0,1,0,1,0,0,0,0,0,0,0,,,,0",
				"Far past,1,1900-01-01,1900-01-01,1,1,0,1,0,1,0,0,0,0,0,0,0,,,,0",
				"Leap,2,2023-02-28,2023-03-01,2,2,0,2,0,2,0,0,0,0,0,0,0,1095.5,1095.5,1096,1",
				"Leap,1,2024-02-29,2024-02-29,2,1,1,0,0,2,0,0,0,0,0,0,0,,,,0",
				"Year end,1,2024-12-31,2025-01-01,3,3,0,3,0,3,0,0,0,0,0,0,0,1096.7,1097.0,1097,2",
				"Ages,1,2025-06-10,2025-06-10,2,2,0,2,0,2,0,0,0,0,0,0,0,,,,0",
				"Ids,1,2025-06-10,2025-06-10,1,1,0,1,0,1,0,0,0,0,0,0,0,,,,0",
				"Stages,1,2025-06-10,2025-06-10,1,1,0,1,0,1,0,0,0,0,0,0,0,,,,0",
				"Stages,999,2025-06-10,2025-06-10,1,1,0,1,0,1,0,0,0,0,0,0,0,,,,0");
		assertThat(this.jdbc.queryForList("SELECT record_id FROM exchange_record WHERE agreement = 'Ages' ORDER BY age",
				String.class))
			.containsExactly("A-14", "A-100");
		// a date before Excel's first date is text in the workbook, a later one a date
		try (XSSFWorkbook workbook = workbook()) {
			Sheet stages = workbook.getSheet("Stages");
			assertThat(stages.getRow(1).getCell(2).getCellType()).isEqualTo(CellType.STRING);
			assertThat(stages.getRow(1).getCell(2).getStringCellValue()).isEqualTo("0001-01-01");
			assertThat(stages.getRow(2).getCell(2).getStringCellValue()).isEqualTo("1582-10-10");
			Cell date = stages.getRow(3).getCell(2);
			assertThat(date.getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(DateUtil.isCellDateFormatted(date)).isTrue();
			assertThat(date.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(1900, 1, 1));
		}
	}

	@Test
	void textOf200CharactersOutsideTheBasicPlaneIsStored() throws IOException {
		String emoji = "\uD83D\uDE00".repeat(200);
		Path file = write("emoji.csv", HEADER, "E-1,2025-06-10," + emoji + ",1,UA,CIVILIAN,,,,," + emoji + ",,",
				"E-2,2025-06-10," + emoji + "\uD83D\uDE00,1,UA,CIVILIAN,,,,,,,");

		int exit = run(file);

		assertThat(exit).as(this.err.toString()).isZero();
		assertThat(stageSummary()).containsExactly(STAGE_HEADER,
				emoji + ",1,2025-06-10,2025-06-10,1,1,0,1,0,1,0,0,0,0,0,0,0,,,,0");
		assertThat(this.jdbc.queryForObject("SELECT capture_place FROM exchange_record", String.class))
			.isEqualTo(emoji);
		assertThat(rejected()).hasSize(2).last().asString().startsWith("emoji.csv,3,E-2,BAD_VALUE:agreement,");
	}

	@Test
	void rejectLimitItselfIsAllowedAndOneOverFailsTheFile() throws IOException {
		Path file = write("limit.csv", HEADER, "K-1,2025-06-10,Istanbul,1,UA,CIVILIAN,,,,,,,",
				"K-2,2025-06-10,Istanbul,0,UA,CIVILIAN,,,,,,,", "K-3,2025-06-10,Istanbul,0,UA,CIVILIAN,,,,,,,",
				"K-4,2025-06-10,Istanbul,0,UA,CIVILIAN,,,,,,,");

		assertThat(run(3, StandardCharsets.UTF_8, file)).as(this.err.toString()).isZero();
		assertThat(visibleRecords()).isEqualTo(1);

		StoreCleaner.clean(this.jdbc);
		this.err.getBuffer().setLength(0);
		assertThat(run(2, StandardCharsets.UTF_8, file)).isEqualTo(1);
		assertThat(this.err.toString().lines()).containsExactly(
				"error: " + file + ": 3 rejected rows exceed the reject limit of 2; nothing of it was stored");
		assertThat(visibleRecords()).isZero();
		assertThat(rejected()).hasSize(4);
	}

	// broken CSV

	@Test
	void unterminatedQuoteAtLine500Of1000CostsThatRowOnly() throws IOException {
		List<String> lines = new ArrayList<>(List.of(HEADER));
		for (int line = 2; line <= 1000; line++) {
			lines.add("Q-" + line + ",2025-06-10," + ((line == 500) ? "\"Istanbul" : "Istanbul")
					+ ",1,UA,CIVILIAN,,,,,,,");
		}
		Path file = write("quote-500.csv", lines.toArray(String[]::new));

		int exit = run(file);

		assertThat(exit).as(this.err.toString()).isZero();
		assertThat(rejected()).containsExactly(REJECTED_HEADER,
				"quote-500.csv,500,,MALFORMED_ROW,\"Q-500,2025-06-10,\"\"Istanbul,1,UA,CIVILIAN,,,,,,,\"");
		List<Long> expected = IntStream.rangeClosed(2, 1000)
			.filter((line) -> line != 500)
			.mapToObj(Long::valueOf)
			.toList();
		assertThat(this.jdbc.queryForList("SELECT line_number FROM exchange_record ORDER BY line_number", Long.class))
			.isEqualTo(expected);
		assertThat(stageSummary().get(1)).startsWith("Istanbul,1,2025-06-10,2025-06-10,998,998,0,998,");
	}

	@Test
	void lineWith100000SeparatorsIsOneMalformedRowCutInTheReports() throws IOException {
		Path file = write("separators.csv", HEADER, "S-1" + ",".repeat(100_000),
				"S-2,2025-06-10,Istanbul,1,UA,CIVILIAN,,,,,,,");

		int exit = run(file);

		assertThat(exit).as(this.err.toString()).isZero();
		String raw = "S-1" + ",".repeat(9_997) + "…";
		assertThat(rejected()).containsExactly(REJECTED_HEADER, "separators.csv,2,,MALFORMED_ROW,\"" + raw + "\"");
		assertThat(visibleRecords()).isEqualTo(1);
		try (XSSFWorkbook workbook = workbook()) {
			assertThat(workbook.getSheet("Rejected").getRow(1).getCell(4).getStringCellValue()).isEqualTo(raw);
		}
	}

	@Test
	void longRejectedRowKeepsItsFirst10000CharactersInTheReports() throws IOException {
		String long9000 = "ж".repeat(9_000);
		String row = "G-1,2025-06-10," + long9000 + ",1,UA,CIVILIAN,,,,," + long9000 + ",,";
		Path file = write("long.csv", HEADER, row, "G-2,2025-06-10,Istanbul,1,UA,CIVILIAN,,,,,,,");

		int exit = run(file);

		assertThat(exit).as(this.err.toString()).isZero();
		assertThat(rejected()).containsExactly(REJECTED_HEADER,
				"long.csv,2,G-1,BAD_VALUE:agreement;BAD_VALUE:capture_place,\"" + row.substring(0, 10_000) + "…\"");
		assertThat(visibleRecords()).isEqualTo(1);
	}

	@Test
	void headerRepeatedInTheMiddleIsOneRejectedRow() throws IOException {
		int exit = run(HOSTILE.resolve("header-repeated.csv"));

		assertThat(exit).as(this.err.toString()).isZero();
		assertThat(rejected()).containsExactly(REJECTED_HEADER,
				"header-repeated.csv,4,record_id,BAD_VALUE:exchange_date;BAD_VALUE:stage;BAD_VALUE:side;"
						+ "BAD_VALUE:category;BAD_VALUE:service_branch;BAD_VALUE:rank_group;BAD_VALUE:age;"
						+ "BAD_VALUE:captured_on;BAD_VALUE:conditions;BAD_VALUE:severity,\"" + HEADER + "\"");
		assertThat(recordIds()).containsExactly("H-1", "H-2", "H-3");
	}

	@Test
	void trailingSeparatorsMatchTheHeaderOrMakeTheRowMalformed() throws IOException {
		int exit = run(HOSTILE.resolve("trailing-separators.csv"));

		assertThat(exit).as(this.err.toString()).isZero();
		// the header has one trailing separator, so every row has one more (empty) field;
		// lines of separators only are blank
		assertThat(rejected()).containsExactly(REJECTED_HEADER,
				"trailing-separators.csv,3,,MALFORMED_ROW,\"T-2,2025-06-10,Istanbul,1,RU,CIVILIAN,,,,,,,\"");
		assertThat(recordIds()).containsExactly("T-1", "T-3");
		assertThat(this.err.toString()).isEmpty();
	}

	@Test
	void mixedLineEndingsAreAllLineEnds() throws IOException {
		int exit = run(HOSTILE.resolve("mixed-line-endings.csv"));

		assertThat(exit).as(this.err.toString()).isZero();
		assertThat(rejected()).containsExactly(REJECTED_HEADER);
		assertThat(this.jdbc.queryForList(
				"SELECT record_id || ':' || line_number FROM exchange_record ORDER BY line_number", String.class))
			.containsExactly("X-1:2", "X-2:3", "X-3:4", "X-4:7");
		assertThat(this.jdbc.queryForObject("SELECT capture_place FROM exchange_record WHERE record_id = 'X-3'",
				String.class))
			.isEqualTo("Mariupol,\nAzovstal");
	}

	@Test
	void nulBytesMakeTheirRowMalformedAndAreShownAsASymbol() throws IOException {
		int exit = run(HOSTILE.resolve("nul-bytes.csv"));

		assertThat(exit).as(this.err.toString()).isZero();
		assertThat(rejected()).containsExactly(REJECTED_HEADER,
				"nul-bytes.csv,3,,MALFORMED_ROW,\"N-2,2025-06-10,Ista\u2400nbul,1,UA,CIVILIAN,,,,,,,\"",
				"nul-bytes.csv,5,,MALFORMED_ROW," + "\u2400".repeat(64));
		assertThat(recordIds()).containsExactly("N-1", "N-3");
		assertThat(read("rejected_records.csv")).doesNotContain("\0");
	}

	@Test
	void windows1251FileReadWithItsEncodingGivesCyrillicAliases() throws IOException {
		int exit = run(1000, Charset.forName("windows-1251"), HOSTILE.resolve("windows-1251.csv"));

		assertThat(exit).as(this.err.toString()).isZero();
		assertThat(rejected()).containsExactly(REJECTED_HEADER);
		assertThat(read("branch_summary.csv").lines().map((line) -> line.substring(0, line.indexOf(',') + 2)))
			.containsExactly("service_branch,r", "AIR_ASSAULT_FORCES,1", "BORDER_GUARD_SERVICE,1", "GROUND_FORCES,1",
					"NATIONAL_GUARD,1", "NAVY,1", "TERRITORIAL_DEFENSE,1");
		assertThat(stageSummary().get(1)).startsWith("Стамбул,1,2025-06-02,2025-06-02,6,6,0,6,6,");
		assertThat(this.jdbc.queryForList(
				"SELECT capture_place FROM exchange_record WHERE capture_place IS NOT NULL " + "ORDER BY record_id",
				String.class))
			.containsExactly("Маріуполь", "Херсон");
	}

	@Test
	void fileLevelProblemsGiveOneLineEachAndTheOtherFilesAreImported() throws IOException {
		Path stage3 = Path.of("src/test/resources/fixtures/stage-3.csv");
		// absolute, as the import job names its file
		List<Path> files = List
			.of(HOSTILE.resolve("picture.csv"), HOSTILE.resolve("workbook.csv"), HOSTILE.resolve("empty.csv"),
					HOSTILE.resolve("bom-only.csv"), HOSTILE.resolve("invalid-utf8.csv"),
					HOSTILE.resolve("windows-1251.csv"), stage3)
			.stream()
			.map(Path::toAbsolutePath)
			.toList();

		int exit = run(1000, StandardCharsets.UTF_8, files.toArray(Path[]::new));

		assertThat(exit).isEqualTo(2);
		assertThat(this.err.toString().lines())
			.containsExactly("error: " + files.get(0) + ": not a CSV text file: it looks like a PNG image", "error: "
					+ files.get(1)
					+ ": not a CSV text file: it looks like a ZIP archive (an .xlsx workbook is one: save it as CSV first)",
					"error: " + files.get(2) + ": file is empty (no header)",
					"error: " + files.get(3) + ": file is empty (no header)",
					"error: " + files.get(4) + ": line 4, column 17: invalid UTF-8 byte sequence" + UTF8_HINT,
					"error: " + files.get(5) + ": line 2, column 16: invalid UTF-8 byte sequence" + UTF8_HINT);
		// nothing of the bad files, all of the good one
		assertThat(this.jdbc.queryForList("SELECT DISTINCT f.file_name FROM exchange_record r "
				+ "JOIN import_file f ON f.import_id = r.import_id", String.class))
			.containsExactly("stage-3.csv");
		assertThat(visibleRecords()).isEqualTo(3);
		assertThat(this.out.toString()).contains("1 file(s) imported, 0 skipped as already imported, 6 failed");
	}

	// spreadsheet safety

	@Test
	void formulaTextIsNeutralisedInCsvAndPlainTextInTheWorkbook() throws IOException {
		Path file = Files.copy(HOSTILE.resolve("formula-injection.csv"), this.work.resolve("=formula.csv"));

		int exit = run(file);

		assertThat(exit).as(this.err.toString()).isZero();
		assertThat(rejected()).containsExactly(REJECTED_HEADER,
				"'=formula.csv,9,'=1+1,BAD_VALUE:record_id,\"'=1+1,2025-06-10,Istanbul,1,UA,CIVILIAN,,,,,,,\"",
				"'=formula.csv,10,'-F-7,BAD_VALUE:stage,\"'-F-7,2025-06-10,Istanbul,0,UA,CIVILIAN,,,,,,,\"",
				"'=formula.csv,11,F-8,BAD_VALUE:age,\"F-8,2025-06-10,Istanbul,1,UA,CIVILIAN,,,200,,@evil,,\"",
				"'=formula.csv,12,'=TAB,BAD_VALUE:record_id,\"'\t=TAB,2025-06-10,Istanbul,1,UA,CIVILIAN,,,,,,,\"");
		assertThat(read("stage_summary.csv"))
			.isEqualTo(STAGE_HEADER + "\n" + "\"'\n@x\",1,2025-06-10,2025-06-10,1,1,0,1,0,1,0,0,0,0,0,0,0,,,,0\n"
					+ "\"'\r=1+1\",1,2025-06-10,2025-06-10,1,0,1,-1,0,1,0,0,0,0,0,0,0,,,,0\n"
					+ "'+1+2,1,2025-06-10,2025-06-10,1,0,1,-1,0,1,0,0,0,0,0,0,0,,,,0\n"
					+ "'-2+3,1,2025-06-10,2025-06-10,1,0,1,-1,0,1,0,0,0,0,0,0,0,,,,0\n"
					+ "\"'=HYPERLINK(\"\"http://x\"\")\",1,2025-06-10,2025-06-10,1,1,0,1,1,0,0,1,0,0,0,0,0,,,,0\n"
					+ "'@SUM(A1),1,2025-06-10,2025-06-10,1,0,1,-1,0,1,0,0,0,0,0,0,0,,,,0\n");
		try (XSSFWorkbook workbook = workbook()) {
			for (Sheet sheet : workbook) {
				for (Row row : sheet) {
					for (Cell cell : row) {
						// the only formulas are the workbook's own totals over cell
						// ranges
						if (cell.getCellType() == CellType.FORMULA) {
							assertThat(cell.getCellFormula()).as(sheet.getSheetName() + "!" + cell.getAddress())
								.matches("(SUM|MIN|MAX)\\([A-Z]+[0-9]+:[A-Z]+[0-9]+\\)|[A-Z]+[0-9]+(\\+[A-Z]+[0-9]+)?");
						}
					}
				}
			}
			Sheet stages = workbook.getSheet("Stages");
			List<String> agreements = new ArrayList<>();
			List<Double> balances = new ArrayList<>();
			// six stages, then the totals row
			for (int r = 1; r <= 6; r++) {
				assertThat(stages.getRow(r).getCell(0).getCellType()).isEqualTo(CellType.STRING);
				agreements.add(stages.getRow(r).getCell(0).getStringCellValue());
				assertThat(stages.getRow(r).getCell(7).getCellType()).isEqualTo(CellType.NUMERIC);
				balances.add(stages.getRow(r).getCell(7).getNumericCellValue());
			}
			assertThat(agreements).containsExactly("\n@x", "\r=1+1", "+1+2", "-2+3", "=HYPERLINK(\"http://x\")",
					"@SUM(A1)");
			assertThat(balances).containsExactly(1.0, -1.0, -1.0, -1.0, 1.0, -1.0);
			Sheet rejected = workbook.getSheet("Rejected");
			assertThat(rejected.getRow(1).getCell(0).getStringCellValue()).isEqualTo("=formula.csv");
			assertThat(rejected.getRow(1).getCell(2).getStringCellValue()).isEqualTo("=1+1");
			assertThat(rejected.getRow(2).getCell(2).getStringCellValue()).isEqualTo("-F-7");
			assertThat(rejected.getRow(4).getCell(4).getStringCellValue())
				.isEqualTo("\t=TAB,2025-06-10,Istanbul,1,UA,CIVILIAN,,,,,,,");
		}
	}

	// filesystem faults

	@Test
	void reportsThatCannotBeReplacedLeaveThePreviousOnesAsTheyWere() throws IOException {
		Path reports = this.work.resolve("reports");
		assertThat(run(reports, 1000, StandardCharsets.UTF_8, HOSTILE.resolve("edge-values.csv"))).isZero();
		List<String> before = snapshot(reports);
		Files.delete(reports.resolve("exchange_report.xlsx"));
		Files.createDirectories(reports.resolve("exchange_report.xlsx").resolve("in-the-way"));

		int exit = run(reports, 1000, StandardCharsets.UTF_8, HOSTILE.resolve("mixed-line-endings.csv"));

		assertThat(exit).isEqualTo(1);
		assertThat(this.err.toString().lines()).containsExactly("error: cannot write reports to " + reports
				+ ": a folder named exchange_report.xlsx is in the way; the previous reports are unchanged; this run's "
				+ "imports were withdrawn from the store and the next run publishes them again");
		assertThat(this.jdbc.queryForList("SELECT status FROM import_file ORDER BY import_id", String.class))
			.containsExactly("COMPLETED", "REVERTED");
		assertThat(snapshot(reports)).isEqualTo(before);
		try (var files = Files.list(reports)) {
			assertThat(files.map((f) -> f.getFileName().toString())).containsExactlyInAnyOrder("stage_summary.csv",
					"branch_summary.csv", "stage_branch.csv", "conditions.csv", "rejected_records.csv",
					"exchange_report.xlsx");
		}
	}

	@Test
	void outputThatIsAFileStopsTheRunBeforeTheStoreChanges() throws IOException {
		Path reports = Files.writeString(this.work.resolve("reports"), "not a folder");

		int exit = run(reports, 1000, StandardCharsets.UTF_8, HOSTILE.resolve("edge-values.csv"));

		assertThat(exit).isEqualTo(1);
		assertThat(this.err.toString().lines())
			.containsExactly("error: cannot write reports to " + reports + ": not a folder; nothing was imported");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM import_file", Integer.class)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM exchange_run", Integer.class)).isZero();
		assertThat(Files.readString(reports)).isEqualTo("not a folder");
	}

	@Test
	void unusableInputWinsOverAnUnusableOutputFolder() throws IOException {
		Path reports = Files.writeString(this.work.resolve("reports"), "not a folder");
		Path missing = this.work.resolve("missing.csv");

		int exit = run(reports, 1000, StandardCharsets.UTF_8, missing);

		assertThat(exit).isEqualTo(2);
		assertThat(this.err.toString().lines()).containsExactly("error: " + missing + ": no such file or directory",
				"error: cannot write reports to " + reports + ": not a folder; nothing was imported");
	}

	// helpers

	private List<String> snapshot(Path dir) throws IOException {
		List<String> contents = new ArrayList<>();
		for (String name : List.of("branch_summary.csv", "conditions.csv", "rejected_records.csv", "stage_branch.csv",
				"stage_summary.csv")) {
			contents.add(name + "=" + Files.readString(dir.resolve(name)));
		}
		contents.add("exchange_report.xlsx");
		return contents;
	}

	private Path write(String name, String... lines) throws IOException {
		Path file = this.work.resolve(name);
		try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			for (String line : lines) {
				writer.write(line);
				writer.write('\n');
			}
		}
		return file;
	}

	private int run(Path... inputs) {
		return run(1000, StandardCharsets.UTF_8, inputs);
	}

	private int run(long maxRejects, Charset charset, Path... inputs) {
		return run(this.work.resolve("reports"), maxRejects, charset, inputs);
	}

	private String read(String name) throws IOException {
		return Files.readString(this.work.resolve("reports").resolve(name), StandardCharsets.UTF_8);
	}

	/** The rejected report's records (a raw with line breaks stays one element). */
	private List<String> rejected() throws IOException {
		return records(read("rejected_records.csv"));
	}

	private List<String> stageSummary() throws IOException {
		return records(read("stage_summary.csv"));
	}

	private static List<String> records(String csv) {
		List<String> records = new ArrayList<>();
		StringBuilder record = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < csv.length(); i++) {
			char c = csv.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			if (c == '\n' && !quoted) {
				records.add(record.toString());
				record.setLength(0);
			}
			else {
				record.append(c);
			}
		}
		return records;
	}

	private List<String> recordIds() {
		return this.jdbc.queryForList("SELECT record_id FROM exchange_record ORDER BY line_number", String.class);
	}

	private int visibleRecords() {
		return this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM exchange_record r JOIN import_file f "
						+ "ON f.import_id = r.import_id WHERE f.status = 'COMPLETED' "
						+ "AND NOT EXISTS (SELECT 1 FROM superseded_record s WHERE s.row_key = r.row_key)",
				Integer.class);
	}

	private XSSFWorkbook workbook() throws IOException {
		try (InputStream in = Files.newInputStream(this.work.resolve("reports/exchange_report.xlsx"))) {
			return new XSSFWorkbook(in);
		}
	}

}
