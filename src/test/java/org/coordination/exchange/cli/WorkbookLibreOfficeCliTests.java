package org.coordination.exchange.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The workbook as a real consumer reads it: LibreOffice, headless, converts the workbook
 * of a run on the shipped sample to PDF and to CSV, one file per sheet, and the figures
 * must be those of the CSV reports. It recalculates every formula on load, so the totals
 * it shows are its own sums, not the values stored beside them.
 * <p>
 * Needs {@code soffice} and {@code pdftotext}/{@code pdfinfo} (poppler-utils): skipped
 * without them, unless {@code EXCHANGE_REQUIRE_LIBREOFFICE=true} (as {@code .ci/run} sets
 * it), when their absence fails the test.
 */
class WorkbookLibreOfficeCliTests {

	static final Path SAMPLE = Path.of("input").toAbsolutePath();

	private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9][0-9,]*(\\.[0-9]+)?");

	@TempDir
	static Path work;

	static Path profile;

	static Path reports;

	static Path converted;

	@BeforeAll
	static void runAndConvert() throws Exception {
		boolean available = tool("soffice", "--version") && tool("pdftotext", "-v") && tool("pdfinfo", "-v");
		if (!available && "true".equals(System.getenv("EXCHANGE_REQUIRE_LIBREOFFICE"))) {
			throw new IllegalStateException("LibreOffice (soffice) and poppler-utils are required but missing");
		}
		assumeTrue(available, "LibreOffice and poppler-utils are not installed");
		profile = work.resolve("libreoffice-profile");
		Files.createDirectories(profile.resolve("user"));
		// recalculate every formula on load: the totals checked are LibreOffice's own
		Files.writeString(profile.resolve("user/registrymodifications.xcu"), """
				<?xml version="1.0" encoding="UTF-8"?>
				<oor:items xmlns:oor="http://openoffice.org/2001/registry" \
				xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
				<item oor:path="/org.openoffice.Office.Calc/Formula/Load">\
				<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
				</oor:items>
				""");
		List<String> command = JarProcess.command(List.of());
		command.addAll(List.of("run", "--input", SAMPLE.toString()));
		Process run = new ProcessBuilder(command).directory(work.toFile())
			.redirectErrorStream(true)
			.redirectOutput(work.resolve("run.txt").toFile())
			.start();
		assertThat(run.waitFor(180, TimeUnit.SECONDS)).isTrue();
		assertThat(run.exitValue()).as(Files.readString(work.resolve("run.txt"))).isZero();
		reports = work.resolve("reports");
		converted = work.resolve("converted");
		convert(reports.resolve("exchange_report.xlsx"), converted);
	}

	@Test
	void opensWithoutRepairAndPrintsEverySheet() throws Exception {
		assertThat(converted.resolve("exchange_report.pdf")).isNotEmptyFile();
		String info = output("pdfinfo", "-f", "1", "-l", "1", converted.resolve("exchange_report.pdf").toString());
		// A4 landscape
		assertThat(info).containsPattern("Page +1 size: +841\\.[0-9]+ x 595\\.[0-9]+ pts");
		int pages = Integer.parseInt(info.replaceAll("(?s).*\\nPages: +([0-9]+).*", "$1"));
		assertThat(pages).isGreaterThanOrEqualTo(8);
		for (String sheet : List.of("Summary", "Stages", "Branches", "Stage × Branch", "Medical", "Timeline",
				"Rejected", "Run")) {
			assertThat(converted.resolve("exchange_report-" + sheet + ".csv")).as(sheet).isNotEmptyFile();
		}
	}

	@Test
	void summaryPageIsABriefingWithItsFourCharts() throws Exception {
		String page = output("pdftotext", "-f", "1", "-l", "1", "-layout",
				converted.resolve("exchange_report.pdf").toString(), "-");
		assertThat(page).contains("Prisoner-of-war exchanges")
			.contains("Coordinating office for prisoner-of-war exchanges")
			.contains("Period covered: 5 January 2025 to 26 June 2025")
			.contains("Returned per stage, by side")
			.contains("Returned by service branch (military)")
			.contains("Medical conditions by stage")
			.contains("Cumulative returns over time")
			// category labels and legends are drawn by the charts only
			.contains("Ground forces")
			.contains("Shrapnel wound")
			.contains("Page 1 of");
		List<String[]> stages = csv(reports.resolve("stage_summary.csv"));
		long toUa = sum(stages, 5);
		assertThat(page).containsPattern("Returned to Ukraine \\(UA\\) +" + grouped(toUa) + " ");
		assertThat(page).containsPattern("Severely wounded or ill +" + grouped(sum(stages, 14)) + " ");
	}

	@Test
	void tablesHoldTheFiguresOfTheCsvReports() throws Exception {
		List<String[]> stages = csv(reports.resolve("stage_summary.csv"));
		List<String[]> stagesSheet = sheet("Stages");
		assertSameRows(stagesSheet.subList(0, stages.size()), stages);
		String[] total = stagesSheet.get(stages.size());
		assertThat(total[0]).isEqualTo("Total");
		for (int c = 4; c <= 16; c++) {
			assertThat(number(total[c])).as(stages.get(0)[c]).isEqualTo(sum(stages, c));
		}

		List<String[]> branches = csv(reports.resolve("branch_summary.csv"));
		List<String[]> branchesSheet = sheet("Branches");
		assertSameRows(branchesSheet.subList(0, branches.size()), branches);
		for (int c = 1; c <= 6; c++) {
			assertThat(number(branchesSheet.get(branches.size())[c])).isEqualTo(sum(branches, c));
		}

		List<String[]> rejected = csv(reports.resolve("rejected_records.csv"));
		assertSameRows(sheet("Rejected"), rejected);
	}

	@Test
	void matricesHoldTheFiguresOfTheCsvReports() throws Exception {
		List<String[]> stages = csv(reports.resolve("stage_summary.csv"));
		List<String[]> branches = csv(reports.resolve("branch_summary.csv"));
		List<String[]> stageBranch = csv(reports.resolve("stage_branch.csv"));
		List<String[]> matrix = sheet("Stage × Branch");
		List<String> header = List.of(matrix.get(0));
		int totalColumn = header.indexOf("total");
		assertThat(header.subList(2, totalColumn))
			.containsExactlyElementsOf(branches.subList(1, branches.size()).stream().map((row) -> row[0]).toList());
		int severeHeader = indexOf(matrix, "Severely wounded or ill (military)") + 1;
		Map<String, String> returned = new HashMap<>();
		Map<String, String> severe = new HashMap<>();
		for (String[] row : stageBranch.subList(1, stageBranch.size())) {
			returned.put(unguard(row[0]) + "|" + row[1] + "|" + row[2], row[3]);
			severe.put(unguard(row[0]) + "|" + row[1] + "|" + row[2], row[7]);
		}
		for (int s = 1; s < stages.size(); s++) {
			String[] stage = stages.get(s);
			String[] cells = matrix.get(s);
			String[] severeCells = matrix.get(severeHeader + s);
			assertThat(cells[0]).isEqualTo(unguard(stage[0]));
			assertThat(cells[1]).isEqualTo(stage[1]);
			for (int c = 2; c < totalColumn; c++) {
				String key = unguard(stage[0]) + "|" + stage[1] + "|" + header.get(c);
				assertThat(normalise(cells[c])).as(key).isEqualTo(returned.getOrDefault(key, ""));
				assertThat(normalise(severeCells[c])).as(key).isEqualTo(severe.getOrDefault(key, ""));
			}
			// row totals: the stage's military records
			assertThat(normalise(cells[totalColumn])).isEqualTo(stage[8]);
		}
		String[] totals = matrix.get(stages.size());
		for (int b = 1; b < branches.size(); b++) {
			assertThat(normalise(totals[1 + b])).isEqualTo(branches.get(b)[1]);
			assertThat(normalise(matrix.get(severeHeader + stages.size())[1 + b])).isEqualTo(branches.get(b)[5]);
		}
		assertThat(number(totals[totalColumn])).isEqualTo(sum(stages, 8));

		List<String[]> conditions = csv(reports.resolve("conditions.csv"));
		List<String[]> medical = sheet("Medical");
		List<String> codes = List.of(medical.get(0));
		Map<String, Long> byCondition = new HashMap<>();
		for (String[] row : conditions.subList(1, conditions.size())) {
			int stageRow = 1;
			while (!(medical.get(stageRow)[0].equals(unguard(row[0])) && medical.get(stageRow)[1].equals(row[1]))) {
				stageRow++;
			}
			assertThat(normalise(medical.get(stageRow)[codes.indexOf(row[2])])).isEqualTo(row[3]);
			byCondition.merge(row[2], Long.parseLong(row[3]), Long::sum);
		}
		String[] medicalTotals = medical.get(stages.size());
		byCondition.forEach((code, cases) -> assertThat(number(medicalTotals[codes.indexOf(code)])).isEqualTo(cases));

		List<String[]> timeline = sheet("Timeline");
		String[] timelineTotals = timeline.get(indexOf(timeline, "Total"));
		assertThat(number(timelineTotals[1])).isEqualTo(sum(stages, 5));
		assertThat(number(timelineTotals[2])).isEqualTo(sum(stages, 6));
		assertThat(number(timelineTotals[3])).isEqualTo(sum(stages, 10));
		assertThat(number(timelineTotals[4])).isEqualTo(sum(stages, 4));
		String[] lastDay = timeline.get(indexOf(timeline, "Total") - 1);
		assertThat(number(lastDay[7])).isEqualTo(sum(stages, 4));
	}

	@Test
	void libreOfficeComputesEveryTotalItself() throws Exception {
		// the same workbook with every stored formula result replaced by -1: converted,
		// it shows the same figures only if LibreOffice computes the formulas
		Path tampered = work.resolve("tampered/exchange_report.xlsx");
		Files.createDirectories(tampered.getParent());
		int formulas = 0;
		try (InputStream in = Files.newInputStream(reports.resolve("exchange_report.xlsx"));
				XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			for (Sheet sheet : workbook) {
				for (Row row : sheet) {
					for (Cell cell : row) {
						if (cell.getCellType() == CellType.FORMULA) {
							cell.setCellValue(-1);
							formulas++;
						}
					}
				}
			}
			try (OutputStream out = Files.newOutputStream(tampered)) {
				workbook.write(out);
			}
		}
		assertThat(formulas).isGreaterThan(100);
		Path out = work.resolve("tampered-converted");
		convert(tampered, out);
		for (String sheet : List.of("Stages", "Branches", "Stage × Branch", "Medical", "Timeline")) {
			assertThat(Files.readString(out.resolve("exchange_report-" + sheet + ".csv"), StandardCharsets.UTF_8))
				.as(sheet)
				.isEqualTo(Files.readString(converted.resolve("exchange_report-" + sheet + ".csv"),
						StandardCharsets.UTF_8));
		}
	}

	@Test
	void suppressedWorkbookShowsTheMarkersOfTheCsvReports() throws Exception {
		List<String> command = JarProcess.command(List.of());
		command
			.addAll(List.of("run", "--input", SAMPLE.toString(), "--output", "suppressed", "--min-cell-count", "10"));
		Process run = new ProcessBuilder(command).directory(work.toFile())
			.redirectErrorStream(true)
			.redirectOutput(work.resolve("suppressed.txt").toFile())
			.start();
		assertThat(run.waitFor(180, TimeUnit.SECONDS)).isTrue();
		assertThat(run.exitValue()).as(Files.readString(work.resolve("suppressed.txt"))).isZero();
		Path out = work.resolve("suppressed-converted");
		convert(work.resolve("suppressed/exchange_report.xlsx"), out);

		List<String[]> stages = csv(work.resolve("suppressed/stage_summary.csv"));
		assertThat(stages.stream().flatMap((row) -> List.of(row).stream())).contains("<10", "x");
		assertSameRows(csv(out.resolve("exchange_report-Stages.csv")).subList(0, stages.size()), stages);
		List<String[]> branches = csv(work.resolve("suppressed/branch_summary.csv"));
		assertSameRows(csv(out.resolve("exchange_report-Branches.csv")).subList(0, branches.size()), branches);
		assertThat(Files.readString(out.resolve("exchange_report-Run.csv"), StandardCharsets.UTF_8))
			.contains("small-cell suppression,counts from 1 to 9 are shown as <10; x hides a figure");
	}

	// LibreOffice

	/** PDF of the whole workbook and one CSV per sheet, values as shown. */
	private static void convert(Path workbook, Path outDir) throws Exception {
		Files.createDirectories(outDir);
		String csvFilter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1";
		for (String filter : List.of("pdf", csvFilter)) {
			String log = output("soffice", "--headless", "-env:UserInstallation=" + profile.toUri(), "--convert-to",
					filter, "--outdir", outDir.toString(), workbook.toString());
			assertThat(log).as(log).doesNotContainIgnoringCase("error");
		}
	}

	private static boolean tool(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException | InterruptedException ex) {
			return false;
		}
	}

	private static String output(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		byte[] bytes = process.getInputStream().readAllBytes();
		assertThat(process.waitFor(300, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
		String text = new String(bytes, StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + text).isZero();
		return text;
	}

	// CSV

	private static List<String[]> sheet(String name) throws IOException, CsvException {
		return csv(converted.resolve("exchange_report-" + name + ".csv"));
	}

	private static List<String[]> csv(Path file) throws IOException, CsvException {
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
				CSVReader csv = new CSVReaderBuilder(reader).withCSVParser(new RFC4180ParserBuilder().build())
					.build()) {
			return csv.readAll();
		}
	}

	/** Sheet rows as shown against CSV rows: same cells, numbers without grouping. */
	private static void assertSameRows(List<String[]> sheetRows, List<String[]> csvRows) {
		assertThat(sheetRows).hasSameSizeAs(csvRows);
		for (int r = 0; r < csvRows.size(); r++) {
			List<String> expected = new ArrayList<>();
			for (String cell : csvRows.get(r)) {
				expected.add(unguard(cell));
			}
			List<String> actual = new ArrayList<>();
			for (String cell : sheetRows.get(r)) {
				actual.add(normalise(cell));
			}
			assertThat(actual).as("row " + r).containsExactlyElementsOf(expected);
		}
	}

	/** A number as the CSV reports write it: no grouping, no plus sign. */
	private static String normalise(String shown) {
		if (NUMBER.matcher(shown).matches()) {
			String plain = shown.replace(",", "");
			return plain.startsWith("+") ? plain.substring(1) : plain;
		}
		return shown;
	}

	/** The text a CSV report guarded against formulas, as the workbook holds it. */
	private static String unguard(String cell) {
		if (cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@\t\r\n".indexOf(cell.charAt(1)) >= 0) {
			return cell.substring(1);
		}
		return cell;
	}

	private static long number(String shown) {
		return Long.parseLong(normalise(shown));
	}

	private static long sum(List<String[]> rows, int column) {
		return rows.subList(1, rows.size()).stream().mapToLong((row) -> Long.parseLong(row[column])).sum();
	}

	private static String grouped(long value) {
		return String.format(java.util.Locale.ENGLISH, "%,d", value);
	}

	private static int indexOf(List<String[]> rows, String first) {
		for (int r = 0; r < rows.size(); r++) {
			if (rows.get(r).length > 0 && rows.get(r)[0].equals(first)) {
				return r;
			}
		}
		throw new AssertionError("no row starting with " + first);
	}

}
