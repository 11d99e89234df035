package org.coordination.exchange.validation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CompactRecordIdsTests {

	@Test
	void holdsExactlyTheAddedIdsThroughManyGrowthsAndPages() {
		CompactRecordIds ids = new CompactRecordIds();
		// 64-character ids fill more than one 1 MiB page; the table doubles many times
		String padding = "x".repeat(50);
		for (int i = 0; i < 60_000; i++) {
			ids.add(padding + "-UA-" + i);
		}
		for (int i = 0; i < 60_000; i++) {
			assertThat(ids.contains(padding + "-UA-" + i)).as("id %d", i).isTrue();
			assertThat(ids.contains(padding + "-RU-" + i)).as("id %d", i).isFalse();
		}
	}

	@Test
	void addIfAbsentTellsWhetherTheIdWasNew() {
		CompactRecordIds ids = new CompactRecordIds();
		assertThat(ids.addIfAbsent("UA-1")).isTrue();
		assertThat(ids.addIfAbsent("UA-1")).isFalse();
		assertThat(ids.addIfAbsent("UA-2")).isTrue();
		assertThat(ids.contains("UA-2")).isTrue();
		// kept outside the compact pages, and still answered
		assertThat(ids.addIfAbsent("УКР-1")).isTrue();
		assertThat(ids.addIfAbsent("УКР-1")).isFalse();
		assertThat(ids.contains("УКР-1")).isTrue();
		// add is the same as addIfAbsent: a second add of the same id changes nothing
		ids.add("UA-1");
		assertThat(ids.addIfAbsent("UA-1")).isFalse();
	}

	@Test
	void idsWithTheSameHashAreToldApart() {
		CompactRecordIds ids = new CompactRecordIds();
		// "Aa" and "BB" have the same String hash code, so these do too
		assertThat("AaAa-1".hashCode()).isEqualTo("BBBB-1".hashCode());
		ids.add("AaAa-1");
		assertThat(ids.contains("AaAa-1")).isTrue();
		assertThat(ids.contains("BBBB-1")).isFalse();
		assertThat(ids.contains("AaBB-1")).isFalse();
		ids.add("BBBB-1");
		assertThat(ids.contains("BBBB-1")).isTrue();
		assertThat(ids.contains("BBAa-1")).isFalse();
	}

	@Test
	void comparesCaseAndLengthExactly() {
		CompactRecordIds ids = new CompactRecordIds();
		ids.add("ua-1");
		assertThat(ids.contains("UA-1")).isFalse();
		assertThat(ids.contains("ua-1")).isTrue();
		assertThat(ids.contains("ua-10")).isFalse();
		assertThat(ids.contains("ua-")).isFalse();
		assertThat(ids.contains("")).isFalse();
	}

	@Test
	void stringsThatCannotBeAcceptedIdsAreStillExact() {
		CompactRecordIds ids = new CompactRecordIds();
		String cyrillic = "УКР-1";
		String tooLong = "A".repeat(300);
		ids.add(cyrillic);
		ids.add(tooLong);
		assertThat(ids.contains(cyrillic)).isTrue();
		assertThat(ids.contains(tooLong)).isTrue();
		// cut to one byte per character, "УКР-1" would read as this
		assertThat(ids.contains("#\u001A -1")).isFalse();
		assertThat(ids.contains("A".repeat(299))).isFalse();
		assertThat(ids.contains("\u0423\u041a\u0420-2")).isFalse();
	}

}
