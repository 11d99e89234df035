package org.coordination.exchange.report;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;

/**
 * The workbook's shared cell styles; a workbook holds a limited number of styles, so
 * every cell of a kind shares one.
 */
final class WorkbookStyles {

	static final String COUNT_FORMAT = "#,##0";

	static final String BALANCE_FORMAT = "+#,##0;-#,##0;0";

	static final String DECIMAL_FORMAT = "0.0";

	static final String DATE_FORMAT = "yyyy-mm-dd";

	static final String DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm:ss";

	/** Light blue-grey behind header cells. */
	private static final byte[] HEADER_FILL = { (byte) 0xFF, (byte) 0xDC, (byte) 0xE6, (byte) 0xF1 };

	/** Light red behind the severe headline. */
	private static final byte[] SEVERE_FILL = { (byte) 0xFF, (byte) 0xFC, (byte) 0xE4, (byte) 0xE4 };

	final CellStyle header;

	/**
	 * A header over a column of numbers: turned upright so that long codes stay narrow.
	 */
	final CellStyle headerUpright;

	final CellStyle title;

	final CellStyle subtitle;

	final CellStyle section;

	final CellStyle note;

	final CellStyle text;

	final CellStyle count;

	final CellStyle balance;

	final CellStyle decimal;

	final CellStyle integer;

	final CellStyle date;

	final CellStyle dateTime;

	/** A hidden figure's marker: right-aligned like the numbers it stands for. */
	final CellStyle marker;

	final CellStyle totalText;

	final CellStyle totalCount;

	final CellStyle totalBalance;

	final CellStyle totalInteger;

	final CellStyle totalDate;

	final CellStyle totalMarker;

	final CellStyle headlineHeader;

	final CellStyle headlineLabel;

	final CellStyle headlineCount;

	final CellStyle headlineBalance;

	final CellStyle headlineMarker;

	final CellStyle severeLabel;

	final CellStyle severeCount;

	WorkbookStyles(Workbook workbook) {
		Font bold = font(workbook, true, 11, IndexedColors.BLACK);
		this.header = workbook.createCellStyle();
		this.header.setFont(bold);
		fill(this.header, HEADER_FILL);
		this.header.setBorderBottom(BorderStyle.THIN);
		this.header.setVerticalAlignment(VerticalAlignment.BOTTOM);
		this.headerUpright = workbook.createCellStyle();
		this.headerUpright.cloneStyleFrom(this.header);
		this.headerUpright.setRotation((short) 90);
		this.headerUpright.setAlignment(HorizontalAlignment.CENTER);

		this.title = workbook.createCellStyle();
		this.title.setFont(font(workbook, true, 20, IndexedColors.DARK_BLUE));
		this.subtitle = workbook.createCellStyle();
		this.subtitle.setFont(font(workbook, false, 12, IndexedColors.GREY_80_PERCENT));
		this.section = workbook.createCellStyle();
		this.section.setFont(font(workbook, true, 12, IndexedColors.DARK_BLUE));
		this.note = workbook.createCellStyle();
		this.note.setFont(font(workbook, false, 9, IndexedColors.GREY_80_PERCENT));
		this.note.setWrapText(true);
		this.note.setVerticalAlignment(VerticalAlignment.TOP);

		this.text = workbook.createCellStyle();
		this.count = formatted(workbook, COUNT_FORMAT, null);
		this.balance = formatted(workbook, BALANCE_FORMAT, null);
		this.decimal = formatted(workbook, DECIMAL_FORMAT, null);
		this.integer = formatted(workbook, COUNT_FORMAT, null);
		this.date = formatted(workbook, DATE_FORMAT, null);
		this.dateTime = formatted(workbook, DATE_TIME_FORMAT, null);
		this.marker = workbook.createCellStyle();
		this.marker.setAlignment(HorizontalAlignment.RIGHT);
		this.marker.setFont(font(workbook, false, 11, IndexedColors.GREY_50_PERCENT));

		this.totalText = total(workbook.createCellStyle(), bold);
		this.totalCount = total(formatted(workbook, COUNT_FORMAT, bold), bold);
		this.totalBalance = total(formatted(workbook, BALANCE_FORMAT, bold), bold);
		this.totalInteger = total(formatted(workbook, COUNT_FORMAT, bold), bold);
		this.totalDate = total(formatted(workbook, DATE_FORMAT, bold), bold);
		this.totalMarker = total(workbook.createCellStyle(), bold);
		this.totalMarker.setAlignment(HorizontalAlignment.RIGHT);

		this.headlineHeader = workbook.createCellStyle();
		this.headlineHeader.cloneStyleFrom(this.header);
		this.headlineHeader.setAlignment(HorizontalAlignment.RIGHT);
		this.headlineHeader.setWrapText(true);
		Font headline = font(workbook, false, 12, IndexedColors.BLACK);
		Font headlineBold = font(workbook, true, 12, IndexedColors.BLACK);
		this.headlineLabel = workbook.createCellStyle();
		this.headlineLabel.setFont(headline);
		this.headlineLabel.setBorderBottom(BorderStyle.HAIR);
		this.headlineCount = headline(formatted(workbook, COUNT_FORMAT, headlineBold));
		this.headlineBalance = headline(formatted(workbook, BALANCE_FORMAT, headlineBold));
		this.headlineMarker = headline(workbook.createCellStyle());
		this.headlineMarker.setFont(headlineBold);
		this.headlineMarker.setAlignment(HorizontalAlignment.RIGHT);
		Font severe = font(workbook, true, 12, IndexedColors.DARK_RED);
		this.severeLabel = workbook.createCellStyle();
		this.severeLabel.cloneStyleFrom(this.headlineLabel);
		this.severeLabel.setFont(severe);
		fill(this.severeLabel, SEVERE_FILL);
		this.severeCount = workbook.createCellStyle();
		this.severeCount.cloneStyleFrom(this.headlineCount);
		this.severeCount.setFont(severe);
		fill(this.severeCount, SEVERE_FILL);
	}

	/**
	 * A solid fill of an ARGB colour (the workbook is XSSF, which takes any colour). Four
	 * bytes, as the file format defines colours.
	 */
	private static void fill(CellStyle style, byte[] rgb) {
		((XSSFCellStyle) style).setFillForegroundColor(new XSSFColor(rgb));
		style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
	}

	private static CellStyle headline(CellStyle style) {
		style.setBorderBottom(BorderStyle.HAIR);
		return style;
	}

	private static CellStyle total(CellStyle style, Font bold) {
		style.setFont(bold);
		style.setBorderTop(BorderStyle.THIN);
		return style;
	}

	private static Font font(Workbook workbook, boolean bold, int points, IndexedColors colour) {
		Font font = workbook.createFont();
		font.setBold(bold);
		font.setFontHeightInPoints((short) points);
		font.setColor(colour.getIndex());
		return font;
	}

	private static CellStyle formatted(Workbook workbook, String format, Font font) {
		CellStyle style = workbook.createCellStyle();
		style.setDataFormat(workbook.createDataFormat().getFormat(format));
		if (font != null) {
			style.setFont(font);
		}
		return style;
	}

}
