package org.coordination.exchange.record;

/**
 * The input columns of SPEC §2, declared in the order of its columns table: reason codes
 * of one row are listed in this order.
 */
public enum Column {

	RECORD_ID("record_id", true), EXCHANGE_DATE("exchange_date", true), AGREEMENT("agreement", false),
	STAGE("stage", true), SIDE("side", true), CATEGORY("category", true), SERVICE_BRANCH("service_branch", false),
	RANK_GROUP("rank_group", false), AGE("age", false), CAPTURED_ON("captured_on", false),
	CAPTURE_PLACE("capture_place", false), CONDITIONS("conditions", false), SEVERITY("severity", false);

	private final String header;

	private final boolean requiredInHeader;

	Column(String header, boolean requiredInHeader) {
		this.header = header;
		this.requiredInHeader = requiredInHeader;
	}

	/** The column's name as the SPEC writes it, used in reason codes and messages. */
	public String header() {
		return this.header;
	}

	/** Whether a file's header must contain this column. */
	public boolean requiredInHeader() {
		return this.requiredInHeader;
	}

}
