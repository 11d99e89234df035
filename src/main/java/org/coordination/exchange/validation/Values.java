package org.coordination.exchange.validation;

import org.coordination.exchange.record.Names;

/**
 * The SPEC's trimming of values (surrounding spaces and tabs), for the validator, the
 * duplicate check and the reference data. The parsers of the rules live with them: dates
 * in {@link DateRules}, whole numbers in {@link NumberRules}, text lengths in
 * {@link TextRules}.
 */
final class Values {

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

}
