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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBarChart;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTLineChart;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTPlotArea;
import org.openxmlformats.schemas.drawingml.x2006.chart.STBarDir;
import org.openxmlformats.schemas.drawingml.x2006.chart.STBarGrouping;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTColorScale;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTConditionalFormatting;

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
			assertThat(sheetNames(workbook)).containsExactly("Summary", "Stages", "Branches", "Stage × Branch",
					"Medical", "Timeline", "Rejected", "Run");
			assertThat(workbook.getActiveSheetIndex()).isZero();
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
			assertThat(rowTexts(workbook.getSheet("Stage × Branch").getRow(0))).containsExactly("agreement", "stage",
					"ARMY", "NAVY", "total");
			assertThat(rowTexts(workbook.getSheet("Medical").getRow(0))).containsExactly("agreement", "stage",
					"AMPUTATION", "TRAUMA");
			assertThat(rowTexts(workbook.getSheet("Timeline").getRow(0))).containsExactly("exchange_date",
					"returned_to_ua", "returned_to_ru", "remains", "returned_total", "cumulative_to_ua",
					"cumulative_to_ru", "cumulative_total");
			assertThat(rowTexts(workbook.getSheet("Rejected").getRow(0))).containsExactly("source_file", "line_number",
					"record_id", "reasons", "raw");
			Cell header = workbook.getSheet("Stages").getRow(0).getCell(0);
			assertThat(workbook.getFontAt(header.getCellStyle().getFontIndex()).getBold()).isTrue();
			// numbers under long codes have upright headers, text columns flat ones
			assertThat(header.getCellStyle().getRotation()).isZero();
			assertThat(workbook.getSheet("Stages").getRow(0).getCell(4).getCellStyle().getRotation())
				.isEqualTo((short) 90);
		}
	}

	@Test
	void writesStageRowsAsTypedCells() throws IOException {
		try (XSSFWorkbook workbook = writeAndRead(new ExcelReportWriter(), rejected(sampleRejected()))) {
			Sheet sheet = workbook.getSheet("Stages");
			assertThat(sheet.getLastRowNum()).isEqualTo(3);
			Row first = sheet.getRow(1);
			assertThat(first.getCell(0)).isNull();
			assertNumber(first.getCell(1), 1);
			assertDate(first.getCell(2), JAN_1);
			assertDate(first.getCell(3), JAN_3);
			assertNumber(first.getCell(4), 12);
			assertThat(first.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
			assertNumber(first.getCell(5), 7);
			assertNumber(first.getCell(6), 5);
			assertNumber(first.getCell(7), 2);
			assertThat(first.getCell(7).getCellStyle().getDataFormatString()).isEqualTo("+#,##0;-#,##0;0");
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
	void totalsRowsAreFormulasThatEvaluateToTheTotals() throws IOException {
		try (XSSFWorkbook workbook = writeAndRead(new ExcelReportWriter(), rejected(sampleRejected()))) {
			Row stages = workbook.getSheet("Stages").getRow(3);
			assertThat(stages.getCell(0).getStringCellValue()).isEqualTo("Total");
			assertThat(stages.getCell(1)).satisfiesAnyOf((cell) -> assertThat(cell).isNull(),
					(cell) -> assertThat(cell.getCellType()).isEqualTo(CellType.BLANK));
			assertFormula(stages.getCell(2), "MIN(C2:C3)", DateUtil.getExcelDate(JAN_1));
			assertFormula(stages.getCell(3), "MAX(D2:D3)", DateUtil.getExcelDate(MAR_5));
			assertFormula(stages.getCell(4), "SUM(E2:E3)", 19);
			assertFormula(stages.getCell(5), "SUM(F2:F3)", 10);
			assertFormula(stages.getCell(7), "SUM(H2:H3)", 1);
			assertFormula(stages.getCell(14), "SUM(O2:O3)", 3);
			assertThat(stages.getCell(17).getCellType()).isEqualTo(CellType.BLANK);
			assertThat(stages.getCell(18).getCellType()).isEqualTo(CellType.BLANK);
			assertFormula(stages.getCell(19), "MAX(T2:T3)", 1200);
			assertFormula(stages.getCell(20), "SUM(U2:U3)", 1);

			Row branches = workbook.getSheet("Branches").getRow(3);
			assertThat(branches.getCell(0).getStringCellValue()).isEqualTo("Total");
			assertFormula(branches.getCell(1), "SUM(B2:B3)", 13);
			assertFormula(branches.getCell(6), "SUM(G2:G3)", 4);
			assertFormula(branches.getCell(9), "MAX(J2:J3)", 1200);
		}
	}

	@Test
	void stageBranchSheetIsAMatrixWithRowAndColumnTotals() throws IOException {
		try (XSSFWorkbook workbook = writeAndRead(new ExcelReportWriter(), rejected(sampleRejected()))) {
			Sheet sheet = workbook.getSheet("Stage × Branch");
			// stages down, branches across in the Branches sheet's order; no records, no
			// number
			Row first = sheet.getRow(1);
			assertThat(first.getCell(0)).isNull();
			assertNumber(first.getCell(1), 1);
			assertNumber(first.getCell(2), 8);
			assertNumber(first.getCell(3), 2);
			assertFormula(first.getCell(4), "SUM(C2:D2)", 10);
			Row second = sheet.getRow(2);
			assertThat(second.getCell(0).getStringCellValue()).isEqualTo("Istanbul");
			assertThat(second.getCell(2)).isNull();
			assertNumber(second.getCell(3), 3);
			assertFormula(second.getCell(4), "SUM(C3:D3)", 3);
			Row totals = sheet.getRow(3);
			assertThat(totals.getCell(0).getStringCellValue()).isEqualTo("Total");
			assertFormula(totals.getCell(2), "SUM(C2:C3)", 8);
			assertFormula(totals.getCell(3), "SUM(D2:D3)", 5);
			assertFormula(totals.getCell(4), "SUM(E2:E3)", 13);

			// the severely wounded or ill, in a second matrix below
			assertThat(sheet.getRow(6).getCell(0).getStringCellValue()).isEqualTo("Severely wounded or ill (military)");
			assertThat(rowTexts(sheet.getRow(7))).containsExactly("agreement", "stage", "ARMY", "NAVY", "total");
			assertNumber(sheet.getRow(8).getCell(2), 2);
			assertNumber(sheet.getRow(8).getCell(3), 0);
			assertFormula(sheet.getRow(8).getCell(4), "SUM(C9:D9)", 2);
			assertNumber(sheet.getRow(9).getCell(3), 1);
			assertFormula(sheet.getRow(10).getCell(2), "SUM(C9:C10)", 2);
			assertFormula(sheet.getRow(10).getCell(4), "SUM(E9:E10)", 3);
			assertThat(sheet.getRowBreaks()).containsExactly(5);
		}
	}

	@Test
	void medicalSheetIsAMatrixOfConditionsByStage() throws IOException {
		try (XSSFWorkbook workbook = writeAndRead(new ExcelReportWriter(), rejected(sampleRejected()))) {
			Sheet sheet = workbook.getSheet("Medical");
			assertNumber(sheet.getRow(1).getCell(1), 1);
			assertNumber(sheet.getRow(1).getCell(2), 3);
			assertThat(sheet.getRow(1).getCell(3)).isNull();
			assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Istanbul");
			assertThat(sheet.getRow(2).getCell(2)).isNull();
			assertNumber(sheet.getRow(2).getCell(3), 2);
			assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("Total");
			assertFormula(sheet.getRow(3).getCell(2), "SUM(C2:C3)", 3);
			assertFormula(sheet.getRow(3).getCell(3), "SUM(D2:D3)", 2);
		}
	}

	@Test
	void timelineHasOneRowPerDateWithRunningTotals() throws IOException {
		try (XSSFWorkbook workbook = writeAndRead(new ExcelReportWriter(), rejected(sampleRejected()))) {
			Sheet sheet = workbook.getSheet("Timeline");
			assertThat(sheet.getLastRowNum()).isEqualTo(4);
			Row first = sheet.getRow(1);
			assertDate(first.getCell(0), JAN_1);
			assertNumber(first.getCell(1), 4);
			assertNumber(first.getCell(2), 3);
			assertNumber(first.getCell(3), 1);
			assertNumber(first.getCell(4), 7);
			assertFormula(first.getCell(5), "B2", 4);
			assertFormula(first.getCell(6), "C2", 3);
			assertFormula(first.getCell(7), "F2+G2", 7);
			Row last = sheet.getRow(3);
			assertDate(last.getCell(0), MAR_5);
			assertFormula(last.getCell(5), "F3+B4", 10);
			assertFormula(last.getCell(6), "G3+C4", 9);
			assertFormula(last.getCell(7), "F4+G4", 19);
			Row totals = sheet.getRow(4);
			assertThat(totals.getCell(0).getStringCellValue()).isEqualTo("Total");
			assertFormula(totals.getCell(1), "SUM(B2:B4)", 10);
			assertFormula(totals.getCell(2), "SUM(C2:C4)", 9);
			assertFormula(totals.getCell(3), "SUM(D2:D4)", 2);
			assertFormula(totals.getCell(4), "SUM(E2:E4)", 19);
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
	void summaryReadsLikeABriefing() throws IOException {
		try (XSSFWorkbook workbook = writeAndRead(new ExcelReportWriter("Office & Co"), rejected(sampleRejected()))) {
			Sheet sheet = workbook.getSheet("Summary");
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Prisoner-of-war exchanges");
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Office & Co");
			assertThat(sheet.getRow(2).getCell(0).getStringCellValue())
				.isEqualTo("Period covered: 1 January 2024 to 5 March 2024 · 2 stages under 2 agreements · 19 records");
			assertThat(sheet.getRow(3).getCell(0).getStringCellValue())
				.isEqualTo("Generated 2024-04-01 10:05 UTC, from every record imported so far");
			assertThat(rowTexts(sheet.getRow(5))).containsExactly("Headline figures", "All stages", "Latest stage");
			assertThat(headlines(sheet)).containsExactly("Returned, both sides|19|7", "Returned to Ukraine (UA)|10|3",
					"Returned to Russia (RU)|9|4", "Balance, UA minus RU|1|-1", "Military|13|3", "Civilians|4|3",
					"Remains of the fallen|2|1", "Severely wounded or ill|3|1", "With medical conditions|5|1",
					"Longest captivity, days|1200|", "In captivity over 3 years|1|0");
			assertThat(sheet.getRow(18).getCell(0).getStringCellValue())
				.isEqualTo("Latest stage: Istanbul, stage 2, exchanged on 5 March 2024.");
			assertThat(sheet.getRowBreaks()).containsExactly(46);
			assertThat(sheet.getRow(47).getCell(0).getStringCellValue()).isEqualTo("Figures behind the charts");
		}
	}

	@Test
	void summaryHasFourNativeCharts() throws IOException {
		try (XSSFWorkbook workbook = writeAndRead(new ExcelReportWriter(), rejected(sampleRejected()))) {
			XSSFSheet sheet = workbook.getSheet("Summary");
			List<XSSFChart> charts = sheet.getDrawingPatriarch().getCharts();
			assertThat(charts).extracting((chart) -> chart.getTitleText().getString())
				.containsExactly("Returned per stage, by side", "Returned by service branch (military)",
						"Medical conditions by stage", "Cumulative returns over time");

			// returned per stage: clustered columns, UA and RU, from the Summary's stage
			// table
			CTBarChart stages = charts.get(0).getCTChart().getPlotArea().getBarChartArray(0);
			assertThat(stages.getBarDir().getVal()).isEqualTo(STBarDir.COL);
			assertThat(stages.getGrouping().getVal()).isEqualTo(STBarGrouping.CLUSTERED);
			assertThat(stages.getSerList()).extracting((series) -> series.getTx().getV())
				.containsExactly("Returned to UA", "Returned to RU");
			assertThat(stages.getSerArray(0).getCat().getStrRef().getF()).isEqualTo("Summary!$B$56:$B$57");
			assertThat(stages.getSerArray(1).getVal().getNumRef().getF()).isEqualTo("Summary!$D$56:$D$57");
			assertThat(stages.getSerArray(0).getCat().getStrRef().getStrCache().getPtList())
				.extracting((point) -> point.getV())
				.containsExactly("1 Jan", "5 Mar");

			// by branch: horizontal bars, largest on top, values labelled
			CTBarChart branches = charts.get(1).getCTChart().getPlotArea().getBarChartArray(0);
			assertThat(branches.getBarDir().getVal()).isEqualTo(STBarDir.BAR);
			assertThat(branches.getVaryColors().getVal()).isFalse();
			assertThat(branches.getSerArray(0).getCat().getStrRef().getF()).isEqualTo("Summary!$A$51:$A$52");
			assertThat(branches.getSerArray(0).getVal().getNumRef().getF()).isEqualTo("Summary!$B$51:$B$52");
			assertThat(branches.getSerArray(0).getDLbls().getShowVal().getVal()).isTrue();
			assertThat(sheet.getRow(50).getCell(0).getStringCellValue()).isEqualTo("Army");
			assertNumber(sheet.getRow(50).getCell(1), 8);
			assertThat(sheet.getRow(55).getCell(0).getStringCellValue()).isEqualTo("Stage 1");
			assertThat(sheet.getRow(56).getCell(0).getStringCellValue()).isEqualTo("Istanbul, stage 2");
			assertNumber(sheet.getRow(56).getCell(3), 4);

			// conditions by stage: stacked columns over the Medical sheet
			CTBarChart conditions = charts.get(2).getCTChart().getPlotArea().getBarChartArray(0);
			assertThat(conditions.getGrouping().getVal()).isEqualTo(STBarGrouping.STACKED);
			assertThat(conditions.getSerList()).extracting((series) -> series.getTx().getV())
				.containsExactly("Amputation", "Trauma");
			assertThat(conditions.getSerArray(0).getVal().getNumRef().getF()).isEqualTo("Medical!$C$2:$C$3");
			assertThat(conditions.getSerArray(1).getVal().getNumRef().getNumCache().getPtList())
				.extracting((point) -> point.getV())
				.containsExactly("0.0", "2.0");
			assertThat(conditions.toString()).contains("<c:overlap val=\"100\"/>");

			// cumulative returns: lines over the Timeline sheet, on a date axis
			CTPlotArea cumulative = charts.get(3).getCTChart().getPlotArea();
			assertThat(cumulative.getDateAxList()).hasSize(1);
			CTLineChart lines = cumulative.getLineChartArray(0);
			assertThat(lines.getSerArray(0).getCat().getNumRef().getF()).isEqualTo("Timeline!$A$2:$A$4");
			assertThat(lines.getSerArray(0).getVal().getNumRef().getF()).isEqualTo("Timeline!$F$2:$F$4");
			assertThat(lines.getSerArray(1).getVal().getNumRef().getF()).isEqualTo("Timeline!$G$2:$G$4");
			assertThat(lines.getSerArray(1).getVal().getNumRef().getNumCache().getPtList())
				.extracting((point) -> point.getV())
				.containsExactly("3.0", "5.0", "9.0");
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
			assertThat(rowTexts(sheet.getRow(8))).containsExactly("office",
					"Coordinating office for prisoner-of-war exchanges");
			assertThat(rowTexts(sheet.getRow(9))).containsExactly("small-cell suppression",
					"off: every count is shown");
			assertThat(rowTexts(sheet.getRow(11))).containsExactly("file", "sha256", "outcome", "rows read", "accepted",
					"rejected", "updated", "message");
			assertThat(sheet.getRow(12).getCell(0).getStringCellValue()).isEqualTo("a.csv");
			assertThat(sheet.getRow(12).getCell(1).getStringCellValue()).isEqualTo(SHA);
			assertThat(sheet.getRow(12).getCell(2).getStringCellValue()).isEqualTo("IMPORTED");
			assertNumber(sheet.getRow(12).getCell(3), 30);
			assertNumber(sheet.getRow(12).getCell(6), 1);
			assertThat(sheet.getRow(12).getCell(7)).isNull();
			assertThat(sheet.getRow(13).getCell(1)).isNull();
			assertThat(sheet.getRow(13).getCell(2).getStringCellValue()).isEqualTo("FAILED");
			assertThat(sheet.getRow(13).getCell(7).getStringCellValue()).isEqualTo("cannot read b.csv");
		}
	}

	@Test
	void freezesHeaderAndAddsAutofilter() throws IOException {
		try (XSSFWorkbook workbook = writeAndRead(new ExcelReportWriter(), rejected(sampleRejected()))) {
			Map<String, Integer> frozenColumns = Map.of("Stages", 2, "Branches", 1, "Stage × Branch", 2, "Medical", 2,
					"Timeline", 1, "Rejected", 0);
			frozenColumns.forEach((name, columns) -> {
				XSSFSheet sheet = workbook.getSheet(name);
				PaneInformation pane = sheet.getPaneInformation();
				assertThat(pane).as(name).isNotNull();
				assertThat(pane.isFreezePane()).as(name).isTrue();
				assertThat(pane.getHorizontalSplitPosition()).as(name).isEqualTo((short) 1);
				assertThat(pane.getVerticalSplitPosition()).as(name).isEqualTo(columns.shortValue());
				assertThat(sheet.getCTWorksheet().isSetAutoFilter()).as(name).isTrue();
			});
			// the filter covers the data rows, never the totals row below them
			assertThat(workbook.getSheet("Stages").getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:U3");
			assertThat(workbook.getSheet("Stage × Branch").getCTWorksheet().getAutoFilter().getRef())
				.isEqualTo("A1:E3");
			assertThat(workbook.getSheet("Rejected").getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:E4");
			assertThat(workbook.getSheet("Rejected").getColumnWidth(4)).isEqualTo(62 * 256);
			assertThat(workbook.getSheet("Timeline").getColumnWidth(0)).isEqualTo(17 * 256);
		}
	}

	@Test
	void everySheetPrintsLandscapeOnePageWideWithHeaderFooter() throws IOException {
		try (XSSFWorkbook workbook = writeAndRead(new ExcelReportWriter("Office & Co"), rejected(sampleRejected()))) {
			for (Sheet sheet : workbook) {
				String name = sheet.getSheetName();
				assertThat(sheet.getPrintSetup().getLandscape()).as(name).isTrue();
				assertThat(sheet.getPrintSetup().getPaperSize()).as(name).isEqualTo(PrintSetup.A4_PAPERSIZE);
				assertThat(sheet.getFitToPage()).as(name).isTrue();
				assertThat(sheet.getPrintSetup().getFitWidth()).as(name).isEqualTo((short) 1);
				assertThat(sheet.getPrintSetup().getFitHeight()).as(name).isZero();
				assertThat(sheet.getHeader().getLeft()).as(name).isEqualTo("Office && Co");
				assertThat(sheet.getFooter().getCenter()).as(name).isEqualTo("Page &P of &N");
				assertThat(sheet.getFooter().getLeft()).as(name).isEqualTo("Generated 2024-04-01 10:05 UTC");
			}
			for (String name : List.of("Stages", "Branches", "Stage × Branch", "Medical", "Timeline", "Rejected")) {
				assertThat(workbook.getSheet(name).getRepeatingRows()).as(name)
					.isEqualTo(CellRangeAddress.valueOf("1:1"));
			}
			assertThat(workbook.getSheet("Stage × Branch").getRepeatingColumns())
				.isEqualTo(CellRangeAddress.valueOf("A:B"));
		}
	}

	@Test
	void colourScalesDrawTheEyeToSevereCases() throws IOException {
		try (XSSFWorkbook workbook = writeAndRead(new ExcelReportWriter(), rejected(sampleRejected()))) {
			assertThat(colourScales(workbook.getSheet("Stages"))).containsExactly("O2:O3 FFF8696B");
			assertThat(colourScales(workbook.getSheet("Branches"))).containsExactly("F2:F3 FFF8696B");
			assertThat(colourScales(workbook.getSheet("Stage × Branch"))).containsExactlyInAnyOrder("C2:D3 FF5B9BD5",
					"C9:D10 FFF8696B");
			assertThat(colourScales(workbook.getSheet("Medical"))).containsExactly("C2:D3 FFF8696B");
		}
	}

	@Test
	void setsDocumentProperties() throws IOException {
		try (XSSFWorkbook workbook = writeAndRead(new ExcelReportWriter("Office & Co"), rejected(sampleRejected()))) {
			POIXMLProperties properties = workbook.getProperties();
			assertThat(properties.getCoreProperties().getTitle()).isEqualTo("Prisoner-of-war exchange report");
			assertThat(properties.getCoreProperties().getSubject()).isEqualTo(
					"Returns of prisoners of war, civilians and remains. Period covered: 1 January 2024 to 5 March "
							+ "2024 · 2 stages under 2 agreements · 19 records");
			assertThat(properties.getCoreProperties().getCreator()).isEqualTo("Office & Co");
			assertThat(properties.getExtendedProperties().getUnderlyingProperties().getApplication())
				.isEqualTo("exchange-reports");
			assertThat(properties.getExtendedProperties().getUnderlyingProperties().getCompany())
				.isEqualTo("Office & Co");
		}
	}

	@Test
	void hiddenFiguresShowTheirMarkersAndTotalsBecomeNumbers() throws IOException {
		ReportAggregator aggregator = new ReportAggregator();
		TestRecords.scenario().forEach(aggregator::add);
		ReportData data = aggregator.result();
		SmallCellSuppression suppression = SmallCellSuppression.of(data, 3);
		Path target = this.dir.resolve("exchange_report.xlsx");
		new ExcelReportWriter().write(data, suppression, rejected(List.of()), sampleRun(), target);
		try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(target))) {
			// ("=cmd,x", 1) has one record: every count of 1 or 2 is <3
			Row first = workbook.getSheet("Stages").getRow(1);
			assertThat(first.getCell(4).getStringCellValue()).isEqualTo("<3");
			assertThat(first.getCell(17).getStringCellValue()).isEqualTo("x");
			Row totals = workbook.getSheet("Stages").getRow(5);
			assertThat(totals.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
			assertNumber(totals.getCell(4), 11);
			assertThat(rowTexts(workbook.getSheet("Run").getRow(9))).containsExactly("small-cell suppression",
					"counts from 1 to 2 are shown as <3; x hides a figure that would let a hidden count be worked "
							+ "out from a total");
			assertNumber(workbook.getSheet("Run").getRow(10).getCell(1), 3);
			Sheet summary = workbook.getSheet("Summary");
			assertThat(summary.getRow(6).getCell(1).getNumericCellValue()).isEqualTo(11);
			assertThat(summary.getRow(6).getCell(2).getStringCellValue()).isEqualTo("<3");
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
			assertThat(sheetNames(workbook)).containsExactly("Summary", "Stages", "Branches", "Stage × Branch",
					"Medical", "Timeline", "Rejected", "Rejected (2)", "Rejected (3)", "Run");
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
			assertThat(sheetNames(workbook)).containsExactly("Summary", "Stages", "Branches", "Stage × Branch",
					"Medical", "Timeline", "Rejected", "Run");
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
			assertThat(headlines(workbook.getSheet("Summary"))).contains("Returned to Ukraine (UA)|0|",
					"Longest captivity, days||");
			assertThat(workbook.getSheet("Summary").getRow(2).getCell(0).getStringCellValue())
				.isEqualTo("No exchange records yet.");
			assertThat(workbook.getSheet("Summary").getDrawingPatriarch().getCharts()).isEmpty();
			assertThat(workbook.getSheet("Stages").getLastRowNum()).isZero();
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
		List<StageBranchRow> stageBranches = List.of(new StageBranchRow(first, "ARMY", 8, 2, 3, 3, 2, 3),
				new StageBranchRow(first, "NAVY", 2, 0, 0, 2, 0, 1),
				new StageBranchRow(second, "NAVY", 3, 0, 1, 2, 1, 0));
		List<ConditionCount> conditions = List.of(new ConditionCount(first, "AMPUTATION", 3),
				new ConditionCount(second, "TRAUMA", 2));
		List<TimelineRow> timeline = List.of(new TimelineRow(JAN_1, 4, 3, 1), new TimelineRow(JAN_3, 3, 2, 0),
				new TimelineRow(MAR_5, 3, 4, 1));
		return new ReportData(stages, branches, stageBranches, conditions, timeline);
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

	/** The Summary's headline rows: label|all stages|latest stage. */
	private static List<String> headlines(Sheet sheet) {
		List<String> lines = new ArrayList<>();
		for (int r = 6; r <= 16; r++) {
			Row row = sheet.getRow(r);
			StringBuilder line = new StringBuilder(row.getCell(0).getStringCellValue());
			for (int c = 1; c <= 2; c++) {
				Cell value = row.getCell(c);
				line.append('|');
				if (value != null && value.getCellType() == CellType.NUMERIC) {
					line.append((long) value.getNumericCellValue());
				}
				else if (value != null && value.getCellType() == CellType.STRING) {
					line.append(value.getStringCellValue());
				}
			}
			lines.add(line.toString());
		}
		return lines;
	}

	/** "range colour" of each colour scale: the colour the largest value gets. */
	private static List<String> colourScales(XSSFSheet sheet) {
		List<String> scales = new ArrayList<>();
		for (CTConditionalFormatting formatting : sheet.getCTWorksheet().getConditionalFormattingList()) {
			CTColorScale scale = formatting.getCfRuleArray(0).getColorScale();
			scales.add(formatting.getSqref().get(0) + " "
					+ HexFormat.of().withUpperCase().formatHex(scale.getColorArray(1).getRgb()));
		}
		return scales;
	}

	/** A formula cell: its formula, its stored value, and what it evaluates to. */
	private static void assertFormula(Cell cell, String formula, double expected) {
		assertThat(cell.getCellType()).isEqualTo(CellType.FORMULA);
		assertThat(cell.getCellFormula()).isEqualTo(formula);
		assertThat(cell.getNumericCellValue()).as("stored value of " + formula).isEqualTo(expected);
		FormulaEvaluator evaluator = cell.getSheet().getWorkbook().getCreationHelper().createFormulaEvaluator();
		assertThat(evaluator.evaluate(cell).getNumberValue()).as("evaluated " + formula).isEqualTo(expected);
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
