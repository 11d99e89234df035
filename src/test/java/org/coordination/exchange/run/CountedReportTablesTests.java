package org.coordination.exchange.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
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
import java.util.function.Consumer;

import org.coordination.exchange.ExchangeReportsApplication;
import org.coordination.exchange.record.ExchangeRecord;
import org.coordination.exchange.report.ExcelReportWriter;
import org.coordination.exchange.report.ImportAggregates;
import org.coordination.exchange.report.ReportPublisher;
import org.coordination.exchange.report.RunInfo;
import org.coordination.exchange.sample.SampleGenerator;
import org.coordination.exchange.store.StoredRecords;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run's reports take the tables its imports counted while reading their rows instead of
 * reading those rows back, where the store confirms them; the reports are the same as
 * when read from the store alone.
 */
@SpringBootTest(classes = ExchangeReportsApplication.class)
class CountedReportTablesTests extends RunnerTestSupport {

	private static final List<String> SUMMARIES = List.of("branch_summary.csv", "conditions.csv", "stage_branch.csv",
			"stage_summary.csv");

	private static final Comparator<ExchangeRecord> BY_ID = Comparator.comparing(ExchangeRecord::recordId);

	@Autowired
	StoredRecords storedRecords;

	@Test
	void filesOfNewRecordsAndCorrectionsOfEarlierRunsAreCountedAsRead() throws IOException {
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

		Recording recording = runRecording(second, reports);

		assertThat(this.jdbc.queryForObject("SELECT updated FROM import_file WHERE file_name = 'd.csv'", Long.class))
			.isPositive();
		Map<Long, Long> accepted = acceptedOfRun(2);
		assertThat(accepted).hasSize(3);
		assertThat(recording.counted).isEqualTo(accepted);
		assertThat(this.storedRecords.allVisible(accepted)).isTrue();
		assertThat(summaries(reports)).isEqualTo(summaries(rebuiltFromTheStore()));
	}

	@Test
	void aFileCorrectingAnEarlierFileOfTheSameRunIsReadFromTheStore() throws IOException {
		// the files share record ids: the second corrects records of the first
		Path input = sampleInput(2000, 2000);
		Path reports = this.work.resolve("reports");

		Recording recording = runRecording(input, reports);

		assertThat(recording.counted).isEqualTo(acceptedOfRun(1)).hasSize(2);
		assertThat(this.storedRecords.allVisible(recording.counted)).isFalse();
		assertThat(summaries(reports)).isEqualTo(summaries(rebuiltFromTheStore()));
	}

	@Test
	void importsAreConfirmedOnlyWithTheirExactCountAndWhilePublished() throws IOException {
		assertThat(run(this.work.resolve("reports"), 1_000_000, StandardCharsets.UTF_8, sampleInput(500))).isZero();
		Map<Long, Long> accepted = acceptedOfRun(1);
		long importId = accepted.keySet().iterator().next();
		long count = accepted.get(importId);

		assertThat(this.storedRecords.allVisible(Map.of(importId, count))).isTrue();
		assertThat(this.storedRecords.allVisible(Map.of(importId, count - 1))).isFalse();
		assertThat(this.storedRecords.allVisible(Map.of(importId + 1, 0L))).isFalse();
		this.jdbc.update("UPDATE import_file SET status = 'REVERTED' WHERE import_id = ?", importId);
		assertThat(this.storedRecords.allVisible(Map.of(importId, count))).isFalse();
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

	/** A run of the input whose publisher notes the tables it is handed. */
	private Recording runRecording(Path input, Path reports) {
		Recording recording = new Recording(this.storedRecords);
		int exit = this.runner.withReportPublisher(recording)
			.run(new RunRequest(List.of(input), reports, 1_000_000, StandardCharsets.UTF_8, null, false),
					new PrintWriter(this.out, true), new PrintWriter(this.err, true));
		assertThat(exit).as(this.err.toString()).isZero();
		return recording;
	}

	/** Accepted records of each import of a run, by import id. */
	private Map<Long, Long> acceptedOfRun(long run) {
		Map<Long, Long> accepted = new LinkedHashMap<>();
		this.jdbc.query("SELECT f.import_id, f.accepted FROM import_file f JOIN exchange_run r ON r.run_id = f.run_id "
				+ "WHERE r.run_id = (SELECT MIN(run_id) + ? - 1 FROM exchange_run)", (rs) -> {
					accepted.put(rs.getLong(1), rs.getLong(2));
				}, run);
		return accepted;
	}

	/** The reports of the store as it is, read from the store alone. */
	private Path rebuiltFromTheStore() {
		Path rebuilt = this.work.resolve("rebuilt");
		new ReportPublisher(this.storedRecords, ExcelReportWriter.DEFAULT_OFFICE).publish(rebuilt,
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

	/** The real publisher, noting the counts of the tables the run hands it. */
	private static final class Recording extends ReportPublisher {

		Map<Long, Long> counted;

		Recording(StoredRecords storedRecords) {
			super(storedRecords, ExcelReportWriter.DEFAULT_OFFICE);
		}

		@Override
		public void publish(Path outputDir, RunInfo run, boolean excelCsv, int minCellCount,
				ImportAggregates.Counted counted) {
			this.counted = counted.records();
			super.publish(outputDir, run, excelCsv, minCellCount, counted);
		}

	}

}
