package org.coordination.exchange.input;

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

	/** Whether the record could not be parsed (SPEC §3 {@code MALFORMED_ROW}). */
	public boolean malformed() {
		return this.fields == null;
	}

}
