package org.coordination.exchange.input;

/**
 * Frames records over physical lines, RFC 4180 style (SPEC §2): a record ends at a line
 * end where the number of {@code "} seen so far is even, and spans at most
 * {@value ExchangeFileReader#MAX_LINES} lines. A record that cannot be framed is
 * malformed (SPEC §3 {@code MALFORMED_ROW}): it answers its first physical line as
 * {@code raw}, and reading resumes at the physical line after that one, so that one stray
 * quote costs one row, never the rest of the file.
 * <p>
 * A first line too long to be any record is cut to its first
 * {@value ExchangeFileReader#RAW_LIMIT} characters followed by {@code "…"}, and the rest
 * of it is skipped unread. A NUL character in {@code raw} is shown as {@code U+2400 ␀}.
 */
final class RecordFramer {

	// outcomes of frame()
	static final int END = 0;

	static final int BLANK = 1;

	static final int COMPLETE = 2;

	static final int FIRST_LINE_TOO_LONG = 3;

	static final int TOO_LONG = 4;

	static final int UNCLOSED = 5;

	/** How a NUL character is shown in {@code raw}: U+2400 SYMBOL FOR NULL. */
	static final char NUL_SYMBOL = '\u2400';

	private final PhysicalLines lines;

	// the record being framed: its text, lines joined with '\n' and without terminators
	private final StringBuilder text = new StringBuilder(1024);

	// or the record framed in place, when not null
	private String record;

	private long recordLine;

	private int firstLineEnd;

	private int quotes;

	// the record being framed holds a NUL character
	private boolean nul;

	private String cutRaw;

	RecordFramer(PhysicalLines lines) {
		this.lines = lines;
	}

	/**
	 * Frame the next record, without copying when it is one line by itself, reading at
	 * most {@code limit} characters of it.
	 * @return what was framed: {@link #END}, {@link #BLANK}, {@link #COMPLETE},
	 * {@link #FIRST_LINE_TOO_LONG}, {@link #TOO_LONG} or {@link #UNCLOSED}
	 */
	int frame(int limit) {
		this.recordLine = this.lines.line();
		this.record = this.lines.wholeLine(limit);
		if (this.record != null) {
			this.quotes = this.lines.quotes();
			this.nul = false;
			this.firstLineEnd = this.record.length();
			return COMPLETE;
		}
		return frameText(limit);
	}

	/**
	 * Frame the next record into {@link #text}, reading at most {@code limit} characters
	 * of it.
	 * @return what was framed, as {@link #frame} answers
	 */
	int frameText(int limit) {
		PhysicalLines lines = this.lines;
		this.recordLine = lines.line();
		this.record = null;
		this.text.setLength(0);
		this.quotes = 0;
		this.nul = false;
		if (!lines.readLine(this.text, limit)) {
			return END;
		}
		this.nul = lines.nul();
		if (lines.overflow()) {
			this.cutRaw = this.text.substring(0, Math.min(ExchangeFileReader.RAW_LIMIT, this.text.length())) + "…";
			lines.skipRestOfLine();
			return lines.lineBlank() ? BLANK : FIRST_LINE_TOO_LONG;
		}
		if (lines.lineBlank()) {
			return BLANK;
		}
		this.quotes = lines.quotes();
		this.firstLineEnd = this.text.length();
		int count = 1;
		while ((this.quotes & 1) != 0 && count < ExchangeFileReader.MAX_LINES && lines.lineTerminated()) {
			int length = this.text.length();
			this.text.append('\n');
			if (!lines.readLine(this.text, limit)) {
				this.text.setLength(length);
				break;
			}
			count++;
			this.nul |= lines.nul();
			if (lines.overflow()) {
				return TOO_LONG;
			}
			this.quotes += lines.quotes();
		}
		return ((this.quotes & 1) != 0) ? UNCLOSED : COMPLETE;
	}

	/**
	 * The record just framed is malformed: answer its first line and give the lines after
	 * it back to be read again, so that reading resumes at the next physical line.
	 */
	RawRecord malformed() {
		if (this.record != null) {
			// framed in place: one whole line, nothing to give back
			return new RawRecord(this.recordLine, this.record, null);
		}
		String raw = showNul(this.text.substring(0, this.firstLineEnd));
		if (this.text.length() > this.firstLineEnd) {
			this.lines.giveBack(this.text, this.firstLineEnd + 1, this.recordLine + 1);
		}
		return new RawRecord(this.recordLine, raw, null);
	}

	/** The first line just framed is too long to be any record: answer it, cut. */
	RawRecord firstLineTooLong() {
		return new RawRecord(this.recordLine, showNul(this.cutRaw), null);
	}

	/** NUL characters made visible, so that no report holds one. */
	static String showNul(String raw) {
		return (raw.indexOf('\0') >= 0) ? raw.replace('\0', NUL_SYMBOL) : raw;
	}

	/** The text of the record just framed. */
	String text() {
		return (this.record != null) ? this.record : this.text.toString();
	}

	/** The physical line where the record just framed starts. */
	long recordLine() {
		return this.recordLine;
	}

	/** The length of the first physical line of the record just framed. */
	int firstLineEnd() {
		return this.firstLineEnd;
	}

	/** The quotes in the record just framed. */
	int quotes() {
		return this.quotes;
	}

	/** Whether the record just framed holds a NUL character. */
	boolean nul() {
		return this.nul;
	}

}
