package org.coordination.exchange.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.coordination.exchange.record.RejectedRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Rejected sheet at Excel's real limit, not a small test one: 1,048,575 data rows
 * under the header fill a sheet exactly, and the next row opens a second sheet. The
 * workbook is read back by streaming, as it is too large to load whole.
 */
class RejectedSheetLimitTests {

	@TempDir
	Path dir;

	@Test
	void rejectedRowsPastTheLastExcelRowContinueOnANewSheet() throws Exception {
		int rows = ExcelReportWriter.MAX_DATA_ROWS_PER_SHEET + 1;
		assertThat(rows).isEqualTo(1_048_576);
		RejectedRows rejected = (action) -> {
			for (int i = 0; i < rows; i++) {
				action.accept(new RejectedRow("a.csv", i + 2L, "", List.of("MALFORMED_ROW"), "x"));
			}
		};
		Path target = this.dir.resolve("exchange_report.xlsx");

		new ExcelReportWriter().write(new ReportData(List.of(), List.of(), List.of(), List.of()), rejected,
				new RunInfo(Instant.parse("2025-06-10T10:00:00Z"), Instant.parse("2025-06-10T10:01:00Z"), List.of(), 0,
						0, rows, 0, "test"),
				target);

		Map<String, List<String>> sheets = rejectedSheets(target);
		assertThat(sheets.keySet()).containsExactly("Rejected", "Rejected (2)");
		// the first holds the header and 1,048,575 rows: its last is the row of line
		// 1,048,576
		assertThat(sheets.get("Rejected")).containsExactly("1048576", "1048576");
		// the second its header and the one row left, line 1,048,577
		assertThat(sheets.get("Rejected (2)")).containsExactly("2", "1048577");
	}

	/**
	 * For each Rejected sheet: its number of rows and the line number (column B) of its
	 * last row.
	 */
	private static Map<String, List<String>> rejectedSheets(Path workbook)
			throws IOException, OpenXML4JException, XMLStreamException {
		Map<String, List<String>> sheets = new LinkedHashMap<>();
		try (OPCPackage pkg = OPCPackage.open(workbook.toFile(), PackageAccess.READ)) {
			XSSFReader.SheetIterator iterator = (XSSFReader.SheetIterator) new XSSFReader(pkg).getSheetsData();
			while (iterator.hasNext()) {
				try (InputStream in = iterator.next()) {
					if (iterator.getSheetName().startsWith("Rejected")) {
						sheets.put(iterator.getSheetName(), rowsAndLastLine(in));
					}
				}
			}
		}
		return sheets;
	}

	private static List<String> rowsAndLastLine(InputStream in) throws XMLStreamException {
		XMLStreamReader xml = XMLInputFactory.newFactory().createXMLStreamReader(in);
		int rows = 0;
		String cell = null;
		String lastLine = null;
		while (xml.hasNext()) {
			if (xml.next() != XMLStreamConstants.START_ELEMENT) {
				continue;
			}
			switch (xml.getLocalName()) {
				case "row" -> rows++;
				case "c" -> cell = xml.getAttributeValue(null, "r");
				case "v" -> {
					if (cell != null && cell.startsWith("B")) {
						lastLine = xml.getElementText().replaceAll("\\.0$", "");
					}
				}
				default -> {
				}
			}
		}
		List<String> result = new ArrayList<>();
		result.add(Integer.toString(rows));
		result.add(lastLine);
		return result;
	}

}
