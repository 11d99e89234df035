package org.coordination.exchange.validation;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DateRulesTests {

	private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("dd.MM.uuuu")
		.withResolverStyle(ResolverStyle.STRICT);

	@Test
	void parseAgreesWithStrictFormattersForEveryDayMonthCombination() {
		for (int year : new int[] { 0, 1900, 2000, 2023, 2024, 2025, 2100, 9999 }) {
			for (int month = 0; month <= 13; month++) {
				for (int day = 0; day <= 32; day++) {
					String iso = String.format("%04d-%02d-%02d", year, month, day);
					String dotted = String.format("%02d.%02d.%04d", day, month, year);
					assertThat(DateRules.parse(iso)).as(iso).isEqualTo(strict(ISO, iso));
					assertThat(DateRules.parse(dotted)).as(dotted).isEqualTo(strict(DOTTED, dotted));
				}
			}
		}
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
