package org.coordination.exchange.input;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.coordination.exchange.record.Column;
import org.coordination.exchange.record.Names;

/**
 * Where each known {@link Column} sits in a file's header, matched by
 * {@link Names#key(String)} (SPEC §2), and which header names are unknown.
 */
public final class HeaderMapping {

	private static final Map<String, Column> COLUMNS_BY_KEY = new HashMap<>();

	static {
		for (Column column : Column.values()) {
			COLUMNS_BY_KEY.put(Names.key(column.header()), column);
		}
	}

	private final int[] indexes;

	private final List<String> unknownColumns;

	private final int size;

	private HeaderMapping(int[] indexes, List<String> unknownColumns, int size) {
		this.indexes = indexes;
		this.unknownColumns = unknownColumns;
		this.size = size;
	}

	/**
	 * Map header names to columns.
	 * @param names the header's fields as parsed
	 * @return the mapping
	 * @throws IllegalArgumentException when a known column appears more than once (the
	 * message names it, for example {@code header has column 'stage' more than once})
	 */
	public static HeaderMapping of(String... names) {
		int[] indexes = new int[Column.values().length];
		Arrays.fill(indexes, -1);
		List<String> unknown = new ArrayList<>();
		for (int i = 0; i < names.length; i++) {
			String name = (names[i] != null) ? names[i].strip() : "";
			Column column = COLUMNS_BY_KEY.get(Names.key(name));
			if (column == null) {
				// a blank name (a trailing separator) has nothing to warn about
				if (!name.isEmpty()) {
					unknown.add(name);
				}
			}
			else if (indexes[column.ordinal()] >= 0) {
				throw new IllegalArgumentException("header has column '" + column.header() + "' more than once");
			}
			else {
				indexes[column.ordinal()] = i;
			}
		}
		return new HeaderMapping(indexes, List.copyOf(unknown), names.length);
	}

	/** The column's field index, -1 when the header lacks it. */
	public int index(Column column) {
		return this.indexes[column.ordinal()];
	}

	public boolean has(Column column) {
		return index(column) >= 0;
	}

	/**
	 * The column's value in a record: trimmed of surrounding spaces and tabs, {@code ""}
	 * when the header lacks the column.
	 */
	public String value(String[] fields, Column column) {
		int index = index(column);
		if (index < 0 || index >= fields.length || fields[index] == null) {
			return "";
		}
		return trim(fields[index]);
	}

	/** Header names (surrounding whitespace removed) that match no column, in order. */
	public List<String> unknownColumns() {
		return this.unknownColumns;
	}

	/** The number of header fields, which every record must have. */
	public int size() {
		return this.size;
	}

	/** Required columns ({@link Column#requiredInHeader()}) the header lacks. */
	public List<Column> missingRequired() {
		List<Column> missing = new ArrayList<>();
		for (Column column : Column.values()) {
			if (column.requiredInHeader() && !has(column)) {
				missing.add(column);
			}
		}
		return missing;
	}

	static String trim(String value) {
		return Names.trim(value);
	}

}
