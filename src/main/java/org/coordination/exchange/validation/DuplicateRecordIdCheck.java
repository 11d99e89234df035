package org.coordination.exchange.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code DUPLICATE_RECORD_ID} rule of SPEC §3 for one file: a row whose
 * {@code record_id} equals that of a row accepted earlier in the same file is rejected;
 * the first accepted row wins, and a row after a rejected copy can still be accepted
 * because only accepted ids are remembered. Use one instance per file, rows in file
 * order.
 */
public final class DuplicateRecordIdCheck {

	static final String DUPLICATE_RECORD_ID = "DUPLICATE_RECORD_ID";

	private final AcceptedRecordIds acceptedIds;

	public DuplicateRecordIdCheck() {
		this(AcceptedRecordIds.inMemory());
	}

	public DuplicateRecordIdCheck(AcceptedRecordIds acceptedIds) {
		this.acceptedIds = acceptedIds;
	}

	/**
	 * Applies the rule to a row's verdict.
	 * @param verdict the row's verdict from {@link ExchangeRecordValidator}
	 * @param rawRecordId the row's {@code record_id} as read (trimmed here; may be
	 * {@code null})
	 * @return the verdict, or a rejection with {@code DUPLICATE_RECORD_ID} appended last
	 * to the verdict's own reasons
	 */
	public RowVerdict apply(RowVerdict verdict, String rawRecordId) {
		// an accepted row's id is its trimmed record_id: remembered and checked in one
		// probe
		boolean first = verdict.accepted() ? this.acceptedIds.addIfAbsent(verdict.record().recordId())
				: !this.acceptedIds.contains(Values.trim(rawRecordId));
		if (first) {
			return verdict;
		}
		List<String> reasons = new ArrayList<>(verdict.reasons().size() + 1);
		reasons.addAll(verdict.reasons());
		reasons.add(DUPLICATE_RECORD_ID);
		return RowVerdict.rejected(reasons);
	}

	public AcceptedRecordIds acceptedIds() {
		return this.acceptedIds;
	}

}
