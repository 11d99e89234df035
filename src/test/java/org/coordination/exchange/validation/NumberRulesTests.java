package org.coordination.exchange.validation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NumberRulesTests {

	@Test
	void plainNumberSaturatesInsteadOfOverflowing() {
		assertThat(NumberRules.plainNumber("0")).isZero();
		assertThat(NumberRules.plainNumber("0999")).isEqualTo(999);
		assertThat(NumberRules.plainNumber("2147483648")).isEqualTo(1_000_000);
		assertThat(NumberRules.plainNumber("9".repeat(10_000))).isEqualTo(1_000_000);
		assertThat(NumberRules.plainNumber("")).isEqualTo(NumberRules.NOT_A_NUMBER);
		assertThat(NumberRules.plainNumber("1_000")).isEqualTo(NumberRules.NOT_A_NUMBER);
	}

}
