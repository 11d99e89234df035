package org.coordination.exchange.input;

import java.io.IOException;

import com.opencsv.RFC4180Parser;
import com.opencsv.RFC4180ParserBuilder;

/**
 * Splits a framed record into its fields with OpenCSV's {@link RFC4180Parser} (a
 * backslash is an ordinary character), after taking away the spaces and tabs around
 * quoted fields ({@link QuotedFieldPadding}).
 */
final class FieldSplitter {

	private final char separator;

	private final RFC4180Parser parser;

	FieldSplitter(char separator) {
		this.separator = separator;
		this.parser = new RFC4180ParserBuilder().withSeparator(separator).build();
	}

	char separator() {
		return this.separator;
	}

	/**
	 * The record's fields, untrimmed.
	 * @param record the text of the record
	 * @param quoted whether the record holds a quote (else it has no padding to take
	 * away)
	 * @return the fields, or {@code null} when the record cannot be parsed
	 */
	String[] split(String record, boolean quoted) {
		String input = (quoted && QuotedFieldPadding.mayBePadded(record, this.separator))
				? QuotedFieldPadding.unpadQuotedFields(record, this.separator) : record;
		try {
			return this.parser.parseLine(input);
		}
		catch (IOException ex) {
			// RFC4180Parser does not throw, but a record it would reject is just
			// malformed
			return null;
		}
	}

}
