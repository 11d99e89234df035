package org.coordination.exchange.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.coordination.exchange.record.RejectedRow;

/**
 * Writes the stakeholders' workbook {@code exchange_report.xlsx} (SPEC §5): a Summary
 * sheet that reads as a briefing, the report tables as typed cells with totals as
 * formulas, a timeline, the rejected rows and a sheet describing the run. Every sheet
 * prints A4 landscape, one page wide.
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

	static final String STAGES_SHEET = "Stages";

	static final String BRANCHES_SHEET = "Branches";

	static final String STAGE_BRANCH_SHEET = "Stage × Branch";

	static final String MEDICAL_SHEET = "Medical";

	static final String TIMELINE_SHEET = "Timeline";

	static final String REJECTED_SHEET = "Rejected";

	static final String RUN_SHEET = "Run";

	static final List<String> STAGE_COLUMNS = List.of("agreement", "stage", "first_exchange_date", "last_exchange_date",
			"returned_total", "returned_to_ua", "returned_to_ru", "balance", "military", "civilians", "remains",
			"officers", "ncos", "enlisted", "severe", "with_conditions", "age_18_25", "captivity_days_avg",
			"captivity_days_median", "captivity_days_max", "captivity_over_3y");

	static final List<String> BRANCH_COLUMNS = List.of("service_branch", "returned", "officers", "ncos", "enlisted",
			"severe", "with_conditions", "captivity_days_avg", "captivity_days_median", "captivity_days_max",
			"captivity_over_3y");

	static final List<String> TIMELINE_COLUMNS = List.of("exchange_date", "returned_to_ua", "returned_to_ru", "remains",
			"returned_total", "cumulative_to_ua", "cumulative_to_ru", "cumulative_total");

	static final List<String> REJECTED_COLUMNS = List.of("source_file", "line_number", "record_id", "reasons", "raw");

	static final List<String> INPUT_COLUMNS = List.of("file", "sha256", "outcome", "rows read", "accepted", "rejected",
			"updated", "message");

	/** The document title in the workbook's properties. */
	static final String TITLE = "Prisoner-of-war exchange report";

	static final String APPLICATION = "exchange-reports";

	/** The office named in the workbook when the configuration names none. */
	public static final String DEFAULT_OFFICE = "Coordinating office for prisoner-of-war exchanges";

	static final String TOTAL = "Total";

	/** Rows SXSSF keeps in memory per sheet before flushing them to its temp file. */
	private static final int ROW_WINDOW = 100;

	private final String office;

	private final int dataRowsPerSheet;

	public ExcelReportWriter() {
		this(DEFAULT_OFFICE);
	}

	/**
	 * @param office the office's name: the workbook's author, shown on every page
	 */
	public ExcelReportWriter(String office) {
		this(office, MAX_DATA_ROWS_PER_SHEET);
	}

	/**
	 * @param dataRowsPerSheet data rows per Rejected sheet before it continues on the
	 * next one; smaller than the Excel limit only in tests
	 */
	ExcelReportWriter(int dataRowsPerSheet) {
		this(DEFAULT_OFFICE, dataRowsPerSheet);
	}

	ExcelReportWriter(String office, int dataRowsPerSheet) {
		if (dataRowsPerSheet < 1 || dataRowsPerSheet > MAX_DATA_ROWS_PER_SHEET) {
			throw new IllegalArgumentException("dataRowsPerSheet out of range: " + dataRowsPerSheet);
		}
		this.office = (office == null || office.isBlank()) ? DEFAULT_OFFICE : office.strip();
		this.dataRowsPerSheet = dataRowsPerSheet;
	}

	/**
	 * Writes the workbook without suppression.
	 * @throws UncheckedIOException if the workbook cannot be written
	 */
	public void write(ReportData data, RejectedRows rejected, RunInfo run, Path target) {
		write(data, SmallCellSuppression.OFF, rejected, run, target);
	}

	/**
	 * Writes the workbook to {@code target} through a temporary file in the same
	 * directory, moved into place when complete; the figures {@code suppression} hides
	 * are shown by their markers.
	 * @throws UncheckedIOException if the workbook cannot be written
	 */
	public void write(ReportData data, SmallCellSuppression suppression, RejectedRows rejected, RunInfo run,
			Path target) {
		try {
			Path directory = target.toAbsolutePath().getParent();
			Files.createDirectories(directory);
			AtomicFiles.write(target, (out) -> writeWorkbook(data, suppression, rejected, run, out));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + target + ": " + ex.getMessage(), ex);
		}
	}

	private void writeWorkbook(ReportData data, SmallCellSuppression suppression, RejectedRows rejected, RunInfo run,
			OutputStream out) throws IOException {
		XSSFWorkbook xssf = new XSSFWorkbook();
		SXSSFWorkbook workbook = null;
		try {
			PrintLayout print = new PrintLayout(this.office, run.finishedAt());
			WorkbookStyles styles = new WorkbookStyles(xssf);
			List<String> conditions = conditionColumns(data);
			SummarySheet summary = new SummarySheet(xssf.createSheet(SummarySheet.NAME), styles, data, suppression,
					print, conditions);
			summary.write();
			properties(xssf, summary.period(), run);
			// sheets created from here on stream; the Summary sheet keeps its XSSF rows
			workbook = new SXSSFWorkbook(xssf, ROW_WINDOW);
			TableSheets sheets = new TableSheets(workbook, styles, data, suppression, print);
			sheets.stages();
			sheets.branches();
			sheets.stageBranches();
			sheets.medical(conditions);
			sheets.timeline();
			writeRejected(workbook, styles, print, rejected);
			writeRun(workbook.createSheet(RUN_SHEET), styles, print, run, suppression);
			workbook.setActiveSheet(0);
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

	private void properties(XSSFWorkbook workbook, String period, RunInfo run) {
		POIXMLProperties.CoreProperties core = workbook.getProperties().getCoreProperties();
		core.setTitle(TITLE);
		core.setSubjectProperty("Returns of prisoners of war, civilians and remains. " + period);
		core.setCreator(this.office);
		core.setKeywords("prisoner-of-war exchanges; returns; stages; service branches; medical conditions");
		core.setDescription("Aggregate figures of every exchange record imported so far, written by " + APPLICATION
				+ " " + run.version() + ".");
		core.setCreated(Optional.of(Date.from(run.finishedAt())));
		workbook.getProperties().getExtendedProperties().getUnderlyingProperties().setApplication(APPLICATION);
		workbook.getProperties().getExtendedProperties().getUnderlyingProperties().setCompany(this.office);
	}

	/**
	 * The conditions with at least one case, in code order: the Medical sheet's columns.
	 */
	static List<String> conditionColumns(ReportData data) {
		TreeSet<String> codes = new TreeSet<>();
		data.conditions().forEach((count) -> codes.add(count.condition()));
		return List.copyOf(codes);
	}

	// Rejected

	private void writeRejected(Workbook workbook, WorkbookStyles styles, PrintLayout print, RejectedRows rejected) {
		// a holder, because the consumer replaces the table when a sheet is full
		SheetTable[] current = { rejectedTable(workbook, REJECTED_SHEET, styles) };
		int[] sheets = { 1 };
		rejected.forEach((RejectedRow row) -> {
			if (current[0].dataRows() == this.dataRowsPerSheet) {
				finishRejected(current[0], print);
				sheets[0]++;
				current[0] = rejectedTable(workbook, REJECTED_SHEET + " (" + sheets[0] + ")", styles);
			}
			SheetTable table = current[0];
			table.startRow();
			table.text(row.sourceFile());
			table.count(row.lineNumber());
			table.text(row.recordId());
			table.text(row.reasonText());
			table.text(row.raw());
		});
		finishRejected(current[0], print);
	}

	private static SheetTable rejectedTable(Workbook workbook, String name, WorkbookStyles styles) {
		return SheetTable.onNewSheet(workbook.createSheet(name), REJECTED_COLUMNS, REJECTED_COLUMNS.size(), styles);
	}

	private static void finishRejected(SheetTable table, PrintLayout print) {
		table.finish(0);
		print.apply(table.sheet(), 1, 0);
	}

	// Run

	private void writeRun(Sheet sheet, WorkbookStyles styles, PrintLayout print, RunInfo run,
			SmallCellSuppression suppression) {
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
		row = sheet.createRow(rowIndex++);
		text(row, 0, "office", null);
		text(row, 1, this.office, null);
		row = sheet.createRow(rowIndex++);
		text(row, 0, "small-cell suppression", null);
		text(row, 1, suppression.describe(), null);
		if (suppression.active()) {
			rowIndex = labelledNumber(sheet, rowIndex, "minimum cell count", suppression.minCount());
		}

		int headerRow = rowIndex + 1;
		int[] widths = new int[INPUT_COLUMNS.size()];
		widths[0] = "small-cell suppression".length();
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
			number(row, 3, input.rowsRead(), styles.count);
			number(row, 4, input.accepted(), styles.count);
			number(row, 5, input.rejected(), styles.count);
			number(row, 6, input.updated(), styles.count);
			text(row, 7, input.message(), null);
			widths[7] = Math.max(widths[7], length(input.message()));
		}
		sheet.setAutoFilter(new CellRangeAddress(headerRow, headerRow + inputs.size(), 0, INPUT_COLUMNS.size() - 1));
		for (int c = 0; c < widths.length; c++) {
			sheet.setColumnWidth(c, SheetTable.columnWidth(Math.max(widths[c], 12)));
		}
		print.apply(sheet, 0, 0);
	}

	private static int labelledNumber(Sheet sheet, int rowIndex, String label, long value) {
		Row row = sheet.createRow(rowIndex);
		text(row, 0, label, null);
		number(row, 1, value, null);
		return rowIndex + 1;
	}

	// Cells

	/** Writes text as a literal string cell; an empty or null text leaves no cell. */
	static void text(Row row, int column, String value, CellStyle style) {
		if (value == null || value.isEmpty()) {
			return;
		}
		Cell cell = row.createCell(column);
		cell.setCellValue(cellText(value));
		if (style != null) {
			cell.setCellStyle(style);
		}
	}

	static void number(Row row, int column, long value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellValue((double) value);
		if (style != null) {
			cell.setCellStyle(style);
		}
	}

	static void dateTime(Row row, int column, Instant value, CellStyle style) {
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
	public static String cellText(String value) {
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

	static int length(String value) {
		return (value != null) ? value.length() : 0;
	}

}
