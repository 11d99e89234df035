package org.coordination.exchange.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBarChart;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBarSer;
import org.openxmlformats.schemas.drawingml.x2006.chart.STBarDir;

import org.coordination.exchange.record.RejectedRow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ExcelReportWriterTests {

	private static final LocalDate JAN_1 = LocalDate.of(2024, 1, 1);

	private static final LocalDate JAN_3 = LocalDate.of(2024, 1, 3);

	private static final LocalDate MAR_5 = LocalDate.of(2024, 3, 5);

	private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

	@TempDir
	Path dir;

	@Test
	void writesSheetsInOrder() throws IOException {
		try (XSSFWorkbook workbook = writeAndRead(new ExcelReportWriter(), rejected(sampleRejected()))) {
			assertThat(sheetNames(workbook)).containsExactly("Summary", "Stages", "Branches", "Stage x Branch",
					"Conditions", "Rejected", "Run");
		}
	}

	@Test
	void writesTableHeadersAsTheCsvColumns() throws IOException {
		try (XSSFWorkbook workbook = writeAndRead(new ExcelReportWriter(), rejected(sampleRejected()))) {
			assertThat(rowTexts(workbook.getSheet("Stages").getRow(0))).containsExactly("agreement", "stage",
					"first_exchange_date", "last_exchange_date", "returned_total", "returned_to_ua", "returned_to_ru",
					"balance", "military", "civilians", "remains", "officers", "ncos", "enlisted", "severe",
					"with_conditions", "age_18_25", "captivity_days_avg", "captivity_days_median", "captivity_days_max",
					"captivity_over_3y");
			assertThat(rowTexts(workbook.getSheet("Branches").getRow(0))).containsExactly("service_branch", "returned",
					"officers", "ncos", "enlisted", "severe", "with_conditions", "captivity_days_avg",
					"captivity_days_median", "captivity_days_max", "captivity_over_3y");
			assertThat(rowTexts(workbook.getSheet("Stage x Branch").getRow(0))).containsExactly("agreement", "stage",
					"service_branch", "returned", "officers", "ncos", "enlisted", "severe", "with_conditions");
			assertThat(rowTexts(workbook.getSheet("Conditions").getRow(0))).containsExactly("agreement", "stage",
					"condition", "cases");
			assertThat(rowTexts(workbook.getSheet("Rejected").getRow(0))).containsExactly("source_file", "line_number",
					"record_id", "reasons", "raw");
			assertThat(workbook.getSheet("Stages").getRow(0).getCell(0).getCellStyle().getFontIndex()).isNotZero();
			assertThat(
					workbook.getFontAt(workbook.getSheet("Stages").getRow(0).getCell(0).getCellStyle().getFontIndex())
						.getBold())
				.isTrue();
		}
	}

	@Test
	void writesStageRowsAsTypedCells() throws IOException {
		try (XSSFWorkbook workbook = writeAndRead(new ExcelReportWriter(), rejected(sampleRejected()))) {
			Sheet sheet = workbook.getSheet("Stages");
			assertThat(sheet.getLastRowNum()).isEqualTo(2);
			Row first = sheet.getRow(1);
			assertThat(first.getCell(0)).isNull();
			assertNumber(first.getCell(1), 1);
			assertDate(first.getCell(2), JAN_1);
			assertDate(first.getCell(3), JAN_3);
			assertNumber(first.getCell(4), 12);
			assertNumber(first.getCell(5), 7);
			assertNumber(first.getCell(6), 5);
			assertNumber(first.getCell(7), 2);
			assertNumber(first.getCell(8), 10);
			assertNumber(first.getCell(16), 4);
			assertThat(first.getCell(17).getNumericCellValue()).isEqualTo(45.5);
			assertThat(first.getCell(17).getCellStyle().getDataFormatString()).isEqualTo("0.0");
			assertThat(first.getCell(18).getNumericCellValue()).isEqualTo(40.0);
			assertThat(first.getCell(18).getCellStyle().getDataFormatString()).isEqualTo("0.0");
			assertNumber(first.getCell(19), 1200);
			assertNumber(first.getCell(20), 1);
			Row second = sheet.getRow(2);
			assertThat(second.getCell(0).getCellType()).isEqualTo(CellType.STRING);
			assertThat(second.getCell(0).getStringCellValue()).isEqualTo("Istanbul");
			assertNumber(second.getCell(1), 2);
			assertDate(second.getCell(2), MAR_5);
			assertNumber(second.getCell(7), -1);
			assertThat(second.getCell(17)).isNull();
			assertThat(second.getCell(18)).isNull();
			assertThat(second.getCell(19)).isNull();
			assertNumber(second.getCell(20), 0);
		}
	}

	@Test
	void writesOtherTablesAsTypedCells() throws IOException {
		try (XSSFWorkbook workbook = writeAndRead(new ExcelReportWriter(), rejected(sampleRejected()))) {
			Sheet branches = workbook.getSheet("Branches");
			assertThat(branches.getLastRowNum()).isEqualTo(2);
			assertThat(branches.getRow(1).getCell(0).getStringCellValue()).isEqualTo("ARMY");
			assertNumber(branches.getRow(1).getCell(1), 8);
			assertThat(branches.getRow(1).getCell(7).getNumericCellValue()).isEqualTo(45.5);
			assertNumber(branches.getRow(1).getCell(9), 1200);
			assertThat(branches.getRow(2).getCell(0).getStringCellValue()).isEqualTo("NAVY");
			assertThat(branches.getRow(2).getCell(7)).isNull();
			assertThat(branches.getRow(2).getCell(8)).isNull();
			assertThat(branches.getRow(2).getCell(9)).isNull();
			assertNumber(branches.getRow(2).getCell(10), 0);

			Sheet stageBranches = workbook.getSheet("Stage x Branch");
			assertThat(stageBranches.getLastRowNum()).isEqualTo(1);
			assertThat(stageBranches.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Istanbul");
			assertNumber(stageBranches.getRow(1).getCell(1), 2);
			assertThat(stageBranches.getRow(1).getCell(2).getStringCellValue()).isEqualTo("NAVY");
			assertNumber(stageBranches.getRow(1).getCell(3), 2);

			Sheet conditions = workbook.getSheet("Conditions");
			assertThat(conditions.getLastRowNum()).isEqualTo(1);
			assertThat(conditions.getRow(1).getCell(0)).isNull();
			assertNumber(conditions.getRow(1).getCell(1), 1);
			assertThat(conditions.getRow(1).getCell(2).getStringCellValue()).isEqualTo("AMPUTATION");
			assertNumber(conditions.getRow(1).getCell(3), 3);
		}
	}

	@Test
	void writesRejectedRowsAsLiteralText() throws IOException {
		try (XSSFWorkbook workbook = writeAndRead(new ExcelReportWriter(), rejected(sampleRejected()))) {
			Sheet sheet = workbook.getSheet("Rejected");
			assertThat(sheet.getLastRowNum()).isEqualTo(3);
			Row first = sheet.getRow(1);
			assertThat(first.getCell(0).getStringCellValue()).isEqualTo("a.csv");
			assertNumber(first.getCell(1), 2);
			assertThat(first.getCell(2).getCellType()).isEqualTo(CellType.STRING);
			assertThat(first.getCell(2).getStringCellValue()).isEqualTo("=1+1");
			assertThat(first.getCell(3).getStringCellValue()).isEqualTo("BAD_VALUE:stage;BAD_VALUE:side");
			assertThat(first.getCell(4).getCellType()).isEqualTo(CellType.STRING);
			assertThat(first.getCell(4).getStringCellValue()).isEqualTo("=1+1,2024-01-01,,x,Q");
			Row second = sheet.getRow(2);
			assertThat(second.getCell(2)).isNull();
			assertThat(second.getCell(4).getStringCellValue()).isEqualTo("@SUM(A1),_x0041_,+3,\u0007,_x004");
			String raw = sheet.getRow(3).getCell(4).getStringCellValue();
			assertThat(raw).hasSize(32_767).endsWith("…[truncated]").startsWith("yyyy");
		}
	}

	@Test
	void writesSummaryHeadlineFigures() throws IOException {
		try (XSSFWorkbook workbook = writeAndRead(new ExcelReportWriter(), rejected(sampleRejected()))) {
			Sheet sheet = workbook.getSheet("Summary");
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Exchange report");
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("generated");
			assertThat(DateUtil.isCellDateFormatted(sheet.getRow(1).getCell(1))).isTrue();
			assertThat(sheet.getRow(1).getCell(1).getLocalDateTimeCellValue())
				.isEqualTo(LocalDateTime.of(2024, 4, 1, 10, 5, 30));
			assertThat(headlines(sheet)).containsExactly("returned to UA=10.0", "returned to RU=9.0", "balance=1.0",
					"military=13.0", "civilians=4.0", "remains=2.0", "severe cases=3.0", "with conditions=5.0",
					"longest captivity (days)=1200.0", "captivity over 3 years=1.0");
		}
	}

	@Test
	void drawsBarChartOfReturnedByBranch() throws IOException {
		try (XSSFWorkbook workbook = writeAndRead(new ExcelReportWriter(), rejected(sampleRejected()))) {
			XSSFSheet sheet = workbook.getSheet("Summary");
			List<XSSFChart> charts = sheet.getDrawingPatriarch().getCharts();
			assertThat(charts).hasSizeGreaterThanOrEqualTo(1);
			XSSFChart chart = charts.get(0);
			assertThat(chart.getTitleText().getString()).isEqualTo("Returned by service branch");
			CTBarChart bar = chart.getCTChart().getPlotArea().getBarChartArray(0);
			CTBarSer series = bar.getSerArray(0);
			assertThat(series.getCat().getStrRef().getF()).isEqualTo("Summary!$A$17:$A$18");
			assertThat(series.getVal().getNumRef().getF()).isEqualTo("Summary!$B$17:$B$18");
			assertThat(series.getCat().getStrRef().getStrCache().getPtList()).extracting((point) -> point.getV())
				.containsExactly("ARMY", "NAVY");
			assertThat(bar.getBarDir().getVal()).isEqualTo(STBarDir.COL);
			assertThat(bar.getVaryColors().getVal()).isFalse();
			assertThat(sheet.getRow(16).getCell(0).getStringCellValue()).isEqualTo("ARMY");
			assertThat(sheet.getRow(17).getCell(0).getStringCellValue()).isEqualTo("NAVY");
			assertNumber(sheet.getRow(16).getCell(1), 8);
			assertNumber(sheet.getRow(17).getCell(1), 5);
			assertThat(charts).hasSize(2);
			assertThat(charts.get(1).getTitleText().getString()).isEqualTo("Returned per stage");
		}
	}

	@Test
	void describesTheRun() throws IOException {
		try (XSSFWorkbook workbook = writeAndRead(new ExcelReportWriter(), rejected(sampleRejected()))) {
			Sheet sheet = workbook.getSheet("Run");
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("started");
			assertThat(DateUtil.isCellDateFormatted(sheet.getRow(0).getCell(1))).isTrue();
			assertThat(sheet.getRow(0).getCell(1).getLocalDateTimeCellValue())
				.isEqualTo(LocalDateTime.of(2024, 4, 1, 10, 0, 0));
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("finished");
			assertThat(sheet.getRow(1).getCell(1).getLocalDateTimeCellValue())
				.isEqualTo(LocalDateTime.of(2024, 4, 1, 10, 5, 30));
			assertThat(rowTexts(sheet.getRow(2))).containsExactly("time zone", "UTC");
			assertThat(rowTexts(sheet.getRow(3))).containsExactly("software version", "1.2.3");
			assertThat(sheet.getRow(4).getCell(0).getStringCellValue()).isEqualTo("rows read");
			assertNumber(sheet.getRow(4).getCell(1), 30);
			assertNumber(sheet.getRow(5).getCell(1), 27);
			assertNumber(sheet.getRow(6).getCell(1), 3);
			assertNumber(sheet.getRow(7).getCell(1), 1);
			assertThat(rowTexts(sheet.getRow(9))).containsExactly("file", "sha256", "outcome", "rows read", "accepted",
					"rejected", "updated", "message");
			assertThat(sheet.getRow(10).getCell(0).getStringCellValue()).isEqualTo("a.csv");
			assertThat(sheet.getRow(10).getCell(1).getStringCellValue()).isEqualTo(SHA);
			assertThat(sheet.getRow(10).getCell(2).getStringCellValue()).isEqualTo("IMPORTED");
			assertNumber(sheet.getRow(10).getCell(3), 30);
			assertNumber(sheet.getRow(10).getCell(6), 1);
			assertThat(sheet.getRow(10).getCell(7)).isNull();
			assertThat(sheet.getRow(11).getCell(1)).isNull();
			assertThat(sheet.getRow(11).getCell(2).getStringCellValue()).isEqualTo("FAILED");
			assertThat(sheet.getRow(11).getCell(7).getStringCellValue()).isEqualTo("cannot read b.csv");
		}
	}

	@Test
	void freezesHeaderAndAddsAutofilter() throws IOException {
		try (XSSFWorkbook workbook = writeAndRead(new ExcelReportWriter(), rejected(sampleRejected()))) {
			for (String name : List.of("Stages", "Branches", "Stage x Branch", "Conditions", "Rejected")) {
				XSSFSheet sheet = workbook.getSheet(name);
				PaneInformation pane = sheet.getPaneInformation();
				assertThat(pane).as(name).isNotNull();
				assertThat(pane.isFreezePane()).as(name).isTrue();
				assertThat(pane.getHorizontalSplitPosition()).as(name).isEqualTo((short) 1);
				assertThat(pane.getVerticalSplitPosition()).as(name).isZero();
				assertThat(sheet.getCTWorksheet().isSetAutoFilter()).as(name).isTrue();
			}
			assertThat(workbook.getSheet("Stages").getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:U3");
			assertThat(workbook.getSheet("Rejected").getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:E4");
			assertThat(workbook.getSheet("Rejected").getColumnWidth(4)).isEqualTo(62 * 256);
			assertThat(workbook.getSheet("Conditions").getColumnWidth(3)).isEqualTo(9 * 256);
		}
	}

	@Test
	void setsDocumentProperties() throws IOException {
		try (XSSFWorkbook workbook = writeAndRead(new ExcelReportWriter(), rejected(sampleRejected()))) {
			assertThat(workbook.getProperties().getCoreProperties().getTitle()).isEqualTo("Exchange report");
			assertThat(workbook.getProperties().getCoreProperties().getCreator()).isEqualTo("exchange-reports");
		}
	}

	@Test
	void leavesOnlyTheWorkbookInTheDirectory() throws IOException {
		Path target = this.dir.resolve("exchange_report.xlsx");
		Files.writeString(target, "old");
		new ExcelReportWriter().write(sampleData(), rejected(sampleRejected()), sampleRun(), target);
		try (Stream<Path> files = Files.list(this.dir)) {
			assertThat(files).containsExactly(target);
		}
		try (InputStream in = Files.newInputStream(target)) {
			assertThat(in.readNBytes(2)).containsExactly('P', 'K');
		}
	}

	@Test
	void givesTheWorkbookTheDirectorysDefaultPermissions() throws IOException {
		assumeTrue(Files.getFileStore(this.dir).supportsFileAttributeView(PosixFileAttributeView.class));
		Path probe = Files.createFile(this.dir.resolve("probe"));
		Path target = this.dir.resolve("exchange_report.xlsx");
		new ExcelReportWriter().write(sampleData(), rejected(List.of()), sampleRun(), target);
		assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Files.getPosixFilePermissions(probe));
	}

	@Test
	void deletesTempFileAndKeepsOldWorkbookOnFailure() throws IOException {
		Path target = this.dir.resolve("exchange_report.xlsx");
		Files.writeString(target, "old");
		RejectedRows failing = (action) -> {
			throw new IllegalStateException("store gone");
		};
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> new ExcelReportWriter().write(sampleData(), failing, sampleRun(), target))
			.withMessage("store gone");
		try (Stream<Path> files = Files.list(this.dir)) {
			assertThat(files).containsExactly(target);
		}
		assertThat(Files.readString(target)).isEqualTo("old");
	}

	@Test
	void wrapsIoFailureInUncheckedException() throws IOException {
		Path blocker = this.dir.resolve("file");
		Files.writeString(blocker, "x");
		Path target = blocker.resolve("exchange_report.xlsx");
		assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> new ExcelReportWriter().write(sampleData(), rejected(List.of()), sampleRun(), target));
	}

	@Test
	void continuesRejectedRowsOnFurtherSheets() throws IOException {
		List<RejectedRow> rows = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			rows.add(new RejectedRow("a.csv", i + 1, "id" + i, List.of("MISSING:stage"), "raw" + i));
		}
		try (XSSFWorkbook workbook = writeAndRead(new ExcelReportWriter(2), rejected(rows))) {
			assertThat(sheetNames(workbook)).containsExactly("Summary", "Stages", "Branches", "Stage x Branch",
					"Conditions", "Rejected", "Rejected (2)", "Rejected (3)", "Run");
			assertThat(recordIds(workbook.getSheet("Rejected"))).containsExactly("id1", "id2");
			assertThat(recordIds(workbook.getSheet("Rejected (2)"))).containsExactly("id3", "id4");
			assertThat(recordIds(workbook.getSheet("Rejected (3)"))).containsExactly("id5");
			XSSFSheet last = workbook.getSheet("Rejected (3)");
			assertThat(rowTexts(last.getRow(0))).containsExactly("source_file", "line_number", "record_id", "reasons",
					"raw");
			assertThat(last.getPaneInformation().isFreezePane()).isTrue();
			assertThat(last.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:E2");
		}
	}

	@Test
	void fullRejectedSheetDoesNotOpenAnEmptyOne() throws IOException {
		List<RejectedRow> rows = List.of(new RejectedRow("a.csv", 2, "id1", List.of("MISSING:stage"), "r"),
				new RejectedRow("a.csv", 3, "id2", List.of("MISSING:stage"), "r"));
		try (XSSFWorkbook workbook = writeAndRead(new ExcelReportWriter(2), rejected(rows))) {
			assertThat(sheetNames(workbook)).containsExactly("Summary", "Stages", "Branches", "Stage x Branch",
					"Conditions", "Rejected", "Run");
		}
	}

	@Test
	void writesEmptyTables() throws IOException {
		ReportData empty = new ReportData(List.of(), List.of(), List.of(), List.of());
		RunInfo run = new RunInfo(Instant.parse("2024-04-01T10:00:00Z"), Instant.parse("2024-04-01T10:00:01Z"),
				List.of(), 0, 0, 0, 0, "1.2.3");
		Path target = this.dir.resolve("exchange_report.xlsx");
		new ExcelReportWriter().write(empty, rejected(List.of()), run, target);
		try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(target))) {
			assertThat(workbook.getSheet("Rejected").getLastRowNum()).isZero();
			assertThat(workbook.getSheet("Rejected").getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:E1");
			assertThat(headlines(workbook.getSheet("Summary"))).contains("returned to UA=0.0",
					"longest captivity (days)=");
		}
	}

	@Test
	void cutsOverlongTextAndKeepsEscapeLikeSequencesLiteral() {
		assertThat(ExcelReportWriter.cellText("a_x0041_b")).isEqualTo("a_x005F_x0041_b");
		assertThat(ExcelReportWriter.cellText("a_x41_b_xZZZZ_c_x00")).isEqualTo("a_x41_b_xZZZZ_c_x00");
		assertThat(ExcelReportWriter.cellText("a\u0001b\tc\r\nd\uFFFF")).isEqualTo("a_x0001_b\tc\r\nd_xFFFF_");
		assertThat(ExcelReportWriter.cellText("x".repeat(32_767))).isEqualTo("x".repeat(32_767));
		String cut = ExcelReportWriter.cellText("x".repeat(32_768));
		assertThat(cut).hasSize(32_767).isEqualTo("x".repeat(32_755) + "…[truncated]");
		String escapes = ExcelReportWriter.cellText("_x0041_".repeat(5000));
		assertThat(escapes.length()).isLessThanOrEqualTo(32_767);
		assertThat(escapes).endsWith("…[truncated]");
		// a pair is never split: the cut stops one char short
		String surrogates = ExcelReportWriter.cellText("😀".repeat(20_000));
		assertThat(surrogates).hasSize(32_766).endsWith("😀…[truncated]");
	}

	private XSSFWorkbook writeAndRead(ExcelReportWriter writer, RejectedRows rejected) throws IOException {
		Path target = this.dir.resolve("exchange_report.xlsx");
		writer.write(sampleData(), rejected, sampleRun(), target);
		try (InputStream in = Files.newInputStream(target)) {
			return new XSSFWorkbook(in);
		}
	}

	private static ReportData sampleData() {
		StageKey first = new StageKey("", 1);
		StageKey second = new StageKey("Istanbul", 2);
		List<StageSummary> stages = List.of(
				new StageSummary(first, JAN_1, JAN_3, 12, 7, 5, 10, 1, 1, 2, 3, 5, 2, 4, 4, new BigDecimal("45.5"),
						new BigDecimal("40.0"), 1200, 1),
				new StageSummary(second, MAR_5, MAR_5, 7, 3, 4, 3, 3, 1, 0, 1, 2, 1, 1, 0, null, null, null, 0));
		List<BranchSummary> branches = List.of(
				new BranchSummary("ARMY", 8, 2, 3, 3, 2, 3, new BigDecimal("45.5"), new BigDecimal("40.0"), 1200, 1),
				new BranchSummary("NAVY", 5, 0, 1, 4, 1, 1, null, null, null, 0));
		List<StageBranchRow> stageBranches = List.of(new StageBranchRow(second, "NAVY", 2, 0, 1, 1, 1, 0));
		List<ConditionCount> conditions = List.of(new ConditionCount(first, "AMPUTATION", 3));
		return new ReportData(stages, branches, stageBranches, conditions);
	}

	private static List<RejectedRow> sampleRejected() {
		return List.of(
				new RejectedRow("a.csv", 2, "=1+1", List.of("BAD_VALUE:stage", "BAD_VALUE:side"),
						"=1+1,2024-01-01,,x,Q"),
				new RejectedRow("a.csv", 7, "", List.of("MISSING:record_id"), "@SUM(A1),_x0041_,+3,\u0007,_x004"),
				new RejectedRow("b.csv", 3, "r3", List.of("BAD_VALUE:age"), "y".repeat(40_000)));
	}

	private static RunInfo sampleRun() {
		return new RunInfo(Instant.parse("2024-04-01T10:00:00.250Z"), Instant.parse("2024-04-01T10:05:30Z"),
				List.of(new RunInfo.InputFileInfo("a.csv", SHA, "IMPORTED", 30, 27, 3, 1, ""),
						new RunInfo.InputFileInfo("b.csv", "", "FAILED", 0, 0, 0, 0, "cannot read b.csv")),
				30, 27, 3, 1, "1.2.3");
	}

	private static RejectedRows rejected(List<RejectedRow> rows) {
		return rows::forEach;
	}

	private static List<String> sheetNames(XSSFWorkbook workbook) {
		List<String> names = new ArrayList<>();
		workbook.forEach((sheet) -> names.add(sheet.getSheetName()));
		return names;
	}

	private static List<String> rowTexts(Row row) {
		List<String> texts = new ArrayList<>();
		row.forEach((cell) -> texts.add(cell.getStringCellValue()));
		return texts;
	}

	private static List<String> recordIds(Sheet sheet) {
		List<String> ids = new ArrayList<>();
		for (int r = 1; r <= sheet.getLastRowNum(); r++) {
			ids.add(sheet.getRow(r).getCell(2).getStringCellValue());
		}
		return ids;
	}

	/** The Summary sheet's label=value rows between the title block and the tables. */
	private static List<String> headlines(Sheet sheet) {
		List<String> lines = new ArrayList<>();
		for (int r = 4; r <= 13; r++) {
			Row row = sheet.getRow(r);
			Cell value = row.getCell(1);
			if (value != null) {
				assertThat(value.getCellType()).isEqualTo(CellType.NUMERIC);
			}
			lines.add(row.getCell(0).getStringCellValue() + "=" + ((value != null) ? value.getNumericCellValue() : ""));
		}
		return lines;
	}

	private static void assertNumber(Cell cell, double expected) {
		assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
		assertThat(cell.getNumericCellValue()).isEqualTo(expected);
	}

	private static void assertDate(Cell cell, LocalDate expected) {
		assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
		assertThat(DateUtil.isCellDateFormatted(cell)).isTrue();
		assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
		assertThat(cell.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(expected);
	}

}
