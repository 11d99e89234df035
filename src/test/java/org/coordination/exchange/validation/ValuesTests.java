package org.coordination.exchange.validation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ValuesTests {

	@Test
	void trimRemovesOnlySurroundingSpacesAndTabs() {
		assertThat(Values.trim(" \t a b \t ")).isEqualTo("a b");
		assertThat(Values.trim("\u00A0a")).isEqualTo("\u00A0a");
		assertThat(Values.trim(null)).isEmpty();
		String untouched = "abc";
		assertThat(Values.trim(untouched)).isSameAs(untouched);
	}

}
