package org.coordination.exchange.report;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.coordination.exchange.record.ExchangeRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImportAggregatesTests {

	private final ImportAggregates aggregates = new ImportAggregates();

	@Test
	void publishedImportsOfARunAreCountedTogether() {
		List<ExchangeRecord> records = TestRecords.scenario();
		Consumer<ExchangeRecord> first = this.aggregates.begin(1, 10);
		Consumer<ExchangeRecord> second = this.aggregates.begin(1, 11);
		records.subList(0, 3).forEach(first);
		records.subList(3, records.size()).forEach(second);
		this.aggregates.imported(1, 10);
		this.aggregates.imported(1, 11);

		ImportAggregates.Counted counted = this.aggregates.take(1);

		assertThat(counted.records()).isEqualTo(Map.of(10L, 3L, 11L, (long) records.size() - 3));
		ReportAggregator all = new ReportAggregator();
		records.forEach(all::add);
		assertThat(counted.tables().result()).isEqualTo(all.result());
		// taken once
		assertThat(this.aggregates.take(1).records()).isEmpty();
	}

	@Test
	void anImportNotPublishedIsNotCounted() {
		ExchangeRecord record = TestRecords.scenario().get(0);
		this.aggregates.begin(1, 10).accept(record);
		this.aggregates.begin(1, 11).accept(record);
		this.aggregates.discard(11);
		this.aggregates.imported(1, 10);
		this.aggregates.imported(1, 11);

		assertThat(this.aggregates.take(1).records()).containsOnlyKeys(10L);
	}

	@Test
	void runsAreKeptApartAndTakingARunDropsItsUnpublishedImports() {
		ExchangeRecord record = TestRecords.scenario().get(0);
		this.aggregates.begin(1, 10).accept(record);
		this.aggregates.begin(2, 20).accept(record);
		this.aggregates.imported(2, 20);

		assertThat(this.aggregates.take(1).records()).isEmpty();
		// import 10 was still reading when its run took its tables: it is forgotten
		this.aggregates.imported(1, 10);
		assertThat(this.aggregates.take(1).records()).isEmpty();
		assertThat(this.aggregates.take(2).records()).isEqualTo(Map.of(20L, 1L));
	}

}
