package org.coordination.exchange.record;

import java.util.List;

/**
 * A row that was not accepted, with every reason it breaks, in the SPEC's order.
 *
 * @param sourceFile file name the row came from
 * @param lineNumber 1-based physical line where the row starts
 * @param recordId the row's record_id as read (trimmed), {@code ""} when unknown
 * @param reasons reason codes such as {@code BAD_VALUE:stage}
 * @param raw the row as read, separators included
 */
public record RejectedRow(String sourceFile, long lineNumber, String recordId, List<String> reasons, String raw) {

	public String reasonText() {
		return String.join(";", this.reasons);
	}

}
