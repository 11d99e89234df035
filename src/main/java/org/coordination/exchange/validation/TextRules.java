package org.coordination.exchange.validation;

import org.coordination.exchange.record.Column;

/**
 * The text rules of SPEC §2: {@code record_id} (required) is 1–64 characters of
 * {@code A–Z a–z 0–9 _ - .}; {@code agreement} and {@code capture_place} (optional) are
 * free text of at most 200 characters, counted as Unicode code points. A value that
 * breaks them is {@code BAD_VALUE}.
 */
final class TextRules {

	static final int MAX_RECORD_ID_LENGTH = 64;

	static final int MAX_TEXT_LENGTH = 200;

	private TextRules() {
	}

	/** The {@code record_id} as written (trimmed), {@code ""} if blank. */
	static String recordId(RowCheck row) {
		String recordId = row.value(Column.RECORD_ID, true);
		if (!recordId.isEmpty() && !isRecordId(recordId)) {
			row.bad(Column.RECORD_ID);
		}
		return recordId;
	}

	/** The {@code agreement} as written (trimmed), {@code ""} if blank. */
	static String agreement(RowCheck row) {
		return freeText(row, Column.AGREEMENT);
	}

	/** The {@code capture_place} as written (trimmed), {@code ""} if blank. */
	static String capturePlace(RowCheck row) {
		return freeText(row, Column.CAPTURE_PLACE);
	}

	/** Optional free text of bounded length. */
	private static String freeText(RowCheck row, Column column) {
		String text = row.value(column);
		if (longerThan(text, MAX_TEXT_LENGTH)) {
			row.bad(column);
		}
		return text;
	}

	private static boolean isRecordId(String value) {
		int length = value.length();
		if (length > MAX_RECORD_ID_LENGTH) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			char c = value.charAt(i);
			boolean allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'
					|| c == '-' || c == '.';
			if (!allowed) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether a text is longer than {@code max} characters, counting Unicode code points
	 * so that a character outside the BMP (an emoji) counts once.
	 */
	static boolean longerThan(String value, int max) {
		return value.length() > max && value.codePointCount(0, value.length()) > max;
	}

}
