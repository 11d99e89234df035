package org.coordination.exchange.sample;

/**
 * The kinds of invalid rows, in the order they are used: cyclically, so that a file of a
 * few thousand rows at 1% carries every reason code of SPEC §3.
 */
enum InvalidKind {

	MISSING_RECORD_ID(false), BAD_EXCHANGE_DATE(true), MALFORMED_FEW_FIELDS(false), BAD_STAGE(true), MISSING_SIDE(true),
	BAD_SERVICE_BRANCH(true), FUTURE_EXCHANGE_DATE(true), BAD_AGE(true), DUPLICATE_RECORD_ID(false),
	MISSING_RANK_GROUP(true), BAD_CONDITIONS(true), CAPTURE_AFTER_EXCHANGE(true), BAD_RECORD_ID(false),
	MISSING_CATEGORY(true), BAD_SIDE(true), MALFORMED_STRAY_QUOTE(false), BAD_CAPTURED_ON(true),
	MISSING_EXCHANGE_DATE(true), BAD_CATEGORY(true), BAD_RANK_GROUP(true), FUTURE_CAPTURED_ON(true), BAD_SEVERITY(true),
	MISSING_STAGE(true), BAD_AGREEMENT(true), MISSING_SERVICE_BRANCH(true), MALFORMED_EXTRA_FIELD(false),
	BAD_CAPTURE_PLACE(true), LONG_RECORD_ID(false), SEVERAL_WITH_DUPLICATE(false);

	private final boolean correctable;

	InvalidKind(boolean correctable) {
		this.correctable = correctable;
	}

	/**
	 * Whether its row keeps a fresh valid id, so that a corrected copy may follow it, as
	 * when a rejected record is sent again.
	 */
	boolean correctable() {
		return this.correctable;
	}

}
