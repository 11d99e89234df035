package org.coordination.exchange.report;

/**
 * The formula-injection guard of SPEC §5: a text cell that a spreadsheet could run as a
 * formula is prefixed with {@code '}. Shared by the CSV and the Excel writers.
 */
public final class SpreadsheetText {

	private SpreadsheetText() {
	}

	/**
	 * The text to write in a cell: prefixed with {@code '} when it begins with {@code =},
	 * {@code +}, {@code -}, {@code @}, a tab, a carriage return or a line feed.
	 * @param text the cell text, may be {@code null}
	 * @return the guarded text, {@code null} for {@code null}
	 */
	public static String guard(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		return switch (text.charAt(0)) {
			case '=', '+', '-', '@', '\t', '\r', '\n' -> "'" + text;
			default -> text;
		};
	}

}
