package org.coordination.exchange.validation;

import org.coordination.exchange.record.Column;

/**
 * The whole-number rules of SPEC §2 and §3: {@code stage} (required) is 1–999 and
 * {@code age} (optional) is 14–100, written as plain ASCII digits ({@code 7},
 * {@code 07}); signs, decimals ({@code 7.0}), exponents, non-ASCII digits and numbers out
 * of range are {@code BAD_VALUE}. Digit strings too long for an int are out of range, not
 * an overflow.
 */
final class NumberRules {

	static final int MIN_STAGE = 1;

	static final int MAX_STAGE = 999;

	static final int MIN_AGE = 14;

	static final int MAX_AGE = 100;

	/** Returned by {@link #plainNumber(String)} for anything that is not plain digits. */
	static final int NOT_A_NUMBER = -1;

	/** Numbers saturate here: far above every limit, far below int overflow. */
	private static final int SATURATED = 1_000_000;

	private NumberRules() {
	}

	/** The {@code stage}; -1 if blank or bad. */
	static int stage(RowCheck row) {
		return number(row, Column.STAGE, true, MIN_STAGE, MAX_STAGE);
	}

	/** The {@code age}; -1 if blank or bad. */
	static int age(RowCheck row) {
		return number(row, Column.AGE, false, MIN_AGE, MAX_AGE);
	}

	/** A whole number in {@code [min, max]}; -1 if blank or bad. */
	private static int number(RowCheck row, Column column, boolean required, int min, int max) {
		String text = row.value(column, required);
		if (text.isEmpty()) {
			return -1;
		}
		int number = plainNumber(text);
		if (number < min || number > max) {
			row.bad(column);
			return -1;
		}
		return number;
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

}
