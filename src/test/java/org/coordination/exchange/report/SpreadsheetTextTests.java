package org.coordination.exchange.report;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetTextTests {

	@ParameterizedTest
	@ValueSource(strings = { "=SUM(A1)", "+1", "-3", "@cmd", "\tx", "\rx", "\nx", "=", "-" })
	void formulaStartsArePrefixed(String text) {
		assertThat(SpreadsheetText.guard(text)).isEqualTo("'" + text);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Istanbul", "a=b", " =x", "'=x", "NAVY", "1-2", "Стамбул" })
	void otherTextIsUnchanged(String text) {
		assertThat(SpreadsheetText.guard(text)).isEqualTo(text);
	}

	@Test
	void emptyAndNullAreUnchanged() {
		assertThat(SpreadsheetText.guard("")).isEmpty();
		assertThat(SpreadsheetText.guard(null)).isNull();
	}

}
