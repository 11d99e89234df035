package org.coordination.exchange.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ColorScaleFormatting;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.ConditionalFormattingThreshold.RangeType;
import org.apache.poi.ss.usermodel.ExtendedColor;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

/**
 * One table on a sheet: a bold header row, typed cells, hidden figures shown by their
 * markers, an optional totals row of formulas, and column widths from the longest content
 * seen (autosizing would need every row kept in memory).
 * <p>
 * A total is a formula over the column's (or row's) cells, with the value it evaluates to
 * stored beside it, so that a reader that does not recalculate shows it too. Where a cell
 * it sums is hidden the formula would skip it, so the total is written as its number.
 */
final class SheetTable {

	/** Widest column, in characters, that content may ask for. */
	static final int MAX_COLUMN_CHARS = 60;

	/** A red (ARGB) that marks the most severe figures of a colour scale. */
	static final byte[] SEVERE_RED = { (byte) 0xFF, (byte) 0xF8, (byte) 0x69, (byte) 0x6B };

	/** A blue (ARGB) that marks the largest figures of a colour scale. */
	static final byte[] MATRIX_BLUE = { (byte) 0xFF, (byte) 0x5B, (byte) 0x9B, (byte) 0xD5 };

	private static final byte[] WHITE = { (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF };

	private final Sheet sheet;

	private final WorkbookStyles styles;

	private final int headerRow;

	private final int columns;

	private final int[] widths;

	private final boolean[] hiddenInColumn;

	private final boolean[] hiddenInRow;

	private final List<ColourScale> colourScales = new ArrayList<>();

	private Row row;

	private int rowIndex;

	private int column;

	private int dataRows;

	private boolean totalsRow;

	/**
	 * @param upright which columns get an upright header (numbers under long codes)
	 */
	SheetTable(Sheet sheet, int headerRow, List<String> headers, boolean[] upright, WorkbookStyles styles) {
		this.sheet = sheet;
		this.styles = styles;
		this.headerRow = headerRow;
		this.rowIndex = headerRow;
		this.columns = headers.size();
		this.widths = new int[this.columns];
		this.hiddenInColumn = new boolean[this.columns];
		this.hiddenInRow = new boolean[this.columns];
		Row header = sheet.createRow(headerRow);
		int uprightChars = 0;
		for (int c = 0; c < this.columns; c++) {
			boolean up = upright != null && upright[c];
			ExcelReportWriter.text(header, c, headers.get(c), up ? styles.headerUpright : styles.header);
			if (up) {
				uprightChars = Math.max(uprightChars, headers.get(c).length());
				// the autofilter button sits below upright text
				this.widths[c] = 4;
			}
			else {
				this.widths[c] = headers.get(c).length() + 2;
			}
		}
		if (uprightChars > 0) {
			// points per character of upright text, plus room for the filter button
			header.setHeightInPoints(uprightChars * 6.9f + 24);
		}
	}

	/**
	 * A table whose header row is the sheet's first row, every header upright but
	 * {@code flat}.
	 */
	static SheetTable onNewSheet(Sheet sheet, List<String> headers, int flat, WorkbookStyles styles) {
		boolean[] upright = new boolean[headers.size()];
		for (int c = flat; c < upright.length; c++) {
			upright[c] = true;
		}
		return new SheetTable(sheet, 0, headers, upright, styles);
	}

	Sheet sheet() {
		return this.sheet;
	}

	int dataRows() {
		return this.dataRows;
	}

	/** 0-based index of the current row: the last one written. */
	int rowIndex() {
		return this.rowIndex;
	}

	void startRow() {
		this.rowIndex++;
		this.dataRows++;
		this.row = this.sheet.createRow(this.rowIndex);
		this.column = 0;
		Arrays.fill(this.hiddenInRow, false);
	}

	void text(String value) {
		ExcelReportWriter.text(this.row, this.column, value, null);
		seen((value != null) ? value.length() : 0);
	}

	/** A cell left empty. */
	void skip() {
		this.column++;
	}

	/** A number that is a name more than a quantity, such as a stage number. */
	void plain(long value) {
		ExcelReportWriter.number(this.row, this.column, value, null);
		seen(Long.toString(value).length());
	}

	void count(long value) {
		count(null, value);
	}

	void count(String marker, long value) {
		number(marker, value, this.totalsRow ? this.styles.totalCount : this.styles.count);
	}

	void balance(String marker, long value) {
		number(marker, value, this.totalsRow ? this.styles.totalBalance : this.styles.balance);
	}

	void integer(String marker, Integer value) {
		if (marker != null) {
			marker(marker);
		}
		else if (value != null) {
			number(null, value, this.totalsRow ? this.styles.totalInteger : this.styles.integer);
		}
		else {
			skip();
		}
	}

	void decimal(String marker, BigDecimal value) {
		if (marker != null) {
			marker(marker);
			return;
		}
		if (value != null) {
			Cell cell = this.row.createCell(this.column);
			cell.setCellValue(value.doubleValue());
			cell.setCellStyle(this.styles.decimal);
		}
		seen((value != null) ? value.toPlainString().length() + 2 : 0);
	}

	void date(LocalDate value) {
		if (value != null && value.getYear() < 1900) {
			// before Excel's first date a date cell shows #####: the date as text
			text(value.toString());
			return;
		}
		if (value != null) {
			Cell cell = this.row.createCell(this.column);
			cell.setCellValue(value);
			cell.setCellStyle(this.totalsRow ? this.styles.totalDate : this.styles.date);
		}
		seen(WorkbookStyles.DATE_FORMAT.length());
	}

	private void number(String marker, long value, CellStyle style) {
		if (marker != null) {
			marker(marker);
			return;
		}
		Cell cell = this.row.createCell(this.column);
		cell.setCellValue((double) value);
		cell.setCellStyle(style);
		seen(grouped(value));
	}

	private void marker(String marker) {
		Cell cell = this.row.createCell(this.column);
		cell.setCellValue(marker);
		cell.setCellStyle(this.totalsRow ? this.styles.totalMarker : this.styles.marker);
		if (!this.totalsRow) {
			this.hiddenInColumn[this.column] = true;
			this.hiddenInRow[this.column] = true;
		}
		seen(marker.length());
	}

	/**
	 * A formula whose value is known: stored with it, so that it shows without
	 * recalculation and stays what the CSV reports say.
	 */
	void formula(String formula, long value, boolean balance) {
		Cell cell = this.row.createCell(this.column);
		cell.setCellFormula(formula);
		cell.setCellValue((double) value);
		cell.setCellStyle(balance ? (this.totalsRow ? this.styles.totalBalance : this.styles.balance)
				: (this.totalsRow ? this.styles.totalCount : this.styles.count));
		seen(grouped(value));
	}

	/**
	 * The sum of this row's cells from column {@code from} up to the current one: a SUM
	 * formula, its number where a cell it sums is hidden, or the total's own marker.
	 */
	void rowSum(String marker, long value, int from) {
		if (marker != null) {
			marker(marker);
			return;
		}
		boolean hidden = false;
		for (int c = from; c < this.column; c++) {
			hidden |= this.hiddenInRow[c];
		}
		if (hidden || this.column == from) {
			number(null, value, this.totalsRow ? this.styles.totalCount : this.styles.count);
		}
		else {
			formula("SUM(" + reference(from, this.rowIndex) + ":" + reference(this.column - 1, this.rowIndex) + ")",
					value, false);
		}
	}

	/** Starts the totals row below the data rows, its label in the first column. */
	void startTotalsRow(String label) {
		this.rowIndex++;
		this.row = this.sheet.createRow(this.rowIndex);
		this.column = 0;
		this.totalsRow = true;
		Arrays.fill(this.hiddenInRow, false);
		Cell cell = this.row.createCell(0);
		cell.setCellValue(label);
		cell.setCellStyle(this.styles.totalText);
		seen(label.length());
	}

	/** A total cell with nothing in it, in the totals row's style. */
	void totalBlank() {
		this.row.createCell(this.column).setCellStyle(this.styles.totalText);
		this.column++;
	}

	/** The column's sum: a SUM formula over the data rows. */
	void totalSum(String marker, long value) {
		columnFormula("SUM", marker, value, false);
	}

	void totalBalance(String marker, long value) {
		columnFormula("SUM", marker, value, true);
	}

	/** The column's largest value, {@code null} when it has none. */
	void totalMax(String marker, Integer value) {
		if (value == null && marker == null) {
			totalBlank();
			return;
		}
		columnFormula("MAX", marker, (value != null) ? value : 0, false);
	}

	/** The earliest or latest date of the column. */
	void totalDate(String function, LocalDate value) {
		if (value == null) {
			totalBlank();
			return;
		}
		Cell cell = this.row.createCell(this.column);
		cell.setCellFormula(function + "(" + columnRange(this.column) + ")");
		cell.setCellValue(value);
		cell.setCellStyle(this.styles.totalDate);
		seen(WorkbookStyles.DATE_FORMAT.length());
	}

	private void columnFormula(String function, String marker, long value, boolean balance) {
		if (marker != null) {
			marker(marker);
		}
		else if (this.hiddenInColumn[this.column] || this.dataRows == 0) {
			number(null, value,
					balance ? this.styles.totalBalance : (this.totalsRow ? this.styles.totalCount : this.styles.count));
		}
		else {
			formula(function + "(" + columnRange(this.column) + ")", value, balance);
		}
	}

	/** The data rows of a column, as an A1 range. */
	String columnRange(int column) {
		return reference(column, this.headerRow + 1) + ":" + reference(column, this.headerRow + this.dataRows);
	}

	static String reference(int column, int row) {
		return CellReference.convertNumToColString(column) + (row + 1);
	}

	/** A white-to-{@code colour} scale over the data rows of columns {@code from..to}. */
	void colourScale(int from, int to, byte[] colour) {
		this.colourScales.add(new ColourScale(from, to, colour));
	}

	private void seen(int chars) {
		if (this.column < this.columns) {
			this.widths[this.column] = Math.max(this.widths[this.column], chars);
		}
		this.column++;
	}

	/**
	 * Freezes the header row and the first {@code frozenColumns} columns, filters the
	 * data rows and fits the column widths.
	 */
	void finish(int frozenColumns) {
		this.sheet.createFreezePane(frozenColumns, this.headerRow + 1);
		int lastDataRow = this.headerRow + this.dataRows;
		this.sheet.setAutoFilter(new CellRangeAddress(this.headerRow, lastDataRow, 0, this.columns - 1));
		for (int c = 0; c < this.columns; c++) {
			this.sheet.setColumnWidth(c, columnWidth(this.widths[c]));
		}
		applyColourScales();
	}

	/** Fits the column widths and draws the colour scales, for a table under another. */
	void finishBelow() {
		for (int c = 0; c < this.columns; c++) {
			int current = this.sheet.getColumnWidth(c);
			this.sheet.setColumnWidth(c, Math.max(current, columnWidth(this.widths[c])));
		}
		applyColourScales();
	}

	private void applyColourScales() {
		if (this.dataRows == 0) {
			return;
		}
		SheetConditionalFormatting formatting = this.sheet.getSheetConditionalFormatting();
		for (ColourScale scale : this.colourScales) {
			if (scale.to() < scale.from()) {
				// no columns to colour, such as a matrix without military records
				continue;
			}
			ConditionalFormattingRule rule = formatting.createConditionalFormattingColorScaleRule();
			ColorScaleFormatting colours = rule.getColorScaleFormatting();
			colours.setNumControlPoints(2);
			colours.getThresholds()[0].setRangeType(RangeType.MIN);
			colours.getThresholds()[1].setRangeType(RangeType.MAX);
			colours.setColors(new org.apache.poi.ss.usermodel.Color[] { colour(WHITE), colour(scale.colour()) });
			CellRangeAddress range = new CellRangeAddress(this.headerRow + 1, this.headerRow + this.dataRows,
					scale.from(), scale.to());
			formatting.addConditionalFormatting(new CellRangeAddress[] { range }, rule);
		}
	}

	private ExtendedColor colour(byte[] rgb) {
		ExtendedColor colour = this.sheet.getWorkbook().getCreationHelper().createExtendedColor();
		colour.setRGB(rgb);
		return colour;
	}

	/** Characters a count takes with its thousands separators. */
	private static int grouped(long value) {
		String digits = Long.toString(Math.abs(value));
		return digits.length() + (digits.length() - 1) / 3 + ((value < 0) ? 1 : 0);
	}

	static int columnWidth(int chars) {
		return (Math.min(chars, MAX_COLUMN_CHARS) + 2) * 256;
	}

	private record ColourScale(int from, int to, byte[] colour) {

	}

}
