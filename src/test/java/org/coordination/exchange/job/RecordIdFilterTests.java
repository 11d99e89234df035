package org.coordination.exchange.job;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecordIdFilterTests {

	@Test
	void everyAddedIdMightBeContained() {
		RecordIdFilter filter = new RecordIdFilter(100_000);
		for (int i = 0; i < 200_000; i++) {
			filter.add("UA-2025-" + i);
		}
		for (int i = 0; i < 200_000; i++) {
			assertThat(filter.mightContain("UA-2025-" + i)).as("id %d", i).isTrue();
		}
	}

	@Test
	void fewIdsNotAddedAreReportedAsMaybe() {
		RecordIdFilter filter = new RecordIdFilter(100_000);
		for (int i = 0; i < 100_000; i++) {
			filter.add("RU-2025-" + i);
		}
		int maybe = 0;
		for (int i = 0; i < 100_000; i++) {
			if (filter.mightContain("UA-2025-" + i)) {
				maybe++;
			}
		}
		// each "maybe" costs a query to the store; at the expected size about 1 in 100
		assertThat(maybe).isLessThan(2_000);
	}

	@Test
	void anEmptyFilterContainsNothing() {
		RecordIdFilter filter = new RecordIdFilter(0);
		assertThat(filter.mightContain("A")).isFalse();
		assertThat(filter.mightContain("")).isFalse();
	}

}
