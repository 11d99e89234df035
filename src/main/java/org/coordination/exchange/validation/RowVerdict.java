package org.coordination.exchange.validation;

import java.util.List;

import org.coordination.exchange.record.ExchangeRecord;

/**
 * The outcome of validating one row: either the accepted record, or the reason codes of
 * every rule it breaks, in the SPEC's order.
 *
 * @param record the accepted record, {@code null} when rejected
 * @param reasons the reason codes, empty when accepted
 */
public record RowVerdict(ExchangeRecord record, List<String> reasons) {

	public RowVerdict {
		reasons = (reasons != null) ? List.copyOf(reasons) : List.of();
		if ((record != null) == !reasons.isEmpty()) {
			throw new IllegalArgumentException("A verdict holds either a record or reasons: " + record + " " + reasons);
		}
	}

	public static RowVerdict accepted(ExchangeRecord record) {
		return new RowVerdict(record, List.of());
	}

	public static RowVerdict rejected(List<String> reasons) {
		return new RowVerdict(null, reasons);
	}

	public boolean accepted() {
		return this.record != null;
	}

}
