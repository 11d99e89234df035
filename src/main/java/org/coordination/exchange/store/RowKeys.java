package org.coordination.exchange.store;

/**
 * The numeric key of a staged record: {@code import_id * 2^32 + line_number}. An import's
 * rows are appended in file order and form one key range, which is how the store finds
 * them without a second index.
 */
final class RowKeys {

	private static final int LINE_BITS = 32;

	private RowKeys() {
	}

	static long of(long importId, long lineNumber) {
		if (lineNumber < 0 || lineNumber >= (1L << LINE_BITS)) {
			// four billion lines: far beyond any file the reader accepts in practice
			throw new IllegalArgumentException("line number out of range: " + lineNumber);
		}
		return (importId << LINE_BITS) | lineNumber;
	}

	/** The smallest key of an import's rows. */
	static long first(long importId) {
		return importId << LINE_BITS;
	}

	/** The largest key of an import's rows. */
	static long last(long importId) {
		return first(importId + 1) - 1;
	}

	/** The import a row belongs to. */
	static long importId(long rowKey) {
		return rowKey >>> LINE_BITS;
	}

	/**
	 * SQL for the import a row belongs to, computed from its key column: a condition on
	 * it can be checked in an index entry, which holds the key, without reading the row.
	 */
	static String importIdSql(String rowKeyColumn) {
		return "(" + rowKeyColumn + " / " + (1L << LINE_BITS) + ")";
	}

}
