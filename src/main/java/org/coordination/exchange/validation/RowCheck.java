package org.coordination.exchange.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import org.coordination.exchange.record.Column;

/**
 * One row being validated: its values and the reason codes found so far. The rule classes
 * read values through it and report into it, in the order they are called: a blank value
 * of a required column is {@code MISSING_VALUE}, a value a rule rejects is
 * {@code BAD_VALUE}. One instance per row; not thread-safe.
 */
final class RowCheck {

	// reason codes built once, indexed by column ordinal
	private static final String[] MISSING_VALUE = reasonCodes("MISSING_VALUE:");

	private static final String[] BAD_VALUE = reasonCodes("BAD_VALUE:");

	private final Function<Column, String> values;

	private final Predicate<Column> headerHas;

	/**
	 * {@code null} while the row breaks no rule, so a valid row allocates no list.
	 */
	private List<String> reasons;

	RowCheck(Function<Column, String> values, Predicate<Column> headerHas) {
		this.values = values;
		this.headerHas = headerHas;
	}

	/** The column's value, trimmed; {@code ""} when blank or absent from the header. */
	String value(Column column) {
		return this.headerHas.test(column) ? Values.trim(this.values.apply(column)) : "";
	}

	/**
	 * The column's value as {@link #value(Column)}, reporting {@code MISSING_VALUE} when
	 * it is blank and the column is required.
	 */
	String value(Column column, boolean required) {
		String text = value(column);
		if (required && text.isEmpty()) {
			reject(MISSING_VALUE[column.ordinal()]);
		}
		return text;
	}

	void bad(Column column) {
		reject(BAD_VALUE[column.ordinal()]);
	}

	void reject(String reason) {
		if (this.reasons == null) {
			this.reasons = new ArrayList<>(4);
		}
		this.reasons.add(reason);
	}

	/** The reason codes in the order reported, {@code null} if the row broke no rule. */
	List<String> reasons() {
		return this.reasons;
	}

	/** {@code prefix + header} for every column, indexed by column ordinal. */
	static String[] reasonCodes(String prefix) {
		Column[] columns = Column.values();
		String[] codes = new String[columns.length];
		for (Column column : columns) {
			codes[column.ordinal()] = prefix + column.header();
		}
		return codes;
	}

}
