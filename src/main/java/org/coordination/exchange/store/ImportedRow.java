package org.coordination.exchange.store;

import org.coordination.exchange.record.ExchangeRecord;
import org.coordination.exchange.record.RejectedRow;

/**
 * The outcome of one input row on its way to the store: either an accepted record or a
 * rejected row.
 *
 * @param lineNumber 1-based physical line where the row starts
 * @param accepted the accepted record, or {@code null}
 * @param rejected the rejected row, or {@code null}
 */
public record ImportedRow(long lineNumber, ExchangeRecord accepted, RejectedRow rejected) {

	public static ImportedRow accepted(long lineNumber, ExchangeRecord record) {
		return new ImportedRow(lineNumber, record, null);
	}

	public static ImportedRow rejected(RejectedRow row) {
		return new ImportedRow(row.lineNumber(), null, row);
	}

}
