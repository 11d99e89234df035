package org.coordination.exchange.sample;

import java.io.IOException;
import java.io.Writer;

import com.opencsv.CSVWriter;
import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;

import org.coordination.exchange.record.Column;

/**
 * The lines of a file as OpenCSV writes them: {@code ,} between fields, {@code \n} after
 * each line, and RFC 4180 quoting (a field holding a comma, quote or line break in
 * quotes, its quotes doubled).
 */
final class SampleCsv {

	private static final char SEPARATOR = ',';

	private static final String LINE_END = "\n";

	private final OfficeWriter quoting;

	private final ICSVWriter verbatim;

	/**
	 * Both writers write each line straight to {@code out}, so lines keep their order.
	 */
	SampleCsv(Writer out) {
		this.quoting = new OfficeWriter(out);
		// no CSV writer leaves a quote open: the one line with a stray quote goes through
		// a writer that writes every field as it is
		this.verbatim = new CSVWriterBuilder(out).withSeparator(SEPARATOR)
			.withQuoteChar(ICSVWriter.NO_QUOTE_CHARACTER)
			.withEscapeChar(ICSVWriter.NO_ESCAPE_CHARACTER)
			.withLineEnd(LINE_END)
			.build();
	}

	void header() throws IOException {
		Column[] columns = Column.values();
		String[] names = new String[columns.length];
		for (int i = 0; i < columns.length; i++) {
			names[i] = columns[i].header();
		}
		this.quoting.writeLine(names);
	}

	/**
	 * Writes one line.
	 * @param cells its fields
	 * @param strayQuote whether to write them as they are, without any quoting
	 */
	void write(String[] cells, boolean strayQuote) throws IOException {
		if (!strayQuote) {
			this.quoting.writeLine(cells);
			return;
		}
		this.verbatim.writeNext(cells, false);
		// OpenCSV keeps a failure of writeNext instead of throwing it
		IOException failure = this.verbatim.getException();
		if (failure != null) {
			throw failure;
		}
	}

	/**
	 * Whether the line of {@code cells} holds a quote: one of theirs, or quotes around
	 * one.
	 */
	boolean holdsQuote(String[] cells) {
		for (String cell : cells) {
			if (this.quoting.quotes(cell)) {
				return true;
			}
		}
		return false;
	}

	void flush() throws IOException {
		this.quoting.flush();
	}

	/**
	 * OpenCSV's RFC 4180 writer that also quotes fields holding {@code ;}, as office
	 * exports do: conditions listed with {@code ;} are then quoted, so a file has quoted
	 * fields in numbers, not only the few places with a comma.
	 */
	private static final class OfficeWriter extends CSVWriter {

		private final StringBuilder line = new StringBuilder(256);

		OfficeWriter(Writer out) {
			super(out, SEPARATOR, DEFAULT_QUOTE_CHARACTER, DEFAULT_ESCAPE_CHARACTER, LINE_END);
		}

		/**
		 * Writes one line, quoting only the fields that need it. One builder serves all
		 * lines (OpenCSV's own writeNext makes one per line), and a failure is thrown,
		 * not kept.
		 */
		void writeLine(String[] cells) throws IOException {
			this.line.setLength(0);
			writeNext(cells, false, this.line);
		}

		@Override
		protected boolean stringContainsSpecialCharacters(String field) {
			return field.indexOf(';') >= 0 || super.stringContainsSpecialCharacters(field);
		}

		boolean quotes(String field) {
			return stringContainsSpecialCharacters(field);
		}

	}

}
