package org.coordination.exchange.input;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import com.opencsv.RFC4180Parser;
import com.opencsv.RFC4180ParserBuilder;

import org.coordination.exchange.record.Column;

/**
 * Reads one input file (SPEC §2) record by record, framing records itself so that one
 * stray quote costs one row (SPEC §3 {@code MALFORMED_ROW}), never the rest of the file.
 * <p>
 * Physical lines are scanned character by character; a record ends at a line end where
 * the number of {@code "} seen so far is even. A record may span at most
 * {@value #MAX_LINES} lines and its fields, split by OpenCSV's {@link RFC4180Parser} (a
 * backslash is an ordinary character), must match the header in number and hold at most
 * {@value #MAX_FIELD_LENGTH} characters each. A record that breaks a rule is returned as
 * malformed with its first physical line as {@code raw}, and reading resumes at the
 * physical line after that one.
 * <p>
 * Memory stays bounded: at most one record is held, and no record can be longer than the
 * header's field count times the longest quoted field. A longer first line (say 50 MB
 * without a line break) is malformed at once; its {@code raw} is cut to its first
 * {@value #RAW_LIMIT} characters followed by {@code "…"} and the rest of the line is
 * skipped unread.
 * <p>
 * As a lenient extension, spaces and tabs between a separator and a quoted field are
 * ignored ({@code a, "b,c" ,d} reads as {@code a}, {@code b,c}, {@code d}); such padding
 * would be trimmed from the value anyway.
 * <p>
 * Not thread-safe.
 */
public final class ExchangeFileReader implements Closeable {

	/** Most physical lines one record may span (SPEC §2). */
	public static final int MAX_LINES = 10;

	/** Most characters one field may hold (SPEC §2). */
	public static final int MAX_FIELD_LENGTH = 10_000;

	/** Characters kept of a first line too long to be any record. */
	public static final int RAW_LIMIT = 10_000;

	// a header line has names only; anything longer is not a header
	private static final int HEADER_LIMIT = 100_000;

	// no record may exceed this many characters, whatever the header
	private static final int RECORD_LIMIT_CAP = 1 << 24;

	private static final int BUFFER_SIZE = 1 << 16;

	// outcomes of frame()
	private static final int END = 0;

	private static final int BLANK = 1;

	private static final int COMPLETE = 2;

	private static final int FIRST_LINE_TOO_LONG = 3;

	private static final int TOO_LONG = 4;

	private static final int UNCLOSED = 5;

	private final Path file;

	private final Charset charset;

	private final DecodingSource source;

	private char[] buffer = new char[BUFFER_SIZE];

	private int position;

	private int filled;

	private boolean endOfFile;

	private boolean closed;

	// the physical line the next character belongs to, and how much of it was consumed
	private long line = 1;

	private long lineLength;

	// the record being framed: its text, lines joined with '\n' and without terminators
	private final StringBuilder text = new StringBuilder(1024);

	private long recordLine;

	private int firstLineEnd;

	private int quotes;

	private boolean lineBlank;

	private boolean lineTerminated;

	private boolean overflow;

	private String cutRaw;

	// characters besides whitespace that make a line blank; before the header is read
	// the separator is not known, so both candidates count
	private char blank1 = ',';

	private char blank2 = ';';

	private char separator;

	private RFC4180Parser parser;

	private HeaderMapping header;

	private int recordLimit;

	private ExchangeFileReader(Path file, Charset charset, InputStream in) {
		this.file = file;
		this.charset = charset;
		this.source = new DecodingSource(in, charset, BUFFER_SIZE);
	}

	/**
	 * Open a file and read up to and including its header.
	 * @param file the input file
	 * @param options encoding and separator
	 * @return the reader, positioned at the first data record
	 * @throws InputFileException when the file is unreadable or empty, or its header is
	 * unusable (a required column missing, a known column repeated)
	 */
	public static ExchangeFileReader open(Path file, CsvOptions options) {
		if (Files.isDirectory(file)) {
			throw new InputFileException(file, 0, 0, "cannot read file: it is a directory", null);
		}
		InputStream in;
		try {
			in = Files.newInputStream(file);
		}
		catch (IOException | RuntimeException ex) {
			throw new InputFileException(file, 0, 0, "cannot read file: " + reason(ex), ex);
		}
		ExchangeFileReader reader = new ExchangeFileReader(file, options.charset(), in);
		try {
			reader.readHeader(options.separator());
		}
		catch (RuntimeException ex) {
			reader.close();
			throw ex;
		}
		return reader;
	}

	/** The file being read. */
	public Path file() {
		return this.file;
	}

	/** Bytes of the file read so far (for progress and ETA; includes the header). */
	public long bytesRead() {
		return this.source.bytesRead();
	}

	/** The file's header. */
	public HeaderMapping header() {
		return this.header;
	}

	/** The separator in use, given or detected. */
	public char separator() {
		return this.separator;
	}

	/**
	 * Read the next data record; blank lines are skipped.
	 * @return the record, malformed or not, or {@code null} at the end of the file
	 * @throws InputFileException when the file cannot be read or decoded
	 */
	public RawRecord next() {
		if (this.closed) {
			throw new IllegalStateException("reader is closed");
		}
		int status;
		do {
			status = frame(this.recordLimit);
		}
		while (status == BLANK);
		if (status == END) {
			return null;
		}
		if (status == FIRST_LINE_TOO_LONG) {
			return new RawRecord(this.recordLine, this.cutRaw, null);
		}
		if (status != COMPLETE) {
			return malformed();
		}
		String record = this.text.toString();
		String[] fields = split(record);
		if (fields == null || fields.length != this.header.size() || hasTooLongField(fields)) {
			return malformed();
		}
		return new RawRecord(this.recordLine, record, fields);
	}

	/**
	 * Read and discard records, as {@link #next()} would return them, to resume an
	 * interrupted import where it stopped.
	 * @param records how many records to skip; fewer are skipped when the file ends
	 */
	public void skip(long records) {
		for (long i = 0; i < records; i++) {
			if (next() == null) {
				return;
			}
		}
	}

	@Override
	public void close() {
		if (!this.closed) {
			this.closed = true;
			try {
				this.source.close();
			}
			catch (IOException ex) {
				// nothing was written; a failed close loses nothing
			}
		}
	}

	private void readHeader(Character given) {
		if (given != null) {
			this.blank1 = given;
			this.blank2 = given;
		}
		if ((this.position < this.filled || fill()) && this.buffer[this.position] == '\uFEFF') {
			this.position++;
		}
		int status;
		do {
			status = frame(HEADER_LIMIT);
		}
		while (status == BLANK);
		if (status == END) {
			throw problem(0, "file is empty (no header)");
		}
		if (status == FIRST_LINE_TOO_LONG || status == TOO_LONG) {
			throw problem(this.recordLine, "header is longer than " + HEADER_LIMIT + " characters");
		}
		if (status == UNCLOSED) {
			throw problem(this.recordLine, "header has an unterminated quote");
		}
		this.separator = (given != null) ? given : detectSeparator();
		this.blank1 = this.separator;
		this.blank2 = this.separator;
		this.parser = new RFC4180ParserBuilder().withSeparator(this.separator).build();
		String[] names = split(this.text.toString());
		if (names == null) {
			throw problem(this.recordLine, "header cannot be parsed");
		}
		try {
			this.header = HeaderMapping.of(names);
		}
		catch (IllegalArgumentException ex) {
			throw problem(this.recordLine, ex.getMessage());
		}
		List<Column> missing = this.header.missingRequired();
		if (!missing.isEmpty()) {
			String list = missing.stream()
				.map((column) -> "'" + column.header() + "'")
				.collect(Collectors.joining(", "));
			throw problem(this.recordLine, "header lacks required column" + ((missing.size() > 1) ? "s " : " ") + list);
		}
		long limit = (long) this.header.size() * (2L * MAX_FIELD_LENGTH + 3) + MAX_LINES;
		this.recordLimit = (int) Math.min(limit, RECORD_LIMIT_CAP);
	}

	// the header's first physical line decides: ',' unless ';' occurs more often
	private char detectSeparator() {
		int commas = 0;
		int semicolons = 0;
		for (int i = 0; i < this.firstLineEnd; i++) {
			char c = this.text.charAt(i);
			if (c == ',') {
				commas++;
			}
			else if (c == ';') {
				semicolons++;
			}
		}
		return (semicolons > commas) ? ';' : ',';
	}

	/**
	 * Frame the next record into {@link #text}, reading at most {@code limit} characters
	 * of it.
	 */
	private int frame(int limit) {
		this.recordLine = this.line;
		this.text.setLength(0);
		this.quotes = 0;
		this.overflow = false;
		if (!readLine(limit)) {
			return END;
		}
		if (this.overflow) {
			this.cutRaw = this.text.substring(0, Math.min(RAW_LIMIT, this.text.length())) + "…";
			skipRestOfLine();
			return this.lineBlank ? BLANK : FIRST_LINE_TOO_LONG;
		}
		if (this.lineBlank) {
			return BLANK;
		}
		this.firstLineEnd = this.text.length();
		int lines = 1;
		while ((this.quotes & 1) != 0 && lines < MAX_LINES && this.lineTerminated) {
			int length = this.text.length();
			this.text.append('\n');
			if (!readLine(limit)) {
				this.text.setLength(length);
				break;
			}
			lines++;
			if (this.overflow) {
				return TOO_LONG;
			}
		}
		return ((this.quotes & 1) != 0) ? UNCLOSED : COMPLETE;
	}

	/**
	 * Append one physical line, without its terminator, to {@link #text}, counting its
	 * quotes and noting whether it is blank. Stops early, leaving the rest of the line
	 * unread, once {@code text} would exceed {@code limit} characters.
	 * @return false when there was nothing left to read
	 */
	private boolean readLine(int limit) {
		int start = this.text.length();
		boolean read = false;
		boolean blank = true;
		int count = 0;
		this.lineTerminated = false;
		while (this.position < this.filled || fill()) {
			read = true;
			char[] chars = this.buffer;
			int end = this.filled;
			int i = this.position;
			while (i < end) {
				char c = chars[i];
				if (c == '\n') {
					break;
				}
				if (c == '"') {
					count++;
					blank = false;
				}
				else if (blank && !isBlank(c)) {
					blank = false;
				}
				i++;
			}
			int span = i - this.position;
			int room = Math.max(0, limit - this.text.length());
			if (span > room) {
				this.text.append(chars, this.position, room);
				this.position += room;
				this.lineLength += room;
				this.overflow = true;
				this.lineBlank = blank;
				return true;
			}
			this.text.append(chars, this.position, span);
			this.position = i;
			this.lineLength += span;
			if (i < end) {
				this.position++;
				this.line++;
				this.lineLength = 0;
				this.lineTerminated = true;
				break;
			}
		}
		this.lineBlank = blank;
		this.quotes += count;
		if (!read) {
			return false;
		}
		int length = this.text.length();
		if (length > start && this.text.charAt(length - 1) == '\r') {
			this.text.setLength(length - 1);
		}
		return true;
	}

	/**
	 * Discard the rest of the current physical line, still noting whether it is blank.
	 */
	private void skipRestOfLine() {
		boolean blank = this.lineBlank;
		while (this.position < this.filled || fill()) {
			char[] chars = this.buffer;
			int end = this.filled;
			int i = this.position;
			while (i < end && chars[i] != '\n') {
				if (blank && !isBlank(chars[i])) {
					blank = false;
				}
				i++;
			}
			this.lineLength += i - this.position;
			this.position = i;
			if (i < end) {
				this.position++;
				this.line++;
				this.lineLength = 0;
				this.lineTerminated = true;
				break;
			}
		}
		this.lineBlank = blank;
	}

	private boolean isBlank(char c) {
		return c == ' ' || c == '\t' || c == '\r' || c == this.blank1 || c == this.blank2 || c == '\u00A0'
				|| Character.isWhitespace(c);
	}

	/**
	 * The record just framed is malformed: answer its first line and give the lines after
	 * it back to be read again, so that reading resumes at the next physical line.
	 */
	private RawRecord malformed() {
		String raw = this.text.substring(0, this.firstLineEnd);
		if (this.text.length() > this.firstLineEnd) {
			pushBack(this.firstLineEnd + 1, this.lineTerminated);
			this.line = this.recordLine + 1;
			this.lineLength = 0;
		}
		return new RawRecord(this.recordLine, raw, null);
	}

	private void pushBack(int from, boolean terminated) {
		int count = this.text.length() - from + (terminated ? 1 : 0);
		int remaining = this.filled - this.position;
		char[] target = this.buffer;
		int at = this.position - count;
		if (at < 0) {
			target = new char[Math.max(this.buffer.length, count + remaining)];
			System.arraycopy(this.buffer, this.position, target, count, remaining);
			at = 0;
			this.filled = count + remaining;
			this.buffer = target;
		}
		this.text.getChars(from, this.text.length(), target, at);
		if (terminated) {
			target[at + count - 1] = '\n';
		}
		this.position = at;
	}

	private boolean fill() {
		if (this.endOfFile) {
			return false;
		}
		int count;
		try {
			count = this.source.read(this.buffer, 0, this.buffer.length);
		}
		catch (IOException | RuntimeException ex) {
			throw new InputFileException(this.file, this.line, 0, "cannot read file: " + reason(ex), ex);
		}
		if (count == DecodingSource.INVALID) {
			int column = (int) Math.min(this.lineLength + 1, Integer.MAX_VALUE);
			throw new InputFileException(this.file, this.line, column,
					"invalid " + this.charset.name() + " byte sequence", null);
		}
		if (count < 0) {
			this.endOfFile = true;
			return false;
		}
		this.position = 0;
		this.filled = count;
		return true;
	}

	private String[] split(String record) {
		String input = (this.quotes > 0) ? unpadQuotedFields(record, this.separator) : record;
		try {
			return this.parser.parseLine(input);
		}
		catch (IOException ex) {
			// RFC4180Parser does not throw, but a record it would reject is just
			// malformed
			return null;
		}
	}

	private static boolean hasTooLongField(String[] fields) {
		for (String field : fields) {
			if (field != null && field.length() > MAX_FIELD_LENGTH) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Remove spaces and tabs around quoted fields (between the separator and the quotes)
	 * so that RFC4180Parser sees them as quoted. Anything it cannot make sense of is left
	 * as it is, for the parser to judge.
	 */
	static String unpadQuotedFields(String record, char separator) {
		int length = record.length();
		StringBuilder out = null;
		int copied = 0;
		int i = 0;
		while (true) {
			int j = i;
			while (j < length && isPadding(record.charAt(j), separator)) {
				j++;
			}
			if (j < length && record.charAt(j) == '"') {
				int k = j + 1;
				while (k < length) {
					if (record.charAt(k) == '"') {
						if (k + 1 < length && record.charAt(k + 1) == '"') {
							k += 2;
							continue;
						}
						break;
					}
					k++;
				}
				if (k >= length) {
					break;
				}
				int m = k + 1;
				while (m < length && isPadding(record.charAt(m), separator)) {
					m++;
				}
				if (m < length && record.charAt(m) != separator) {
					break;
				}
				if (j > i || m > k + 1) {
					if (out == null) {
						out = new StringBuilder(length);
					}
					out.append(record, copied, i).append(record, j, k + 1);
					copied = m;
				}
				if (m == length) {
					break;
				}
				i = m + 1;
			}
			else {
				int next = record.indexOf(separator, i);
				if (next < 0) {
					break;
				}
				i = next + 1;
			}
		}
		return (out != null) ? out.append(record, copied, length).toString() : record;
	}

	private static boolean isPadding(char c, char separator) {
		return (c == ' ' || c == '\t') && c != separator;
	}

	private InputFileException problem(long line, String problem) {
		return new InputFileException(this.file, line, 0, problem, null);
	}

	/** A short reason for an I/O failure, without the file name the caller adds. */
	static String reason(Throwable ex) {
		if (ex instanceof UncheckedIOException && ex.getCause() != null) {
			return reason(ex.getCause());
		}
		if (ex instanceof NoSuchFileException) {
			return "no such file";
		}
		if (ex instanceof AccessDeniedException) {
			return "permission denied";
		}
		if (ex instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
			return fileSystem.getReason();
		}
		String message = ex.getMessage();
		return (message != null && !message.isBlank()) ? message : ex.getClass().getSimpleName();
	}

}
