package org.coordination.exchange.record;

import java.util.Locale;

/**
 * The SPEC's matching rule for column names and coded values: case-insensitive, with
 * {@code _}, {@code -} and space alike, surrounding whitespace ignored.
 */
public final class Names {

	private Names() {
	}

	/** The key two names share exactly when the SPEC says they match. */
	public static String key(String name) {
		String trimmed = name.strip();
		StringBuilder key = new StringBuilder(trimmed.length());
		for (int i = 0; i < trimmed.length(); i++) {
			char c = trimmed.charAt(i);
			key.append((c == '-' || c == ' ') ? '_' : c);
		}
		return key.toString().toUpperCase(Locale.ROOT);
	}

	/** A value without its surrounding spaces and tabs: the SPEC's trimming of values. */
	public static String trim(String value) {
		int start = 0;
		int end = value.length();
		while (start < end && isSpaceOrTab(value.charAt(start))) {
			start++;
		}
		while (end > start && isSpaceOrTab(value.charAt(end - 1))) {
			end--;
		}
		return (start == 0 && end == value.length()) ? value : value.substring(start, end);
	}

	private static boolean isSpaceOrTab(char c) {
		return c == ' ' || c == '\t';
	}

}
