package org.coordination.exchange.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.coordination.exchange.record.Category;
import org.coordination.exchange.record.Column;
import org.coordination.exchange.record.Side;

/**
 * The row being built: its values by column, whom it is about, and what the export did to
 * it. One instance serves every row of a run, as files of millions of rows are streamed.
 */
final class Row {

	static final int FIELDS = Column.values().length;

	private final String[] values = new String[FIELDS];

	/** The reason codes the importer will give the row; none for a valid row. */
	final List<String> reasons = new ArrayList<>(4);

	Side side;

	Category category;

	/** The exchange date, before any spoiling. */
	LocalDate date;

	/** Dates of this row are written {@code dd.MM.yyyy}. */
	boolean dotted;

	/**
	 * Within ten rows of a stray quote: no value may need quotes, or its quote would
	 * close the stray one and the importer would lose more than that one row.
	 */
	boolean quoteFree;

	private Shape shape;

	private int dropped;

	/** Starts the next row, forgetting what the last one was and how it was spoiled. */
	void start(Side side, boolean quoteFree) {
		this.side = side;
		this.quoteFree = quoteFree;
		this.shape = Shape.WHOLE;
		this.reasons.clear();
	}

	String get(Column column) {
		return this.values[column.ordinal()];
	}

	void set(Column column, String value) {
		this.values[column.ordinal()] = value;
	}

	String[] copyValues() {
		return this.values.clone();
	}

	void setValues(String[] values) {
		System.arraycopy(values, 0, this.values, 0, FIELDS);
	}

	/** Gives the row the reason code {@code BAD_VALUE:column}. */
	void badValue(Column column) {
		this.reasons.add("BAD_VALUE:" + column.header());
	}

	Shape shape() {
		return this.shape;
	}

	/** The row is written with one field fewer. */
	void drop(Column column) {
		this.shape = Shape.FIELD_DROPPED;
		this.dropped = column.ordinal();
	}

	void spoil(Shape shape) {
		this.shape = shape;
	}

	/** The fields of the line as the export wrote them. */
	String[] cells() {
		return switch (this.shape) {
			case WHOLE, STRAY_QUOTE -> this.values;
			case FIELD_DROPPED -> {
				String[] cells = new String[FIELDS - 1];
				System.arraycopy(this.values, 0, cells, 0, this.dropped);
				System.arraycopy(this.values, this.dropped + 1, cells, this.dropped, FIELDS - 1 - this.dropped);
				yield cells;
			}
			case PLACE_UNQUOTED -> {
				// the place's comma, not quoted, separates two fields
				int place = Column.CAPTURE_PLACE.ordinal();
				String text = this.values[place];
				int comma = text.indexOf(',');
				String[] cells = Arrays.copyOf(this.values, FIELDS + 1);
				cells[place] = text.substring(0, comma);
				cells[place + 1] = text.substring(comma + 1);
				System.arraycopy(this.values, place + 1, cells, place + 2, FIELDS - place - 1);
				yield cells;
			}
		};
	}

	/** What the export did to a row's line. */
	enum Shape {

		/** Thirteen fields, quoted where needed. */
		WHOLE,
		/** One field left out. */
		FIELD_DROPPED,
		/** A place with a comma the export forgot to quote: fourteen fields. */
		PLACE_UNQUOTED,
		/** A place opening a quote that is never closed. */
		STRAY_QUOTE

	}

}
