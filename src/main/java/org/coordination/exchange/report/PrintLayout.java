package org.coordination.exchange.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.apache.poi.ss.usermodel.Footer;
import org.apache.poi.ss.usermodel.Header;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * How every sheet prints: A4 landscape, one page wide, the header rows repeated on each
 * page, the office in the page header and page number and generation time in the footer.
 *
 * @param office the office's name, shown in the page header
 * @param generated when the reports were written
 */
record PrintLayout(String office, Instant generated) {

	static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	/** The footer's text for when the report was generated. */
	String generatedText() {
		return "Generated " + GENERATED.format(this.generated);
	}

	/**
	 * @param repeatedRows how many rows from the top repeat on every page (0 for none)
	 * @param repeatedColumns how many columns from the left repeat on every page
	 */
	void apply(Sheet sheet, int repeatedRows, int repeatedColumns) {
		PrintSetup setup = sheet.getPrintSetup();
		setup.setLandscape(true);
		setup.setPaperSize(PrintSetup.A4_PAPERSIZE);
		// fit to one page wide, as many pages tall as needed
		sheet.setFitToPage(true);
		setup.setFitWidth((short) 1);
		setup.setFitHeight((short) 0);
		sheet.setHorizontallyCenter(false);
		sheet.setMargin(Sheet.LeftMargin, 0.5);
		sheet.setMargin(Sheet.RightMargin, 0.5);
		sheet.setMargin(Sheet.TopMargin, 0.7);
		sheet.setMargin(Sheet.BottomMargin, 0.7);
		sheet.setMargin(Sheet.HeaderMargin, 0.3);
		sheet.setMargin(Sheet.FooterMargin, 0.3);
		if (repeatedRows > 0) {
			sheet.setRepeatingRows(new CellRangeAddress(0, repeatedRows - 1, -1, -1));
		}
		if (repeatedColumns > 0) {
			sheet.setRepeatingColumns(new CellRangeAddress(-1, -1, 0, repeatedColumns - 1));
		}
		Header header = sheet.getHeader();
		header.setLeft(escape(this.office));
		header.setRight("Prisoner-of-war exchanges: &A");
		Footer footer = sheet.getFooter();
		footer.setLeft(escape(generatedText()));
		footer.setCenter("Page &P of &N");
	}

	/** Header and footer text treats {@code &} as a code; a literal one is doubled. */
	static String escape(String text) {
		return text.replace("&", "&&");
	}

}
