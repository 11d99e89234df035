package org.coordination.exchange.input;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.coordination.exchange.record.Column;

/**
 * Reads and checks a file's header (SPEC §2): the first line that is not blank, after a
 * byte-order mark. Its separator is the one given or, when none is, {@code ;} if it
 * occurs more often than {@code ,} in the header's first line; its names are mapped to
 * columns, and every required column must be there. A header that is not one (too long,
 * an unterminated quote, NUL bytes, CR-only line ends) is a file-level problem.
 */
final class HeaderReader {

	// a header line has names only; anything longer is not a header
	private static final int HEADER_LIMIT = 100_000;

	// no record may exceed this many characters, whatever the header
	private static final int RECORD_LIMIT_CAP = 1 << 24;

	private HeaderReader() {
	}

	/**
	 * Read the header, leaving {@code framer} at the first data record.
	 * @param file the input file, for messages
	 * @param lines the file's lines
	 * @param framer the framer over {@code lines}
	 * @param given the separator given, {@code null} to detect it
	 * @return the header
	 * @throws InputFileException when the file is empty or its header unusable
	 */
	static Header read(Path file, PhysicalLines lines, RecordFramer framer, Character given) {
		if (given != null) {
			lines.blankSeparator(given);
		}
		lines.skipByteOrderMark();
		int status;
		do {
			status = framer.frameText(HEADER_LIMIT);
		}
		while (status == RecordFramer.BLANK);
		long line = framer.recordLine();
		if (status == RecordFramer.END) {
			throw problem(file, 0, "file is empty (no header)");
		}
		if (status == RecordFramer.FIRST_LINE_TOO_LONG || status == RecordFramer.TOO_LONG) {
			throw problem(file, line, "header is longer than " + HEADER_LIMIT + " characters");
		}
		if (status == RecordFramer.UNCLOSED) {
			throw problem(file, line, "header has an unterminated quote");
		}
		if (framer.nul()) {
			throw problem(file, line, "not a CSV text file: the header holds NUL bytes"
					+ " (binary data, or UTF-16 text: then give --encoding UTF-16)");
		}
		String text = framer.text();
		int firstLineEnd = framer.firstLineEnd();
		int cr = text.indexOf('\r');
		if (cr >= 0 && cr < firstLineEnd && text.substring(cr, firstLineEnd).strip().length() > 0) {
			throw problem(file, line,
					"lines end with CR only (old Mac format): save the file with LF or CRLF line ends");
		}
		char separator = (given != null) ? given : detectSeparator(text, firstLineEnd);
		lines.blankSeparator(separator);
		FieldSplitter splitter = new FieldSplitter(separator);
		String[] names = splitter.split(text, framer.quotes() > 0);
		if (names == null) {
			throw problem(file, line, "header cannot be parsed");
		}
		HeaderMapping mapping;
		try {
			mapping = HeaderMapping.of(names);
		}
		catch (IllegalArgumentException ex) {
			throw problem(file, line, ex.getMessage());
		}
		List<Column> missing = mapping.missingRequired();
		if (!missing.isEmpty()) {
			String list = missing.stream()
				.map((column) -> "'" + column.header() + "'")
				.collect(Collectors.joining(", "));
			throw problem(file, line, "header lacks required column" + ((missing.size() > 1) ? "s " : " ") + list);
		}
		long limit = (long) mapping.size() * (2L * ExchangeFileReader.MAX_FIELD_LENGTH + 3)
				+ ExchangeFileReader.MAX_LINES;
		return new Header(mapping, splitter, (int) Math.min(limit, RECORD_LIMIT_CAP));
	}

	// the header's first physical line decides: ',' unless ';' occurs more often
	private static char detectSeparator(String text, int firstLineEnd) {
		int commas = 0;
		int semicolons = 0;
		for (int i = 0; i < firstLineEnd; i++) {
			char c = text.charAt(i);
			if (c == ',') {
				commas++;
			}
			else if (c == ';') {
				semicolons++;
			}
		}
		return (semicolons > commas) ? ';' : ',';
	}

	private static InputFileException problem(Path file, long line, String problem) {
		return new InputFileException(file, line, 0, problem, null);
	}

	/**
	 * A file's header, read and checked.
	 *
	 * @param mapping where each column sits
	 * @param splitter splits the file's records with the header's separator
	 * @param recordLimit the most characters a record of this header may have
	 */
	record Header(HeaderMapping mapping, FieldSplitter splitter, int recordLimit) {
	}

}
