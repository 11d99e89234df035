package org.coordination.exchange.run;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.coordination.exchange.ExchangeReportsApplication;
import org.coordination.exchange.record.ExchangeRecord;
import org.coordination.exchange.report.ExcelReportWriter;
import org.coordination.exchange.report.ReportPublisher;
import org.coordination.exchange.report.RunInfo;
import org.coordination.exchange.sample.SampleGenerator;
import org.coordination.exchange.store.StoredRecords;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each published import keeps the report tables it counted while reading its rows, and
 * the reports take them, less the records later imports replaced, instead of reading
 * those rows back; the reports are the same as when read from the store alone.
 */
@SpringBootTest(classes = ExchangeReportsApplication.class)
class KeptReportTablesTests extends RunnerTestSupport {

	private static final List<String> SUMMARIES = List.of("branch_summary.csv", "conditions.csv", "stage_branch.csv",
			"stage_summary.csv");

	private static final Comparator<ExchangeRecord> BY_ID = Comparator.comparing(ExchangeRecord::recordId);

	@Autowired
	StoredRecords storedRecords;

	@Test
	void filesOfNewRecordsAndCorrectionsOfEarlierRunsKeepTheirTables() throws IOException {
		Path first = this.work.resolve("first");
		generate(first.resolve("a.csv"), 1, 1, 3000);
		assertThat(run(this.work.resolve("reports"), 1_000_000, StandardCharsets.UTF_8, first)).isZero();
		// new records in two files imported side by side, and corrections of the first
		// run
		Path second = this.work.resolve("second");
		generate(second.resolve("b.csv"), 2, 10_001, 2500);
		generate(second.resolve("c.csv"), 3, 20_001, 2500);
		generate(second.resolve("d.csv"), 4, 1, 400);
		Path reports = this.work.resolve("reports");

		assertThat(run(reports, 1_000_000, StandardCharsets.UTF_8, second)).isZero();

		assertThat(this.jdbc.queryForObject("SELECT updated FROM import_file WHERE file_name = 'd.csv'", Long.class))
			.isPositive();
		Map<Long, Long> accepted = accepted();
		assertThat(accepted).hasSize(4);
		assertThat(kept()).isEqualTo(accepted);
		assertThat(summaries(reports)).isEqualTo(summaries(rebuiltFromTheRecords()));
	}

	@Test
	void aFileCorrectingAnEarlierFileOfTheSameRunLeavesItsTablesLessTheReplacedRecords() throws IOException {
		// the files share record ids: the second corrects records of the first
		Path input = sampleInput(2000, 2000);
		Path reports = this.work.resolve("reports");

		assertThat(run(reports, 1_000_000, StandardCharsets.UTF_8, input)).isZero();

		assertThat(kept()).isEqualTo(accepted()).hasSize(2);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM superseded_record", Long.class)).isPositive();
		assertThat(summaries(reports)).isEqualTo(summaries(rebuiltFromTheRecords()));
	}

	@Test
	void theReplacedRecordsOfAnImportAreThoseALaterImportHasTooAndNoOthers() throws IOException {
		assertThat(run(this.work.resolve("reports"), 1_000_000, StandardCharsets.UTF_8, sampleInput(2000, 2000)))
			.isZero();
		List<Long> imports = this.jdbc.queryForList("SELECT import_id FROM import_file ORDER BY import_order",
				Long.class);
		Set<String> later = Set.copyOf(this.jdbc
			.queryForList("SELECT record_id FROM exchange_record WHERE import_id = ?", String.class, imports.get(1)));
		List<String> expected = this.jdbc
			.queryForList("SELECT record_id FROM exchange_record WHERE import_id = ? ORDER BY record_id", String.class,
					imports.get(0))
			.stream()
			.filter(later::contains)
			.toList();
		assertThat(expected).hasSizeGreaterThan(100);

		List<String> replaced = new ArrayList<>();
		this.storedRecords.forEachReplacedRecord(Set.of(imports.get(0)), (record) -> replaced.add(record.recordId()));
		List<String> ofLater = new ArrayList<>();
		this.storedRecords.forEachReplacedRecord(Set.of(imports.get(1)), (record) -> ofLater.add(record.recordId()));
		List<String> ofBoth = new ArrayList<>();
		this.storedRecords.forEachReplacedRecord(Set.copyOf(imports), (record) -> ofBoth.add(record.recordId()));

		Collections.sort(replaced);
		assertThat(replaced).isEqualTo(expected);
		assertThat(ofLater).isEmpty();
		Collections.sort(ofBoth);
		assertThat(ofBoth).isEqualTo(expected);
	}

	@Test
	void tablesStandForAnImportOnlyWithItsExactCountAndWhilePublished() throws IOException {
		assertThat(run(this.work.resolve("reports"), 1_000_000, StandardCharsets.UTF_8, sampleInput(500))).isZero();
		long importId = accepted().keySet().iterator().next();
		assertThat(usable()).containsExactly(importId);

		this.jdbc.update("UPDATE import_file SET accepted = accepted - 1 WHERE import_id = ?", importId);
		assertThat(usable()).isEmpty();
		this.jdbc.update("UPDATE import_file SET accepted = accepted + 1, status = 'REVERTED' WHERE import_id = ?",
				importId);
		assertThat(usable()).isEmpty();
		this.jdbc.update("UPDATE import_file SET status = 'COMPLETED' WHERE import_id = ?", importId);
		assertThat(usable()).containsExactly(importId);
	}

	@Test
	void unreadableTablesAreLeftUnusedAndTheImportIsRead() throws IOException {
		Path reports = this.work.resolve("reports");
		assertThat(run(reports, 1_000_000, StandardCharsets.UTF_8, sampleInput(1500, 1500))).isZero();
		Map<String, String> before = summaries(reports);
		this.jdbc.update("UPDATE import_tables SET tables = ?", (Object) new byte[] { 1, 2, 3 });

		assertThat(run(reports, 1_000_000, StandardCharsets.UTF_8, this.work.resolve("input"))).isZero();

		assertThat(this.out.toString()).contains("2 skipped as already imported");
		assertThat(summaries(reports)).isEqualTo(before);
	}

	@Test
	void importsLeftOutOfTheReadAreNotRead() throws IOException {
		Path input = this.work.resolve("input");
		generate(input.resolve("a.csv"), 1, 1, 1500);
		generate(input.resolve("b.csv"), 2, 10_001, 1500);
		generate(input.resolve("c.csv"), 3, 20_001, 1500);
		assertThat(run(this.work.resolve("reports"), 1_000_000, StandardCharsets.UTF_8, input)).isZero();
		List<Long> imports = this.jdbc.queryForList("SELECT import_id FROM import_file ORDER BY import_id", Long.class);
		long middle = imports.get(1);
		Set<String> ofMiddle = Set.copyOf(this.jdbc
			.queryForList("SELECT record_id FROM exchange_record WHERE import_id = ?", String.class, middle));
		assertThat(ofMiddle).hasSizeGreaterThan(1000);

		for (int parts = 1; parts <= 4; parts++) {
			List<ExchangeRecord> read = Collections.synchronizedList(new ArrayList<>());
			List<Consumer<ExchangeRecord>> actions = new ArrayList<>();
			for (int i = 0; i < parts; i++) {
				actions.add(read::add);
			}
			this.storedRecords.forEachVisibleRecord(actions, Set.of(middle));
			List<ExchangeRecord> expected = new ArrayList<>();
			this.storedRecords.forEachVisibleRecordByRecordId(expected::add);
			expected.removeIf((record) -> ofMiddle.contains(record.recordId()));
			List<ExchangeRecord> sorted = new ArrayList<>(read);
			sorted.sort(BY_ID);
			assertThat(sorted).as("%d parts", parts).hasSize(expected.size()).isEqualTo(expected);
		}
	}

	/** Accepted records of each import, by import id. */
	private Map<Long, Long> accepted() {
		return byImport("SELECT import_id, accepted FROM import_file ORDER BY import_id");
	}

	/** Records counted in each import's kept tables, by import id. */
	private Map<Long, Long> kept() {
		return byImport("SELECT import_id, records FROM import_tables ORDER BY import_id");
	}

	private Map<Long, Long> byImport(String sql) {
		Map<Long, Long> counts = new LinkedHashMap<>();
		this.jdbc.query(sql, (rs) -> {
			counts.put(rs.getLong(1), rs.getLong(2));
		});
		return counts;
	}

	/** The imports whose kept tables the reports may use. */
	private List<Long> usable() {
		List<Long> imports = new ArrayList<>();
		this.storedRecords.forEachImportTables((importId, tables) -> imports.add(importId));
		return imports;
	}

	/** The reports of the store as it is, from its visible records alone. */
	private Path rebuiltFromTheRecords() {
		StoredRecords recordsAlone = new StoredRecords(this.jdbc) {
			@Override
			public void forEachImportTables(BiConsumer<Long, byte[]> action) {
				// none kept
			}
		};
		Path rebuilt = this.work.resolve("rebuilt");
		new ReportPublisher(recordsAlone, ExcelReportWriter.DEFAULT_OFFICE).publish(rebuilt,
				new RunInfo(Instant.now(), Instant.now(), List.of(), 0, 0, 0, 0, "test"), false);
		return rebuilt;
	}

	private static Map<String, String> summaries(Path dir) throws IOException {
		Map<String, String> contents = new LinkedHashMap<>();
		for (String name : SUMMARIES) {
			contents.put(name, Files.readString(dir.resolve(name)));
		}
		return contents;
	}

	/** {@code rows} generated rows whose record ids start at {@code firstSequence}. */
	private static void generate(Path file, long seed, long firstSequence, int rows) throws IOException {
		Files.createDirectories(file.getParent());
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			new SampleGenerator(seed, 0.02).withFirstSequence(firstSequence)
				.write(out, rows, LocalDate.of(2026, 11, 25));
		}
	}

}
