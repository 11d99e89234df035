package org.coordination.exchange.validation;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ValuesTests {

	private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("dd.MM.uuuu")
		.withResolverStyle(ResolverStyle.STRICT);

	@Test
	void dateAgreesWithStrictFormattersForEveryDayMonthCombination() {
		for (int year : new int[] { 0, 1900, 2000, 2023, 2024, 2025, 2100, 9999 }) {
			for (int month = 0; month <= 13; month++) {
				for (int day = 0; day <= 32; day++) {
					String iso = String.format("%04d-%02d-%02d", year, month, day);
					String dotted = String.format("%02d.%02d.%04d", day, month, year);
					assertThat(Values.date(iso)).as(iso).isEqualTo(strict(ISO, iso));
					assertThat(Values.date(dotted)).as(dotted).isEqualTo(strict(DOTTED, dotted));
				}
			}
		}
	}

	@Test
	void plainNumberSaturatesInsteadOfOverflowing() {
		assertThat(Values.plainNumber("0")).isZero();
		assertThat(Values.plainNumber("0999")).isEqualTo(999);
		assertThat(Values.plainNumber("2147483648")).isEqualTo(1_000_000);
		assertThat(Values.plainNumber("9".repeat(10_000))).isEqualTo(1_000_000);
		assertThat(Values.plainNumber("")).isEqualTo(Values.NOT_A_NUMBER);
		assertThat(Values.plainNumber("1_000")).isEqualTo(Values.NOT_A_NUMBER);
	}

	@Test
	void trimRemovesOnlySurroundingSpacesAndTabs() {
		assertThat(Values.trim(" \t a b \t ")).isEqualTo("a b");
		assertThat(Values.trim("\u00A0a")).isEqualTo("\u00A0a");
		assertThat(Values.trim(null)).isEmpty();
		String untouched = "abc";
		assertThat(Values.trim(untouched)).isSameAs(untouched);
	}

	private static LocalDate strict(DateTimeFormatter formatter, String text) {
		try {
			return LocalDate.parse(text, formatter);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
