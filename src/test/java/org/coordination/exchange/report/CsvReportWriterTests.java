package org.coordination.exchange.report;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.coordination.exchange.record.RankGroup;
import org.coordination.exchange.record.RejectedRow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CsvReportWriterTests {

	private static final String STAGE_HEADER = "agreement,stage,first_exchange_date,last_exchange_date,returned_total,"
			+ "returned_to_ua,returned_to_ru,balance,military,civilians,remains,officers,ncos,enlisted,severe,"
			+ "with_conditions,age_18_25,captivity_days_avg,captivity_days_median,captivity_days_max,"
			+ "captivity_over_3y\n";

	private static final String BRANCH_HEADER = "service_branch,returned,officers,ncos,enlisted,severe,with_conditions,"
			+ "captivity_days_avg,captivity_days_median,captivity_days_max,captivity_over_3y\n";

	private static final String STAGE_BRANCH_HEADER = "agreement,stage,service_branch,returned,officers,ncos,enlisted,"
			+ "severe,with_conditions\n";

	private static final String CONDITIONS_HEADER = "agreement,stage,condition,cases\n";

	private static final String REJECTED_HEADER = "source_file,line_number,record_id,reasons,raw\n";

	@TempDir
	Path dir;

	@Test
	void writesTheAggregatedScenario() throws IOException {
		ReportAggregator aggregator = new ReportAggregator();
		TestRecords.scenario().forEach(aggregator::add);
		new CsvReportWriter(false).writeSummaries(aggregator.result(), this.dir);

		assertThat(read("stage_summary.csv")).isEqualTo(
				STAGE_HEADER + "\"'=cmd,x\",1,2025-05-01,2025-05-01,1,1,0,1,1,0,0,1,0,0,1,1,0,1888.0,1888.0,1888,1\n"
						+ ",1,2025-06-10,2025-06-10,1,1,0,1,0,1,0,0,0,0,0,0,0,,,,0\n"
						+ "Istanbul,2,2025-06-10,2025-06-12,7,3,4,-1,4,1,2,1,1,2,1,3,3,642.3,730.5,1097,1\n"
						+ "Istanbul,10,2025-06-10,2025-06-10,2,1,1,0,2,0,0,0,0,2,0,1,0,,,,0\n");
		assertThat(read("branch_summary.csv")).isEqualTo(BRANCH_HEADER + "GROUND_FORCES,3,0,1,2,0,0,365.0,365.0,365,0\n"
				+ "NAVY,3,2,0,1,2,3,1360.3,1097.0,1888,2\n" + "AIR_FORCE,1,0,0,1,0,1,,,,0\n");
		assertThat(read("stage_branch.csv")).isEqualTo(STAGE_BRANCH_HEADER + "\"'=cmd,x\",1,NAVY,1,1,0,0,1,1\n"
				+ "Istanbul,2,GROUND_FORCES,2,0,1,1,0,0\n" + "Istanbul,2,NAVY,2,1,0,1,1,2\n"
				+ "Istanbul,10,AIR_FORCE,1,0,0,1,0,1\n" + "Istanbul,10,GROUND_FORCES,1,0,0,1,0,0\n");
		assertThat(read("conditions.csv")).isEqualTo(CONDITIONS_HEADER + "\"'=cmd,x\",1,ABSCESS,1\n"
				+ "\"'=cmd,x\",1,HEPATITIS,1\n" + "Istanbul,2,AMPUTATION,1\n" + "Istanbul,2,INFECTION,1\n"
				+ "Istanbul,2,TRAUMA,2\n" + "Istanbul,10,OTHER,1\n");
		assertThat(names()).containsExactly("branch_summary.csv", "conditions.csv", "stage_branch.csv",
				"stage_summary.csv");
	}

	@Test
	void guardsTextQuotesOnlyWhenNeededAndWritesNumbersPlainly() throws IOException {
		StageKey at = new StageKey("@x", 3);
		StageKey quoted = new StageKey("Say \"hi\"", 12);
		StageKey cyrillic = new StageKey("Стамбул", 1000);
		ReportData data = new ReportData(
				List.of(new StageSummary(at, LocalDate.of(2025, 6, 2), LocalDate.of(2025, 6, 10), 1234, 0, 1234, 0,
						1234, 0, 0, 0, 0, 0, 0, 0, new BigDecimal("45"), new BigDecimal("45.55"), 45, 0),
						new StageSummary(quoted, LocalDate.of(999, 1, 2), LocalDate.of(999, 1, 2), 1, 1, 0, 0, 1, 0, 0,
								0, 0, 0, 0, 0, new BigDecimal("0.0"), new BigDecimal("0.0"), 0, 0)),
				List.of(new BranchSummary("-3", 2, 0, 0, 0, 0, 0, null, null, null, 0)),
				List.of(new StageBranchRow(cyrillic, "+NAVY", 1, 0, 0, 0, 0, 0)),
				List.of(new ConditionCount(quoted, "=1+1", 7)));
		new CsvReportWriter(false).writeSummaries(data, this.dir);

		assertThat(read("stage_summary.csv")).isEqualTo(
				STAGE_HEADER + "'@x,3,2025-06-02,2025-06-10,1234,0,1234,-1234,0,1234,0,0,0,0,0,0,0,45.0,45.6,45,0\n"
						+ "\"Say \"\"hi\"\"\",12,0999-01-02,0999-01-02,1,1,0,1,0,1,0,0,0,0,0,0,0,0.0,0.0,0,0\n");
		assertThat(read("branch_summary.csv")).isEqualTo(BRANCH_HEADER + "'-3,2,0,0,0,0,0,,,,0\n");
		assertThat(read("stage_branch.csv")).isEqualTo(STAGE_BRANCH_HEADER + "Стамбул,1000,'+NAVY,1,0,0,0,0,0\n");
		assertThat(read("conditions.csv")).isEqualTo(CONDITIONS_HEADER + "\"Say \"\"hi\"\"\",12,'=1+1,7\n");
	}

	@Test
	void suppressionReplacesSmallCountsAndTheFiguresThatWouldRevealThem() throws IOException {
		ReportAggregator aggregator = new ReportAggregator();
		add(aggregator, 1, "2025-06-10", false, 2);
		add(aggregator, 1, "2025-06-10", true, 10);
		add(aggregator, 2, "2025-06-20", false, 20);
		add(aggregator, 2, "2025-06-20", true, 20);
		ReportData data = aggregator.result();
		new CsvReportWriter(false).writeSummaries(data, SmallCellSuppression.of(data, 3), this.dir);

		// stage 1: 2 to UA is <3; 10 to RU would give it away from the total, the UA and
		// RU of stage 2 from the column totals, and the balances from either side
		assertThat(read("stage_summary.csv"))
			.isEqualTo(STAGE_HEADER + "Talks,1,2025-06-10,2025-06-10,12,<3,x,x,12,0,0,0,0,12,0,0,0,,,,0\n"
					+ "Talks,2,2025-06-20,2025-06-20,40,x,x,x,40,0,0,0,0,40,0,0,0,,,,0\n");
		assertThat(read("branch_summary.csv")).isEqualTo(BRANCH_HEADER + "NAVY,52,0,0,52,0,0,,,,0\n");
		assertThat(read("stage_branch.csv"))
			.isEqualTo(STAGE_BRANCH_HEADER + "Talks,1,NAVY,12,0,0,12,0,0\n" + "Talks,2,NAVY,40,0,0,40,0,0\n");
	}

	@Test
	void suppressionOfSmallGroupsCoversEveryTable() throws IOException {
		ReportAggregator aggregator = new ReportAggregator();
		TestRecords.scenario().forEach(aggregator::add);
		ReportData data = aggregator.result();
		new CsvReportWriter(false).writeSummaries(data, SmallCellSuppression.of(data, 2), this.dir);

		assertThat(read("stage_summary.csv").lines().skip(1)).allSatisfy((line) -> assertThat(line).contains("<2"));
		// the only count of NAVY in stage ("=cmd,x", 1) is 1
		assertThat(read("stage_branch.csv")).contains("\"'=cmd,x\",1,NAVY,<2,<2,0,0,<2,<2\n");
		assertThat(read("conditions.csv")).contains("\"'=cmd,x\",1,ABSCESS,<2\n").contains("Istanbul,2,TRAUMA,2\n");
	}

	private static void add(ReportAggregator aggregator, int stage, String date, boolean toRu, int count) {
		for (int i = 0; i < count; i++) {
			TestRecords records = TestRecords.military("NAVY", RankGroup.ENLISTED).stage("Talks", stage).on(date);
			aggregator.add((toRu ? records.toRu() : records).build());
		}
	}

	@Test
	void emptyTablesHaveOnlyTheirHeader() throws IOException {
		new CsvReportWriter(false).writeSummaries(new ReportAggregator().result(), this.dir);
		assertThat(read("stage_summary.csv")).isEqualTo(STAGE_HEADER);
		assertThat(read("branch_summary.csv")).isEqualTo(BRANCH_HEADER);
		assertThat(read("stage_branch.csv")).isEqualTo(STAGE_BRANCH_HEADER);
		assertThat(read("conditions.csv")).isEqualTo(CONDITIONS_HEADER);
	}

	@Test
	void writesRejectedRowsWithTheirRawTextQuoted() throws IOException {
		new CsvReportWriter(false).writeRejected(rejected(), this.dir);
		assertThat(read("rejected_records.csv"))
			.isEqualTo(REJECTED_HEADER + "\"in,1.csv\",3,,MALFORMED_ROW,\"R1,\"\"unterminated\"\n"
					+ "in.csv,4,'-R2,MISSING_VALUE:stage;BAD_VALUE:side,\"'-R2,2025-06-10,,,XX,MILITARY\"\n"
					+ "in.csv,7,R3,BAD_VALUE:exchange_date,\"R3,\"\"multi\nline\"\",x\"\n"
					+ "in.csv,10,R4,DUPLICATE_RECORD_ID,'=HYPERLINK(1)\n"
					+ "in.csv,11,R5,BAD_VALUE:age,\"'\tR5;;\r\n\"\"\"\n");
	}

	@Test
	void rejectedReportReadsBackWithAnRfc4180Parser() throws IOException, CsvException {
		new CsvReportWriter(false).writeRejected(rejected(), this.dir);
		List<String[]> rows;
		try (Reader reader = Files.newBufferedReader(this.dir.resolve("rejected_records.csv"));
				CSVReader csv = new CSVReaderBuilder(reader).withCSVParser(new RFC4180ParserBuilder().build())
					.build()) {
			rows = csv.readAll();
		}
		assertThat(rows).hasSize(6);
		assertThat(rows.get(0)).containsExactly("source_file", "line_number", "record_id", "reasons", "raw");
		assertThat(rows.get(1)).containsExactly("in,1.csv", "3", "", "MALFORMED_ROW", "R1,\"unterminated");
		assertThat(rows.get(3)).containsExactly("in.csv", "7", "R3", "BAD_VALUE:exchange_date", "R3,\"multi\nline\",x");
		// row 5's CR LF is checked byte for byte above: OpenCSV's reader turns it into LF
		assertThat(rows.get(5)).startsWith("in.csv", "11", "R5", "BAD_VALUE:age");
	}

	@Test
	void noRejectedRowsGiveOnlyTheHeader() throws IOException {
		new CsvReportWriter(false).writeRejected((action) -> {
		}, this.dir);
		assertThat(read("rejected_records.csv")).isEqualTo(REJECTED_HEADER);
	}

	@Test
	void excelCsvStartsEveryFileWithAByteOrderMark() throws IOException {
		CsvReportWriter writer = new CsvReportWriter(true);
		writer.writeSummaries(new ReportAggregator().result(), this.dir);
		writer.writeRejected((action) -> {
		}, this.dir);
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		for (String name : names()) {
			assertThat(Files.readAllBytes(this.dir.resolve(name))).startsWith(bom);
		}
		assertThat(Files.readAllBytes(this.dir.resolve("rejected_records.csv")))
			.isEqualTo(concat(bom, REJECTED_HEADER.getBytes(StandardCharsets.UTF_8)));
		assertThat(names()).hasSize(5);
	}

	@Test
	void plainCsvHasNoByteOrderMark() throws IOException {
		new CsvReportWriter(false).writeRejected((action) -> {
		}, this.dir);
		assertThat(Files.readAllBytes(this.dir.resolve("rejected_records.csv")))
			.isEqualTo(REJECTED_HEADER.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void replacesEarlierReportsAndCreatesTheOutputDirectory() throws IOException {
		Path output = this.dir.resolve("reports").resolve("daily");
		CsvReportWriter writer = new CsvReportWriter(false);
		writer.writeRejected(rejected(), output);
		writer.writeRejected((action) -> {
		}, output);
		assertThat(Files.readString(output.resolve("rejected_records.csv"))).isEqualTo(REJECTED_HEADER);
		try (Stream<Path> files = Files.list(output)) {
			assertThat(files).hasSize(1);
		}
	}

	@Test
	void failingSourceKeepsTheEarlierReportAndLeavesNoTemporaryFile() throws IOException {
		CsvReportWriter writer = new CsvReportWriter(false);
		writer.writeRejected(rejected(), this.dir);
		String before = read("rejected_records.csv");
		RejectedRows failing = (action) -> {
			action.accept(new RejectedRow("in.csv", 2, "R9", List.of("BAD_VALUE:age"), "R9"));
			throw new IllegalStateException("store closed");
		};
		assertThatIllegalStateException().isThrownBy(() -> writer.writeRejected(failing, this.dir))
			.withMessage("store closed");
		assertThat(read("rejected_records.csv")).isEqualTo(before);
		assertThat(names()).containsExactly("rejected_records.csv");
	}

	private static RejectedRows rejected() {
		List<RejectedRow> rows = List.of(
				new RejectedRow("in,1.csv", 3, "", List.of("MALFORMED_ROW"), "R1,\"unterminated"),
				new RejectedRow("in.csv", 4, "-R2", List.of("MISSING_VALUE:stage", "BAD_VALUE:side"),
						"-R2,2025-06-10,,,XX,MILITARY"),
				new RejectedRow("in.csv", 7, "R3", List.of("BAD_VALUE:exchange_date"), "R3,\"multi\nline\",x"),
				new RejectedRow("in.csv", 10, "R4", List.of("DUPLICATE_RECORD_ID"), "=HYPERLINK(1)"),
				new RejectedRow("in.csv", 11, "R5", List.of("BAD_VALUE:age"), "\tR5;;\r\n\""));
		return rows::forEach;
	}

	private String read(String name) throws IOException {
		return Files.readString(this.dir.resolve(name), StandardCharsets.UTF_8);
	}

	private List<String> names() throws IOException {
		try (Stream<Path> files = Files.list(this.dir)) {
			return files.map((file) -> file.getFileName().toString()).sorted().toList();
		}
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] all = new byte[first.length + second.length];
		System.arraycopy(first, 0, all, 0, first.length);
		System.arraycopy(second, 0, all, first.length, second.length);
		return all;
	}

}
