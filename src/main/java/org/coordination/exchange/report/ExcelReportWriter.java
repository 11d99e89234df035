package org.coordination.exchange.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.coordination.exchange.record.RejectedRow;

/**
 * Writes the stakeholders' workbook {@code exchange_report.xlsx} (SPEC §5): the report
 * tables as typed cells, a summary sheet with headline figures and charts, and a sheet
 * describing the run.
 * <p>
 * The whole workbook streams through {@link SXSSFWorkbook} because the rejected rows grow
 * with the input. Charts need the full XSSF model, so the Summary sheet and its charts
 * are built on the underlying {@link XSSFWorkbook} before streaming starts.
 */
public final class ExcelReportWriter {

	/** Data rows that fit below the header row of one sheet. */
	static final int MAX_DATA_ROWS_PER_SHEET = 1_048_575;

	/** Longest text a cell holds. */
	static final int MAX_CELL_TEXT = 32_767;

	static final String TRUNCATED_MARKER = "…[truncated]";

	static final List<String> STAGE_COLUMNS = List.of("agreement", "stage", "first_exchange_date", "last_exchange_date",
			"returned_total", "returned_to_ua", "returned_to_ru", "balance", "military", "civilians", "remains",
			"officers", "ncos", "enlisted", "severe", "with_conditions", "age_18_25", "captivity_days_avg",
			"captivity_days_median", "captivity_days_max", "captivity_over_3y");

	static final List<String> BRANCH_COLUMNS = List.of("service_branch", "returned", "officers", "ncos", "enlisted",
			"severe", "with_conditions", "captivity_days_avg", "captivity_days_median", "captivity_days_max",
			"captivity_over_3y");

	static final List<String> STAGE_BRANCH_COLUMNS = List.of("agreement", "stage", "service_branch", "returned",
			"officers", "ncos", "enlisted", "severe", "with_conditions");

	static final List<String> CONDITION_COLUMNS = List.of("agreement", "stage", "condition", "cases");

	static final List<String> REJECTED_COLUMNS = List.of("source_file", "line_number", "record_id", "reasons", "raw");

	static final List<String> INPUT_COLUMNS = List.of("file", "sha256", "outcome", "rows read", "accepted", "rejected",
			"updated", "message");

	static final String TITLE = "Exchange report";

	static final String CREATOR = "exchange-reports";

	/** Rows SXSSF keeps in memory per sheet before flushing them to its temp file. */
	private static final int ROW_WINDOW = 100;

	/** Widest column, in characters, that content may ask for. */
	private static final int MAX_COLUMN_CHARS = 60;

	private final int dataRowsPerSheet;

	public ExcelReportWriter() {
		this(MAX_DATA_ROWS_PER_SHEET);
	}

	/**
	 * @param dataRowsPerSheet data rows per Rejected sheet before it continues on the
	 * next one; smaller than the Excel limit only in tests
	 */
	ExcelReportWriter(int dataRowsPerSheet) {
		if (dataRowsPerSheet < 1 || dataRowsPerSheet > MAX_DATA_ROWS_PER_SHEET) {
			throw new IllegalArgumentException("dataRowsPerSheet out of range: " + dataRowsPerSheet);
		}
		this.dataRowsPerSheet = dataRowsPerSheet;
	}

	/**
	 * Writes the workbook to {@code target} through a temporary file in the same
	 * directory, moved into place when complete.
	 * @throws UncheckedIOException if the workbook cannot be written
	 */
	public void write(ReportData data, RejectedRows rejected, RunInfo run, Path target) {
		try {
			Path directory = target.toAbsolutePath().getParent();
			Files.createDirectories(directory);
			AtomicFiles.write(target, (out) -> writeWorkbook(data, rejected, run, out));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + target + ": " + ex.getMessage(), ex);
		}
	}

	private void writeWorkbook(ReportData data, RejectedRows rejected, RunInfo run, OutputStream out)
			throws IOException {
		XSSFWorkbook xssf = new XSSFWorkbook();
		SXSSFWorkbook workbook = null;
		try {
			xssf.getProperties().getCoreProperties().setTitle(TITLE);
			xssf.getProperties().getCoreProperties().setCreator(CREATOR);
			Styles styles = new Styles(xssf);
			writeSummary(xssf.createSheet("Summary"), styles, data, run);
			// sheets created from here on stream; the Summary sheet keeps its XSSF rows
			workbook = new SXSSFWorkbook(xssf, ROW_WINDOW);
			writeStages(workbook, styles, data.stages());
			writeBranches(workbook, styles, data.branches());
			writeStageBranches(workbook, styles, data.stageBranches());
			writeConditions(workbook, styles, data.conditions());
			writeRejected(workbook, styles, rejected);
			writeRun(workbook.createSheet("Run"), styles, run);
			workbook.write(out);
		}
		finally {
			if (workbook != null) {
				workbook.dispose();
				workbook.close();
			}
			else {
				xssf.close();
			}
		}
	}

	// Summary

	private static void writeSummary(XSSFSheet sheet, Styles styles, ReportData data, RunInfo run) {
		text(sheet.createRow(0), 0, TITLE, styles.title);
		Row generated = sheet.createRow(1);
		text(generated, 0, "generated", null);
		dateTime(generated, 1, run.finishedAt(), styles.dateTime);
		text(sheet.createRow(2), 0, "time zone", null);
		text(sheet.getRow(2), 1, "UTC", null);

		Headline headline = Headline.of(data.stages());
		int rowIndex = 4;
		rowIndex = labelledNumber(sheet, rowIndex, "returned to UA", headline.returnedToUa());
		rowIndex = labelledNumber(sheet, rowIndex, "returned to RU", headline.returnedToRu());
		rowIndex = labelledNumber(sheet, rowIndex, "balance", headline.balance());
		rowIndex = labelledNumber(sheet, rowIndex, "military", headline.military());
		rowIndex = labelledNumber(sheet, rowIndex, "civilians", headline.civilians());
		rowIndex = labelledNumber(sheet, rowIndex, "remains", headline.remains());
		rowIndex = labelledNumber(sheet, rowIndex, "severe cases", headline.severe());
		rowIndex = labelledNumber(sheet, rowIndex, "with conditions", headline.withConditions());
		rowIndex = labelledNumber(sheet, rowIndex, "longest captivity (days)", headline.longestCaptivityDays());
		rowIndex = labelledNumber(sheet, rowIndex, "captivity over 3 years", headline.captivityOver3y());

		// the charts plot these small tables, so the data stays visible next to them
		XSSFDrawing drawing = sheet.createDrawingPatriarch();
		int branchHeader = rowIndex + 1;
		Row header = sheet.createRow(branchHeader);
		text(header, 0, "service branch", styles.header);
		text(header, 1, "returned", styles.header);
		List<BranchSummary> branches = data.branches();
		for (int i = 0; i < branches.size(); i++) {
			Row row = sheet.createRow(branchHeader + 1 + i);
			text(row, 0, branches.get(i).serviceBranch(), null);
			number(row, 1, branches.get(i).returned(), null);
		}
		if (!branches.isEmpty()) {
			barChart(sheet, drawing, 4, 0, "Returned by service branch", branchHeader, branches.size(), 1);
		}

		int stageHeader = branchHeader + 1 + branches.size() + 1;
		header = sheet.createRow(stageHeader);
		text(header, 0, "stage", styles.header);
		text(header, 1, "returned to UA", styles.header);
		text(header, 2, "returned to RU", styles.header);
		List<StageSummary> stages = data.stages();
		for (int i = 0; i < stages.size(); i++) {
			StageSummary stage = stages.get(i);
			Row row = sheet.createRow(stageHeader + 1 + i);
			text(row, 0, stageLabel(stage.key()), null);
			number(row, 1, stage.returnedToUa(), null);
			number(row, 2, stage.returnedToRu(), null);
		}
		if (!stages.isEmpty()) {
			barChart(sheet, drawing, 4, 22, "Returned per stage", stageHeader, stages.size(), 2);
		}

		sheet.setColumnWidth(0, 26 * 256);
		sheet.setColumnWidth(1, 20 * 256);
		sheet.setColumnWidth(2, 16 * 256);
	}

	private static String stageLabel(StageKey key) {
		return key.agreement().isEmpty() ? "stage " + key.stage() : key.agreement() + " / stage " + key.stage();
	}

	private static int labelledNumber(Sheet sheet, int rowIndex, String label, Long value) {
		Row row = sheet.createRow(rowIndex);
		text(row, 0, label, null);
		if (value != null) {
			number(row, 1, value, null);
		}
		return rowIndex + 1;
	}

	/**
	 * A clustered column chart over a table whose header is at {@code headerRow}:
	 * categories in column A, one series per following column, titled by its header.
	 */
	private static void barChart(XSSFSheet sheet, XSSFDrawing drawing, int column, int row, String title, int headerRow,
			int rows, int seriesCount) {
		XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, column, row, column + 10, row + 20);
		XSSFChart chart = drawing.createChart(anchor);
		chart.getCTChartSpace().addNewRoundedCorners().setVal(false);
		chart.setTitleText(title);
		chart.setTitleOverlay(false);
		if (seriesCount > 1) {
			chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
		}
		XDDFCategoryAxis categoryAxis = chart.createCategoryAxis(AxisPosition.BOTTOM);
		XDDFValueAxis valueAxis = chart.createValueAxis(AxisPosition.LEFT);
		valueAxis.setCrosses(AxisCrosses.AUTO_ZERO);
		valueAxis.setCrossBetween(AxisCrossBetween.BETWEEN);
		XDDFDataSource<String> categories = XDDFDataSourcesFactory.fromStringCellRange(sheet,
				new CellRangeAddress(headerRow + 1, headerRow + rows, 0, 0));
		XDDFChartData chartData = chart.createData(ChartTypes.BAR, categoryAxis, valueAxis);
		// one colour per series, not per bar: LibreOffice honours varyColors literally
		chartData.setVaryColors(false);
		PresetColor[] colours = { PresetColor.STEEL_BLUE, PresetColor.DARK_ORANGE };
		for (int s = 0; s < seriesCount; s++) {
			int column1 = s + 1;
			XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
					new CellRangeAddress(headerRow + 1, headerRow + rows, column1, column1));
			XDDFChartData.Series series = chartData.addSeries(categories, values);
			String seriesTitle = sheet.getRow(headerRow).getCell(column1).getStringCellValue();
			series.setTitle(seriesTitle, new CellReference(sheet.getSheetName(), headerRow, column1, true, true));
			XDDFShapeProperties shape = new XDDFShapeProperties();
			shape.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(colours[s % colours.length])));
			series.setShapeProperties(shape);
		}
		XDDFBarChartData bars = (XDDFBarChartData) chartData;
		bars.setBarDirection(BarDirection.COL);
		bars.setBarGrouping(BarGrouping.CLUSTERED);
		chart.plot(chartData);
	}

	/** The Summary sheet's headline figures, summed over the stages. */
	record Headline(long returnedToUa, long returnedToRu, long balance, long military, long civilians, long remains,
			long severe, long withConditions, Long longestCaptivityDays, long captivityOver3y) {

		static Headline of(List<StageSummary> stages) {
			long toUa = 0;
			long toRu = 0;
			long military = 0;
			long civilians = 0;
			long remains = 0;
			long severe = 0;
			long withConditions = 0;
			Long longest = null;
			long over3y = 0;
			for (StageSummary stage : stages) {
				toUa += stage.returnedToUa();
				toRu += stage.returnedToRu();
				military += stage.military();
				civilians += stage.civilians();
				remains += stage.remains();
				severe += stage.severe();
				withConditions += stage.withConditions();
				over3y += stage.captivityOver3y();
				Integer max = stage.captivityDaysMax();
				if (max != null && (longest == null || max > longest)) {
					longest = max.longValue();
				}
			}
			return new Headline(toUa, toRu, toUa - toRu, military, civilians, remains, severe, withConditions, longest,
					over3y);
		}

	}

	// Tables

	private static void writeStages(Workbook workbook, Styles styles, List<StageSummary> stages) {
		Table table = new Table(workbook, "Stages", STAGE_COLUMNS, styles);
		for (StageSummary s : stages) {
			table.startRow();
			table.text(s.key().agreement());
			table.number(s.key().stage());
			table.date(s.firstExchangeDate());
			table.date(s.lastExchangeDate());
			table.number(s.returnedTotal());
			table.number(s.returnedToUa());
			table.number(s.returnedToRu());
			table.number(s.balance());
			table.number(s.military());
			table.number(s.civilians());
			table.number(s.remains());
			table.number(s.officers());
			table.number(s.ncos());
			table.number(s.enlisted());
			table.number(s.severe());
			table.number(s.withConditions());
			table.number(s.age18To25());
			table.decimal(s.captivityDaysAvg());
			table.decimal(s.captivityDaysMedian());
			table.integer(s.captivityDaysMax());
			table.number(s.captivityOver3y());
		}
		table.finish();
	}

	private static void writeBranches(Workbook workbook, Styles styles, List<BranchSummary> branches) {
		Table table = new Table(workbook, "Branches", BRANCH_COLUMNS, styles);
		for (BranchSummary b : branches) {
			table.startRow();
			table.text(b.serviceBranch());
			table.number(b.returned());
			table.number(b.officers());
			table.number(b.ncos());
			table.number(b.enlisted());
			table.number(b.severe());
			table.number(b.withConditions());
			table.decimal(b.captivityDaysAvg());
			table.decimal(b.captivityDaysMedian());
			table.integer(b.captivityDaysMax());
			table.number(b.captivityOver3y());
		}
		table.finish();
	}

	private static void writeStageBranches(Workbook workbook, Styles styles, List<StageBranchRow> rows) {
		Table table = new Table(workbook, "Stage x Branch", STAGE_BRANCH_COLUMNS, styles);
		for (StageBranchRow r : rows) {
			table.startRow();
			table.text(r.key().agreement());
			table.number(r.key().stage());
			table.text(r.serviceBranch());
			table.number(r.returned());
			table.number(r.officers());
			table.number(r.ncos());
			table.number(r.enlisted());
			table.number(r.severe());
			table.number(r.withConditions());
		}
		table.finish();
	}

	private static void writeConditions(Workbook workbook, Styles styles, List<ConditionCount> conditions) {
		Table table = new Table(workbook, "Conditions", CONDITION_COLUMNS, styles);
		for (ConditionCount c : conditions) {
			table.startRow();
			table.text(c.key().agreement());
			table.number(c.key().stage());
			table.text(c.condition());
			table.number(c.cases());
		}
		table.finish();
	}

	private void writeRejected(Workbook workbook, Styles styles, RejectedRows rejected) {
		// a holder, because the consumer replaces the table when a sheet is full
		Table[] current = { new Table(workbook, "Rejected", REJECTED_COLUMNS, styles) };
		int[] sheets = { 1 };
		rejected.forEach((RejectedRow row) -> {
			if (current[0].dataRows() == this.dataRowsPerSheet) {
				current[0].finish();
				sheets[0]++;
				current[0] = new Table(workbook, "Rejected (" + sheets[0] + ")", REJECTED_COLUMNS, styles);
			}
			Table table = current[0];
			table.startRow();
			table.text(row.sourceFile());
			table.number(row.lineNumber());
			table.text(row.recordId());
			table.text(row.reasonText());
			table.text(row.raw());
		});
		current[0].finish();
	}

	// Run

	private static void writeRun(Sheet sheet, Styles styles, RunInfo run) {
		int rowIndex = 0;
		Row row = sheet.createRow(rowIndex++);
		text(row, 0, "started", null);
		dateTime(row, 1, run.startedAt(), styles.dateTime);
		row = sheet.createRow(rowIndex++);
		text(row, 0, "finished", null);
		dateTime(row, 1, run.finishedAt(), styles.dateTime);
		row = sheet.createRow(rowIndex++);
		text(row, 0, "time zone", null);
		text(row, 1, "UTC", null);
		row = sheet.createRow(rowIndex++);
		text(row, 0, "software version", null);
		text(row, 1, run.version(), null);
		rowIndex = labelledNumber(sheet, rowIndex, "rows read", run.rowsRead());
		rowIndex = labelledNumber(sheet, rowIndex, "accepted", run.accepted());
		rowIndex = labelledNumber(sheet, rowIndex, "rejected", run.rejected());
		rowIndex = labelledNumber(sheet, rowIndex, "updated", run.updated());

		int headerRow = rowIndex + 1;
		int[] widths = new int[INPUT_COLUMNS.size()];
		widths[0] = "software version".length();
		widths[1] = "yyyy-mm-dd hh:mm:ss".length();
		Row header = sheet.createRow(headerRow);
		for (int c = 0; c < INPUT_COLUMNS.size(); c++) {
			text(header, c, INPUT_COLUMNS.get(c), styles.header);
			widths[c] = Math.max(widths[c], INPUT_COLUMNS.get(c).length());
		}
		List<RunInfo.InputFileInfo> inputs = run.inputs();
		for (int i = 0; i < inputs.size(); i++) {
			RunInfo.InputFileInfo input = inputs.get(i);
			row = sheet.createRow(headerRow + 1 + i);
			String[] texts = { input.fileName(), input.sha256(), input.outcome() };
			for (int c = 0; c < texts.length; c++) {
				text(row, c, texts[c], null);
				widths[c] = Math.max(widths[c], length(texts[c]));
			}
			number(row, 3, input.rowsRead(), null);
			number(row, 4, input.accepted(), null);
			number(row, 5, input.rejected(), null);
			number(row, 6, input.updated(), null);
			text(row, 7, input.message(), null);
			widths[7] = Math.max(widths[7], length(input.message()));
		}
		sheet.setAutoFilter(new CellRangeAddress(headerRow, headerRow + inputs.size(), 0, INPUT_COLUMNS.size() - 1));
		for (int c = 0; c < widths.length; c++) {
			sheet.setColumnWidth(c, columnWidth(Math.max(widths[c], 12)));
		}
	}

	// Cells

	/** Writes text as a literal string cell; an empty or null text leaves no cell. */
	private static void text(Row row, int column, String value, CellStyle style) {
		if (value == null || value.isEmpty()) {
			return;
		}
		Cell cell = row.createCell(column);
		cell.setCellValue(cellText(value));
		if (style != null) {
			cell.setCellStyle(style);
		}
	}

	private static void number(Row row, int column, long value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellValue((double) value);
		if (style != null) {
			cell.setCellStyle(style);
		}
	}

	private static void dateTime(Row row, int column, Instant value, CellStyle style) {
		if (value == null) {
			return;
		}
		Cell cell = row.createCell(column);
		// a spreadsheet has no time zone: write UTC, as the sheet says, to the second
		cell.setCellValue(LocalDateTime.ofInstant(value, ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
		cell.setCellStyle(style);
	}

	/**
	 * The text a cell stores for {@code value}: escaped as cell text requires, and cut
	 * with {@link #TRUNCATED_MARKER} when longer than a cell holds.
	 */
	static String cellText(String value) {
		String escaped = escape(value);
		if (escaped.length() <= MAX_CELL_TEXT) {
			return escaped;
		}
		int room = MAX_CELL_TEXT - TRUNCATED_MARKER.length();
		int keep = Math.min(value.length(), room);
		while (true) {
			if (keep > 0 && Character.isHighSurrogate(value.charAt(keep - 1))) {
				keep--;
			}
			String cut = escape(value.substring(0, keep));
			if (cut.length() <= room) {
				return cut + TRUNCATED_MARKER;
			}
			keep -= cut.length() - room;
		}
	}

	/**
	 * Escapes in the {@code _xHHHH_} form that Excel and LibreOffice decode in cell text:
	 * control characters, which XML cannot hold (POI would write {@code ?}), and an
	 * underscore that starts such a sequence, so that the sequence stays literal.
	 */
	private static String escape(String value) {
		StringBuilder escaped = null;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean escape = (c == '_') ? startsEscapeSequence(value, i)
					: (c < ' ' && c != '\t' && c != '\n' && c != '\r') || c == '\uFFFE' || c == '\uFFFF';
			if (escape && escaped == null) {
				escaped = new StringBuilder(value.length() + 16).append(value, 0, i);
			}
			if (escape) {
				escaped.append(String.format("_x%04X_", (int) c));
			}
			else if (escaped != null) {
				escaped.append(c);
			}
		}
		return (escaped != null) ? escaped.toString() : value;
	}

	private static boolean startsEscapeSequence(String value, int index) {
		if (index + 6 >= value.length() || value.charAt(index + 1) != 'x' || value.charAt(index + 6) != '_') {
			return false;
		}
		for (int i = index + 2; i < index + 6; i++) {
			if (Character.digit(value.charAt(i), 16) < 0) {
				return false;
			}
		}
		return true;
	}

	private static int length(String value) {
		return (value != null) ? value.length() : 0;
	}

	private static int columnWidth(int chars) {
		return (Math.min(chars, MAX_COLUMN_CHARS) + 2) * 256;
	}

	/** The workbook's shared cell styles; a workbook holds a limited number of styles. */
	private static final class Styles {

		final CellStyle header;

		final CellStyle title;

		final CellStyle date;

		final CellStyle dateTime;

		final CellStyle decimal;

		final CellStyle integer;

		Styles(Workbook workbook) {
			Font bold = workbook.createFont();
			bold.setBold(true);
			this.header = workbook.createCellStyle();
			this.header.setFont(bold);
			Font titleFont = workbook.createFont();
			titleFont.setBold(true);
			titleFont.setFontHeightInPoints((short) 14);
			this.title = workbook.createCellStyle();
			this.title.setFont(titleFont);
			this.date = formatted(workbook, "yyyy-mm-dd");
			this.dateTime = formatted(workbook, "yyyy-mm-dd hh:mm:ss");
			this.decimal = formatted(workbook, "0.0");
			this.integer = formatted(workbook, "0");
		}

		private static CellStyle formatted(Workbook workbook, String format) {
			CellStyle style = workbook.createCellStyle();
			style.setDataFormat(workbook.createDataFormat().getFormat(format));
			return style;
		}

	}

	/**
	 * One table on its own sheet: a bold frozen header row, typed cells, an autofilter
	 * and column widths from the longest content seen (autosizing would need every row
	 * kept in memory).
	 */
	private static final class Table {

		private final Sheet sheet;

		private final Styles styles;

		private final int columns;

		private final int[] widths;

		private Row row;

		private int rowIndex;

		private int column;

		Table(Workbook workbook, String name, List<String> headers, Styles styles) {
			this.sheet = workbook.createSheet(name);
			this.styles = styles;
			this.columns = headers.size();
			this.widths = new int[this.columns];
			Row header = this.sheet.createRow(0);
			for (int c = 0; c < this.columns; c++) {
				ExcelReportWriter.text(header, c, headers.get(c), styles.header);
				this.widths[c] = headers.get(c).length();
			}
		}

		int dataRows() {
			return this.rowIndex;
		}

		void startRow() {
			this.rowIndex++;
			this.row = this.sheet.createRow(this.rowIndex);
			this.column = 0;
		}

		void text(String value) {
			ExcelReportWriter.text(this.row, this.column, value, null);
			seen(length(value));
		}

		void number(long value) {
			ExcelReportWriter.number(this.row, this.column, value, null);
			seen(Long.toString(value).length());
		}

		void integer(Integer value) {
			if (value != null) {
				ExcelReportWriter.number(this.row, this.column, value, this.styles.integer);
			}
			seen((value != null) ? value.toString().length() : 0);
		}

		void decimal(BigDecimal value) {
			if (value != null) {
				Cell cell = this.row.createCell(this.column);
				cell.setCellValue(value.doubleValue());
				cell.setCellStyle(this.styles.decimal);
			}
			seen((value != null) ? value.toPlainString().length() + 2 : 0);
		}

		void date(LocalDate value) {
			if (value != null && value.getYear() < 1900) {
				// before Excel's first date: a date cell would show #####, so the date as
				// text
				ExcelReportWriter.text(this.row, this.column, value.toString(), null);
			}
			else if (value != null) {
				Cell cell = this.row.createCell(this.column);
				cell.setCellValue(value);
				cell.setCellStyle(this.styles.date);
			}
			seen("yyyy-mm-dd".length());
		}

		private void seen(int chars) {
			this.widths[this.column] = Math.max(this.widths[this.column], chars);
			this.column++;
		}

		void finish() {
			this.sheet.createFreezePane(0, 1);
			this.sheet.setAutoFilter(new CellRangeAddress(0, this.rowIndex, 0, this.columns - 1));
			for (int c = 0; c < this.columns; c++) {
				// room for the autofilter button next to the header text
				this.sheet.setColumnWidth(c, columnWidth(this.widths[c] + 2));
			}
		}

	}

}
