package org.coordination.exchange.input;

import java.util.Arrays;

/**
 * One record of an input file as framed by {@link ExchangeFileReader}: where it starts,
 * its text and its fields, or no fields when it cannot be parsed ({@code MALFORMED_ROW}).
 *
 * @param lineNumber 1-based physical line where the record starts
 * @param raw the record as read, separators included, lines joined with {@code "\n"} and
 * without the final line terminator, cut to 10,000 characters and {@code "…"} when
 * longer; for a malformed record only its first physical line (cut the same way)
 * @param fields the parsed fields, untrimmed, as many as the header has; {@code null}
 * when the record is malformed
 */
public record RawRecord(long lineNumber, String raw, String[] fields) {

	/**
	 * Lets go of the record's fields once they are no longer needed: a holder of many
	 * records (a chunk of an import, until it is written) then keeps only their starts,
	 * however long their fields were.
	 */
	public void releaseFields() {
		if (this.fields != null) {
			Arrays.fill(this.fields, null);
		}
	}

	/** Whether the record could not be parsed (SPEC §3 {@code MALFORMED_ROW}). */
	public boolean malformed() {
		return this.fields == null;
	}

}
