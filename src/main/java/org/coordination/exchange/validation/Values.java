package org.coordination.exchange.validation;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

import org.coordination.exchange.record.Names;

/**
 * Hand-written parsers for the hot path: no regular expressions and no exceptions for
 * values that are merely wrong, so that a million bad rows cost no more than good ones.
 */
final class Values {

	/** Returned by {@link #plainNumber(String)} for anything that is not plain digits. */
	static final int NOT_A_NUMBER = -1;

	/** Numbers saturate here: far above every limit, far below int overflow. */
	private static final int SATURATED = 1_000_000;

	private Values() {
	}

	/**
	 * Removes surrounding spaces and tabs (the SPEC's trimming), {@code ""} for
	 * {@code null}.
	 */
	static String trim(String value) {
		if (value == null) {
			return "";
		}
		return Names.trim(value);
	}

	static boolean isSpaceOrTab(char c) {
		return c == ' ' || c == '\t';
	}

	/**
	 * A whole number written as plain ASCII digits ({@code 7}, {@code 07}); signs,
	 * decimals, exponents and non-ASCII digits give {@link #NOT_A_NUMBER}. Long digit
	 * strings saturate instead of overflowing, so they fail any range check.
	 */
	static int plainNumber(String value) {
		int length = value.length();
		if (length == 0) {
			return NOT_A_NUMBER;
		}
		int number = 0;
		for (int i = 0; i < length; i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return NOT_A_NUMBER;
			}
			number = Math.min(number * 10 + (c - '0'), SATURATED);
		}
		return number;
	}

	/**
	 * A date written exactly {@code yyyy-MM-dd} or {@code dd.MM.yyyy} (two-digit day and
	 * month, four-digit year) that exists in the calendar; {@code null} otherwise. Same
	 * result as {@code ResolverStyle.STRICT} with {@code uuuu}, without exceptions.
	 */
	static LocalDate date(String value) {
		if (value.length() != 10) {
			return null;
		}
		int year;
		int month;
		int day;
		if (value.charAt(4) == '-' && value.charAt(7) == '-') {
			year = digits(value, 0, 4);
			month = digits(value, 5, 7);
			day = digits(value, 8, 10);
		}
		else if (value.charAt(2) == '.' && value.charAt(5) == '.') {
			day = digits(value, 0, 2);
			month = digits(value, 3, 5);
			year = digits(value, 6, 10);
		}
		else {
			return null;
		}
		if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))) {
			return null;
		}
		return LocalDate.of(year, month, day);
	}

	/** The ASCII digits in {@code [from, to)} as a number, -1 if any is not a digit. */
	private static int digits(String value, int from, int to) {
		int number = 0;
		for (int i = from; i < to; i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			number = number * 10 + (c - '0');
		}
		return number;
	}

	/**
	 * Whether a text is longer than {@code max} characters, counting Unicode code points
	 * so that a character outside the BMP (an emoji) counts once.
	 */
	static boolean longerThan(String value, int max) {
		return value.length() > max && value.codePointCount(0, value.length()) > max;
	}

}
