package org.coordination.exchange.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.coordination.exchange.ExchangeReportsApplication;
import org.coordination.exchange.record.ExchangeRecord;
import org.coordination.exchange.store.StoredRecords;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The reports read the store in parts side by side: together the parts are exactly the
 * visible records, each record in one part, each part read by one thread.
 */
@SpringBootTest(classes = ExchangeReportsApplication.class)
class StoredRecordsPartsTests extends RunnerTestSupport {

	private static final Comparator<ExchangeRecord> BY_ID = Comparator.comparing(ExchangeRecord::recordId);

	@Autowired
	StoredRecords storedRecords;

	@Test
	void partsTogetherAreTheVisibleRecordsOfManyImportsWithCorrections() throws IOException {
		// the files share record ids: later ones replace records of earlier ones
		Path input = sampleInput(2000, 2000, 2000, 2000);
		assertThat(run(this.work.resolve("reports"), 1_000_000, StandardCharsets.UTF_8, input)).as(this.err.toString())
			.isZero();
		List<ExchangeRecord> all = whole();
		assertThat(all).hasSizeGreaterThan(2000);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM superseded_record", Long.class)).isPositive();
		for (int parts = 1; parts <= 7; parts++) {
			List<List<ExchangeRecord>> read = inParts(parts);
			List<ExchangeRecord> together = new ArrayList<>();
			read.forEach(together::addAll);
			together.sort(BY_ID);
			assertThat(together).as("%d parts", parts).isEqualTo(all);
		}
	}

	@Test
	void oneLargeImportIsCutIntoPartsOfAboutEqualSize() throws IOException {
		Path input = sampleInput(6000);
		assertThat(run(this.work.resolve("reports"), 1_000_000, StandardCharsets.UTF_8, input)).as(this.err.toString())
			.isZero();
		int total = whole().size();
		for (int parts = 2; parts <= 4; parts++) {
			List<List<ExchangeRecord>> read = inParts(parts);
			for (List<ExchangeRecord> part : read) {
				assertThat(part.size()).as("%d parts", parts)
					.isBetween(total / parts * 85 / 100, total / parts * 115 / 100);
			}
		}
	}

	@Test
	void aPartThatFailsFailsTheReadAfterTheOtherPartsEnd() throws IOException {
		Path input = sampleInput(3000);
		assertThat(run(this.work.resolve("reports"), 1_000_000, StandardCharsets.UTF_8, input)).as(this.err.toString())
			.isZero();
		List<ExchangeRecord> second = new ArrayList<>();
		List<Consumer<ExchangeRecord>> actions = List.of((record) -> {
			throw new IllegalStateException("disk full");
		}, second::add);
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.storedRecords.forEachVisibleRecord(actions))
			.withMessage("disk full");
		// the other part was read to its end, not abandoned mid-way
		assertThat(second).hasSizeGreaterThan(1000);
		assertThat(Thread.getAllStackTraces().keySet())
			.noneMatch((thread) -> thread.getName().startsWith("exchange-report-read"));
	}

	@Test
	void anEmptyStoreHasEmptyParts() {
		assertThat(inParts(3)).containsExactly(List.of(), List.of(), List.of());
	}

	private List<ExchangeRecord> whole() {
		// read apart from the parts, by the export's query
		List<ExchangeRecord> all = new ArrayList<>();
		this.storedRecords.forEachVisibleRecordByRecordId(all::add);
		return all;
	}

	private List<List<ExchangeRecord>> inParts(int parts) {
		List<List<ExchangeRecord>> read = new ArrayList<>();
		List<Set<Thread>> threads = new ArrayList<>();
		List<Consumer<ExchangeRecord>> actions = new ArrayList<>();
		for (int i = 0; i < parts; i++) {
			List<ExchangeRecord> part = new ArrayList<>();
			Set<Thread> seen = new HashSet<>();
			read.add(part);
			threads.add(seen);
			actions.add((record) -> {
				seen.add(Thread.currentThread());
				part.add(record);
			});
		}
		this.storedRecords.forEachVisibleRecord(actions);
		for (Set<Thread> seen : threads) {
			assertThat(seen).hasSizeLessThanOrEqualTo(1);
		}
		return read;
	}

}
