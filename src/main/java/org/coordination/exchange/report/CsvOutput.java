package org.coordination.exchange.report;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * RFC 4180 rows for the CSV reports: comma separated, {@code \n} line ends, a field
 * quoted only when it holds a comma, a quote or a line break. Text cells pass through
 * {@link SpreadsheetText#guard}; numbers and dates are never guarded nor localised.
 */
public final class CsvOutput {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");

	private final Writer out;

	private boolean rowStarted;

	public CsvOutput(Writer out) {
		this.out = out;
	}

	/** A header line of fixed column names. */
	public void header(String... columns) throws IOException {
		for (String column : columns) {
			field(column);
		}
		endRow();
	}

	/** A text cell, guarded against formulas; {@code null} is an empty cell. */
	public CsvOutput text(String value) throws IOException {
		return field((value != null) ? SpreadsheetText.guard(value) : "");
	}

	public CsvOutput number(long value) throws IOException {
		return field(Long.toString(value));
	}

	/** A whole number, {@code null} is an empty cell. */
	public CsvOutput number(Integer value) throws IOException {
		return field((value != null) ? value.toString() : "");
	}

	/** A statistic written with exactly one decimal; {@code null} is an empty cell. */
	public CsvOutput decimal(BigDecimal value) throws IOException {
		return field((value != null) ? value.setScale(1, RoundingMode.HALF_UP).toPlainString() : "");
	}

	public CsvOutput date(LocalDate value) throws IOException {
		return field((value != null) ? DATE.format(value) : "");
	}

	public void endRow() throws IOException {
		this.out.write('\n');
		this.rowStarted = false;
	}

	private CsvOutput field(String value) throws IOException {
		if (this.rowStarted) {
			this.out.write(',');
		}
		this.rowStarted = true;
		if (needsQuotes(value)) {
			this.out.write('"');
			this.out.write(value.replace("\"", "\"\""));
			this.out.write('"');
		}
		else {
			this.out.write(value);
		}
		return this;
	}

	private static boolean needsQuotes(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == ',' || c == '"' || c == '\r' || c == '\n') {
				return true;
			}
		}
		return false;
	}

}
