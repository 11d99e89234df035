package org.coordination.exchange.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.coordination.exchange.record.Condition;
import org.coordination.exchange.record.ExchangeRecord;
import org.coordination.exchange.report.AtomicFiles;
import org.coordination.exchange.report.CsvOutput;
import org.coordination.exchange.report.ExcelReportWriter;

/**
 * Writes the cleaned, normalised records for downstream systems: canonical codes,
 * {@code yyyy-MM-dd} dates and the computed captivity in days, one row per record. Both
 * formats stream: memory does not grow with the number of records. The xlsx file
 * continues on a new sheet when one is full.
 */
public final class RecordExporter {

	/** The columns, in order. */
	public static final List<String> COLUMNS = List.of("record_id", "exchange_date", "agreement", "stage", "side",
			"category", "service_branch", "rank_group", "age", "captured_on", "capture_place", "conditions", "severity",
			"captivity_days");

	/** Data rows that fit below the header row of one sheet. */
	static final int MAX_DATA_ROWS_PER_SHEET = 1_048_575;

	static final String SHEET = "Records";

	/** Rows SXSSF keeps in memory before flushing them to its temporary file. */
	private static final int ROW_WINDOW = 100;

	private static final int[] XLSX_WIDTHS = { 20, 12, 28, 7, 6, 10, 26, 10, 5, 12, 28, 34, 10, 10 };

	private final int rowsPerSheet;

	public RecordExporter() {
		this(MAX_DATA_ROWS_PER_SHEET);
	}

	/**
	 * @param rowsPerSheet data rows per xlsx sheet; smaller than Excel's limit only in
	 * tests
	 */
	RecordExporter(int rowsPerSheet) {
		if (rowsPerSheet < 1 || rowsPerSheet > MAX_DATA_ROWS_PER_SHEET) {
			throw new IllegalArgumentException("rowsPerSheet out of range: " + rowsPerSheet);
		}
		this.rowsPerSheet = rowsPerSheet;
	}

	/**
	 * Writes {@code outputDir/}{@link ExportFormat#fileName()} through a temporary file,
	 * moved into place when complete.
	 * @return the number of records written
	 * @throws UncheckedIOException when the file cannot be written
	 */
	public long export(RecordSource records, ExportFormat format, Path outputDir) {
		Path target = outputDir.resolve(format.fileName());
		long[] count = { 0 };
		try {
			Files.createDirectories(outputDir);
			AtomicFiles.write(target, (
					out) -> count[0] = (format == ExportFormat.CSV) ? writeCsv(records, out) : writeXlsx(records, out));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + target + ": " + ex.getMessage(), ex);
		}
		return count[0];
	}

	private static long writeCsv(RecordSource records, OutputStream out) throws IOException {
		Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
		CsvOutput csv = new CsvOutput(writer);
		csv.header(COLUMNS.toArray(String[]::new));
		long[] count = { 0 };
		records.forEach((record) -> {
			try {
				csv.text(record.recordId())
					.date(record.exchangeDate())
					.text(record.agreement())
					.number(record.stage())
					.text(record.side().name())
					.text(record.category().name())
					.text(record.serviceBranch())
					.text((record.rankGroup() != null) ? record.rankGroup().name() : null)
					.number(record.age())
					.date(record.capturedOn())
					.text(record.capturePlace())
					.text(conditions(record))
					.text((record.severity() != null) ? record.severity().name() : null)
					.number(captivityDays(record))
					.endRow();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			count[0]++;
		});
		writer.flush();
		return count[0];
	}

	private long writeXlsx(RecordSource records, OutputStream out) throws IOException {
		SXSSFWorkbook workbook = new SXSSFWorkbook(ROW_WINDOW);
		// the temporary sheet files hold a million rows of XML: keep them small
		workbook.setCompressTempFiles(true);
		try {
			workbook.getXSSFWorkbook().getProperties().getCoreProperties().setTitle("Exchange records");
			Font bold = workbook.createFont();
			bold.setBold(true);
			CellStyle header = workbook.createCellStyle();
			header.setFont(bold);
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
			XlsxRows rows = new XlsxRows(workbook, header, date, this.rowsPerSheet);
			records.forEach(rows::add);
			rows.finishSheet();
			workbook.write(out);
			return rows.count;
		}
		finally {
			workbook.dispose();
			workbook.close();
		}
	}

	/** Conditions in code order, joined with {@code ;} as the input takes them. */
	static String conditions(ExchangeRecord record) {
		if (record.conditions() == null || record.conditions().isEmpty()) {
			return null;
		}
		return record.conditions().stream().map(Condition::name).sorted().collect(Collectors.joining(";"));
	}

	/**
	 * {@code exchange_date − captured_on} in days, {@code null} without a capture date.
	 */
	static Integer captivityDays(ExchangeRecord record) {
		if (record.capturedOn() == null) {
			return null;
		}
		return Math.toIntExact(ChronoUnit.DAYS.between(record.capturedOn(), record.exchangeDate()));
	}

	/** Rows of the xlsx export, on as many sheets as they need. */
	private static final class XlsxRows {

		private final SXSSFWorkbook workbook;

		private final CellStyle header;

		private final CellStyle date;

		private final int rowsPerSheet;

		private Sheet sheet;

		private int sheets;

		private int rowIndex;

		long count;

		XlsxRows(SXSSFWorkbook workbook, CellStyle header, CellStyle date, int rowsPerSheet) {
			this.workbook = workbook;
			this.header = header;
			this.date = date;
			this.rowsPerSheet = rowsPerSheet;
			newSheet();
		}

		void add(ExchangeRecord record) {
			if (this.rowIndex == this.rowsPerSheet) {
				finishSheet();
				newSheet();
			}
			Row row = this.sheet.createRow(++this.rowIndex);
			text(row, 0, record.recordId());
			date(row, 1, record.exchangeDate());
			text(row, 2, record.agreement());
			row.createCell(3).setCellValue(record.stage());
			text(row, 4, record.side().name());
			text(row, 5, record.category().name());
			text(row, 6, record.serviceBranch());
			text(row, 7, (record.rankGroup() != null) ? record.rankGroup().name() : null);
			if (record.age() != null) {
				row.createCell(8).setCellValue(record.age());
			}
			date(row, 9, record.capturedOn());
			text(row, 10, record.capturePlace());
			text(row, 11, conditions(record));
			text(row, 12, (record.severity() != null) ? record.severity().name() : null);
			Integer days = captivityDays(record);
			if (days != null) {
				row.createCell(13).setCellValue(days);
			}
			this.count++;
		}

		private void newSheet() {
			this.sheets++;
			this.sheet = this.workbook.createSheet((this.sheets == 1) ? SHEET : SHEET + " (" + this.sheets + ")");
			Row row = this.sheet.createRow(0);
			for (int c = 0; c < COLUMNS.size(); c++) {
				Cell cell = row.createCell(c);
				cell.setCellValue(COLUMNS.get(c));
				cell.setCellStyle(this.header);
			}
			this.rowIndex = 0;
		}

		void finishSheet() {
			this.sheet.createFreezePane(0, 1);
			this.sheet.setAutoFilter(new CellRangeAddress(0, this.rowIndex, 0, COLUMNS.size() - 1));
			for (int c = 0; c < XLSX_WIDTHS.length; c++) {
				this.sheet.setColumnWidth(c, XLSX_WIDTHS[c] * 256);
			}
		}

		/** A literal text cell; no cell for an empty value. */
		private static void text(Row row, int column, String value) {
			if (value != null && !value.isEmpty()) {
				row.createCell(column).setCellValue(ExcelReportWriter.cellText(value));
			}
		}

		private void date(Row row, int column, LocalDate value) {
			if (value != null) {
				Cell cell = row.createCell(column);
				cell.setCellValue(value);
				cell.setCellStyle(this.date);
			}
		}

	}

}
