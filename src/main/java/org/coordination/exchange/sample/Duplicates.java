package org.coordination.exchange.sample;

import org.coordination.exchange.record.Column;

/** Rows that repeat the record id of the last accepted row. */
final class Duplicates {

	static final String REASON = "DUPLICATE_RECORD_ID";

	private final SplitMix random;

	private final SampleCsv csv;

	private String[] lastValues;

	private String lastId;

	Duplicates(SplitMix random, SampleCsv csv) {
		this.random = random;
		this.csv = csv;
	}

	/** Remembers {@code row}, just accepted: only the last one is kept. */
	void accepted(Row row) {
		this.lastId = row.get(Column.RECORD_ID).strip();
		this.lastValues = row.copyValues();
	}

	boolean any() {
		return this.lastId != null;
	}

	/**
	 * Makes {@code row} the last accepted line exported twice or, as often, another row
	 * with its id. Only after a row has been accepted.
	 */
	void copyLast(Row row) {
		// a copy of a quoted line is not allowed where the row must hold no quote
		if (this.random.chance(0.5) && !(row.quoteFree && this.csv.holdsQuote(this.lastValues))) {
			row.setValues(this.lastValues);
		}
		else {
			row.set(Column.RECORD_ID, this.lastId);
		}
		row.reasons.add(REASON);
	}

	/** Gives {@code row} the id of the last accepted row, if there is one. */
	void reuseId(Row row) {
		if (any()) {
			row.set(Column.RECORD_ID, this.lastId);
			row.reasons.add(REASON);
		}
	}

}
