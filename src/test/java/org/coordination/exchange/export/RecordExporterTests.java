package org.coordination.exchange.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.coordination.exchange.record.Category;
import org.coordination.exchange.record.Condition;
import org.coordination.exchange.record.ExchangeRecord;
import org.coordination.exchange.record.RankGroup;
import org.coordination.exchange.record.Severity;
import org.coordination.exchange.record.Side;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RecordExporterTests {

	private static final String HEADER = "record_id,exchange_date,agreement,stage,side,category,service_branch,"
			+ "rank_group,age,captured_on,capture_place,conditions,severity,captivity_days\n";

	@TempDir
	Path dir;

	@Test
	void writesCanonicalRecordsWithCaptivityDaysAsCsv() throws IOException {
		long count = new RecordExporter().export(records(), ExportFormat.CSV, this.dir);

		assertThat(count).isEqualTo(3);
		assertThat(Files.readString(this.dir.resolve("exchange_records.csv"), StandardCharsets.UTF_8)).isEqualTo(HEADER
				+ "A-1,2025-06-09,Istanbul 2025-06-02,1,UA,MILITARY,NAVY,OFFICER,24,2022-05-20,"
				+ "\"Mariupol, Azovstal\",AMPUTATION;TRAUMA,SEVERE,1116\n" + "A-4,2025-06-10,,2,RU,REMAINS,,,,,,,,\n"
				+ "'-5,2024-02-29,'=HYPERLINK(1),3,UA,CIVILIAN,,NCO,70,2021-02-28,'@here,,NONE,1096\n");
		try (Stream<Path> files = Files.list(this.dir)) {
			assertThat(files).containsExactly(this.dir.resolve("exchange_records.csv"));
		}
	}

	@Test
	void writesTypedCellsAsXlsx() throws IOException {
		long count = new RecordExporter().export(records(), ExportFormat.XLSX, this.dir);

		assertThat(count).isEqualTo(3);
		try (XSSFWorkbook workbook = read()) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
			XSSFSheet sheet = workbook.getSheet("Records");
			List<String> header = new ArrayList<>();
			sheet.getRow(0).forEach((cell) -> header.add(cell.getStringCellValue()));
			assertThat(header).containsExactlyElementsOf(RecordExporter.COLUMNS);
			Row first = sheet.getRow(1);
			assertThat(first.getCell(0).getStringCellValue()).isEqualTo("A-1");
			assertThat(DateUtil.isCellDateFormatted(first.getCell(1))).isTrue();
			assertThat(first.getCell(1).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2025, 6, 9));
			assertThat(first.getCell(3).getNumericCellValue()).isEqualTo(1);
			assertThat(first.getCell(8).getNumericCellValue()).isEqualTo(24);
			assertThat(first.getCell(11).getStringCellValue()).isEqualTo("AMPUTATION;TRAUMA");
			assertThat(first.getCell(13).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(first.getCell(13).getNumericCellValue()).isEqualTo(1116);
			Row remains = sheet.getRow(2);
			assertThat(remains.getCell(2)).isNull();
			assertThat(remains.getCell(13)).isNull();
			// text that looks like a formula is a plain string, never a formula
			Row third = sheet.getRow(3);
			assertThat(third.getCell(0).getCellType()).isEqualTo(CellType.STRING);
			assertThat(third.getCell(0).getStringCellValue()).isEqualTo("-5");
			assertThat(third.getCell(2).getStringCellValue()).isEqualTo("=HYPERLINK(1)");
			assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
			assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:N4");
		}
	}

	@Test
	void continuesOnANewSheetWhenOneIsFull() throws IOException {
		List<ExchangeRecord> many = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			many.add(record("R" + i, LocalDate.of(2025, 6, i)));
		}
		new RecordExporter(2).export(many::forEach, ExportFormat.XLSX, this.dir);

		try (XSSFWorkbook workbook = read()) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
			assertThat(workbook.getSheetName(1)).isEqualTo("Records (2)");
			assertThat(workbook.getSheetName(2)).isEqualTo("Records (3)");
			assertThat(ids(workbook.getSheetAt(0))).containsExactly("R1", "R2");
			assertThat(ids(workbook.getSheetAt(1))).containsExactly("R3", "R4");
			assertThat(ids(workbook.getSheetAt(2))).containsExactly("R5");
			assertThat(workbook.getSheetAt(2).getRow(0).getCell(0).getStringCellValue()).isEqualTo("record_id");
			assertThat(workbook.getSheetAt(2).getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:N2");
		}
	}

	@Test
	void emptyStoreGivesAHeaderOnly() throws IOException {
		assertThat(new RecordExporter().export((action) -> {
		}, ExportFormat.CSV, this.dir)).isZero();
		assertThat(Files.readString(this.dir.resolve("exchange_records.csv"))).isEqualTo(HEADER);
	}

	@Test
	void keepsTheOldFileWhenWritingFails() throws IOException {
		Files.writeString(this.dir.resolve("exchange_records.csv"), "old");
		RecordSource failing = (action) -> {
			action.accept(record("R1", LocalDate.of(2025, 6, 1)));
			throw new UncheckedIOException(new IOException("store gone"));
		};
		assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> new RecordExporter().export(failing, ExportFormat.CSV, this.dir))
			.withMessageContaining("store gone");
		try (Stream<Path> files = Files.list(this.dir)) {
			assertThat(files).containsExactly(this.dir.resolve("exchange_records.csv"));
		}
		assertThat(Files.readString(this.dir.resolve("exchange_records.csv"))).isEqualTo("old");
	}

	@Test
	void parsesFormatNames() {
		assertThat(ExportFormat.parse("csv")).isEqualTo(ExportFormat.CSV);
		assertThat(ExportFormat.parse(" XLSX ")).isEqualTo(ExportFormat.XLSX);
		assertThatIllegalArgumentException().isThrownBy(() -> ExportFormat.parse("pdf"))
			.withMessage("--format must be csv or xlsx, not 'pdf'");
	}

	private XSSFWorkbook read() throws IOException {
		try (InputStream in = Files.newInputStream(this.dir.resolve("exchange_records.xlsx"))) {
			return new XSSFWorkbook(in);
		}
	}

	private static List<String> ids(org.apache.poi.ss.usermodel.Sheet sheet) {
		List<String> ids = new ArrayList<>();
		for (int r = 1; r <= sheet.getLastRowNum(); r++) {
			ids.add(sheet.getRow(r).getCell(0).getStringCellValue());
		}
		return ids;
	}

	private static RecordSource records() {
		return List.of(
				new ExchangeRecord("A-1", LocalDate.of(2025, 6, 9), "Istanbul 2025-06-02", 1, Side.UA,
						Category.MILITARY, "NAVY", RankGroup.OFFICER, 24, LocalDate.of(2022, 5, 20),
						"Mariupol, Azovstal", EnumSet.of(Condition.TRAUMA, Condition.AMPUTATION), Severity.SEVERE),
				new ExchangeRecord("A-4", LocalDate.of(2025, 6, 10), "", 2, Side.RU, Category.REMAINS, null, null, null,
						null, null, EnumSet.noneOf(Condition.class), null),
				// exchanged on a leap day: 1096 days after 2021-02-28
				new ExchangeRecord("-5", LocalDate.of(2024, 2, 29), "=HYPERLINK(1)", 3, Side.UA, Category.CIVILIAN,
						null, RankGroup.NCO, 70, LocalDate.of(2021, 2, 28), "@here", EnumSet.noneOf(Condition.class),
						Severity.NONE))::forEach;
	}

	private static ExchangeRecord record(String id, LocalDate date) {
		return new ExchangeRecord(id, date, "", 1, Side.UA, Category.CIVILIAN, null, null, null, null, null,
				EnumSet.noneOf(Condition.class), null);
	}

}
