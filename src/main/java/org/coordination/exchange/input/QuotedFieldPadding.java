package org.coordination.exchange.input;

/**
 * A lenient extension to RFC 4180: spaces and tabs between a separator and a quoted field
 * are ignored ({@code a, "b,c" ,d} reads as {@code a}, {@code b,c}, {@code d}); such
 * padding would be trimmed from the value anyway.
 */
final class QuotedFieldPadding {

	private QuotedFieldPadding() {
	}

	/**
	 * Whether the record may have padding around a quoted field: a padding character
	 * right next to a quote. A cheap check that spares most records
	 * {@link #unpadQuotedFields}.
	 */
	static boolean mayBePadded(String record, char separator) {
		for (int i = record.indexOf('"'); i >= 0; i = record.indexOf('"', i + 1)) {
			if ((i > 0 && isPadding(record.charAt(i - 1), separator))
					|| (i + 1 < record.length() && isPadding(record.charAt(i + 1), separator))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Remove spaces and tabs around quoted fields (between the separator and the quotes)
	 * so that RFC4180Parser sees them as quoted. Anything it cannot make sense of is left
	 * as it is, for the parser to judge.
	 */
	static String unpadQuotedFields(String record, char separator) {
		int length = record.length();
		StringBuilder out = null;
		int copied = 0;
		int i = 0;
		while (true) {
			int j = i;
			while (j < length && isPadding(record.charAt(j), separator)) {
				j++;
			}
			if (j < length && record.charAt(j) == '"') {
				int k = j + 1;
				while (k < length) {
					if (record.charAt(k) == '"') {
						if (k + 1 < length && record.charAt(k + 1) == '"') {
							k += 2;
							continue;
						}
						break;
					}
					k++;
				}
				if (k >= length) {
					break;
				}
				int m = k + 1;
				while (m < length && isPadding(record.charAt(m), separator)) {
					m++;
				}
				if (m < length && record.charAt(m) != separator) {
					break;
				}
				if (j > i || m > k + 1) {
					if (out == null) {
						out = new StringBuilder(length);
					}
					out.append(record, copied, i).append(record, j, k + 1);
					copied = m;
				}
				if (m == length) {
					break;
				}
				i = m + 1;
			}
			else {
				int next = record.indexOf(separator, i);
				if (next < 0) {
					break;
				}
				i = next + 1;
			}
		}
		return (out != null) ? out.append(record, copied, length).toString() : record;
	}

	private static boolean isPadding(char c, char separator) {
		return (c == ' ' || c == '\t') && c != separator;
	}

}
