package org.coordination.exchange.report;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Map;
import java.util.function.Consumer;

import org.coordination.exchange.record.ExchangeRecord;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class ImportAggregatesTests {

	private final KeptTablesStore store = new KeptTablesStore();

	private final ImportAggregates aggregates = new ImportAggregates(this.store);

	@Test
	void eachPublishedImportKeepsTheTablesOfItsRecords() {
		List<ExchangeRecord> records = TestRecords.scenario();
		Consumer<ExchangeRecord> first = this.aggregates.begin(1, 10);
		Consumer<ExchangeRecord> second = this.aggregates.begin(1, 11);
		records.subList(0, 3).forEach(first);
		records.subList(3, records.size()).forEach(second);
		this.aggregates.imported(10);
		this.aggregates.imported(11);

		assertThat(this.store.records).isEqualTo(Map.of(10L, 3L, 11L, (long) records.size() - 3));
		assertThat(this.store.tables(10)).isEqualTo(tablesOf(records.subList(0, 3)));
		assertThat(this.store.tables(11)).isEqualTo(tablesOf(records.subList(3, records.size())));
		// kept once
		this.store.records.clear();
		this.aggregates.imported(10);
		assertThat(this.store.records).isEmpty();
	}

	@Test
	void anImportNotPublishedKeepsNoTables() {
		ExchangeRecord record = TestRecords.scenario().get(0);
		this.aggregates.begin(1, 10).accept(record);
		this.aggregates.begin(1, 11).accept(record);
		this.aggregates.discard(11);
		this.aggregates.imported(10);
		this.aggregates.imported(11);

		assertThat(this.store.records).containsOnlyKeys(10L);
	}

	@Test
	void theEndOfARunDropsItsImportsStillCounting() {
		ExchangeRecord record = TestRecords.scenario().get(0);
		this.aggregates.begin(1, 10).accept(record);
		this.aggregates.begin(2, 20).accept(record);

		this.aggregates.end(1);
		this.aggregates.imported(10);
		this.aggregates.imported(20);

		assertThat(this.store.records).isEqualTo(Map.of(20L, 1L));
	}

	@Test
	void tablesTheStoreCannotKeepAreOnlyLost() {
		AtomicInteger attempts = new AtomicInteger();
		KeptTablesStore failing = new KeptTablesStore() {
			@Override
			public void saveTables(long importId, long records, byte[] tables) {
				attempts.incrementAndGet();
				throw new DataAccessResourceFailureException("disk full");
			}
		};
		ImportAggregates aggregates = new ImportAggregates(failing);
		aggregates.begin(1, 10).accept(TestRecords.scenario().get(0));

		// the import stays published: the failure reaches neither it nor its run
		assertThatCode(() -> aggregates.imported(10)).doesNotThrowAnyException();
		assertThat(attempts).hasValue(1);
		// and the count is gone, not kept for another attempt
		aggregates.imported(10);
		assertThat(attempts).hasValue(1);
	}

	private static ReportData tablesOf(List<ExchangeRecord> records) {
		ReportAggregator aggregator = new ReportAggregator();
		records.forEach(aggregator::add);
		return aggregator.result();
	}

}
