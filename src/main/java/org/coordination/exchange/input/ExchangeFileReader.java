package org.coordination.exchange.input;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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
 * Hostile content gets a clear answer: a file that is not text (an image, an archive, a
 * workbook saved under a {@code .csv} name, UTF-16 text read as UTF-8, NUL bytes in the
 * header), a byte-order mark that contradicts the encoding, a UTF-8 file read with a
 * single-byte encoding, and CR-only line ends are file-level problems; a data record
 * holding a NUL character is malformed, its {@code raw} showing each NUL as
 * {@code U+2400 ␀}.
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

	// bytes looked at to tell a binary or wrongly encoded file from CSV text
	private static final int SNIFF_SIZE = 1 << 16;

	/** How a NUL character is shown in {@code raw}: U+2400 SYMBOL FOR NULL. */
	static final char NUL_SYMBOL = '\u2400';

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

	// or the record framed in place by frameInBuffer, when not null
	private String record;

	private long recordLine;

	private int firstLineEnd;

	private int quotes;

	private boolean lineBlank;

	private boolean lineTerminated;

	private boolean overflow;

	// the record being framed holds a NUL character
	private boolean nul;

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
			in = sniffed(file, options.charset());
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof InputFileException inputFile) {
				throw inputFile;
			}
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

	/**
	 * Open the file and look at its first bytes before any of it is decoded: a file that
	 * is plainly not CSV text in the given encoding stops here with a message that says
	 * what it is.
	 */
	private static InputStream sniffed(Path file, Charset charset) throws IOException {
		PushbackInputStream in = new PushbackInputStream(Files.newInputStream(file), SNIFF_SIZE);
		try {
			byte[] head = new byte[SNIFF_SIZE];
			int length = in.readNBytes(head, 0, head.length);
			String problem = sniff(head, length, charset);
			if (problem != null) {
				throw new InputFileException(file, 0, 0, problem, null);
			}
			in.unread(head, 0, length);
			return in;
		}
		catch (IOException | RuntimeException ex) {
			in.close();
			throw ex;
		}
	}

	/**
	 * What is wrong with a file that starts with these bytes, or {@code null} when it may
	 * be CSV text in {@code charset}.
	 */
	static String sniff(byte[] head, int length, Charset charset) {
		String kind = binaryKind(head, length);
		if (kind != null) {
			return "not a CSV text file: it looks like " + kind;
		}
		String name = charset.name().toUpperCase(Locale.ROOT);
		boolean unicode = name.startsWith("UTF-16") || name.startsWith("UTF-32");
		boolean utf8 = charset.equals(StandardCharsets.UTF_8);
		if (!unicode && (startsWith(head, length, 0xFF, 0xFE) || startsWith(head, length, 0xFE, 0xFF))) {
			return "the file is UTF-16 text (it starts with a UTF-16 byte-order mark): give --encoding UTF-16";
		}
		if (!utf8 && !unicode && startsWith(head, length, 0xEF, 0xBB, 0xBF)) {
			return "the file is UTF-8 text (it starts with a UTF-8 byte-order mark), not " + charset.name()
					+ ": leave out --encoding";
		}
		if (!utf8 && !unicode && looksLikeUtf8(head, length)) {
			return "the file looks like UTF-8 text, not " + charset.name()
					+ ": leave out --encoding, or convert the file";
		}
		return null;
	}

	private static String binaryKind(byte[] head, int length) {
		if (startsWith(head, length, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return "a PNG image";
		}
		if (startsWith(head, length, 'P', 'K', 0x03, 0x04) || startsWith(head, length, 'P', 'K', 0x05, 0x06)
				|| startsWith(head, length, 'P', 'K', 0x07, 0x08)) {
			return "a ZIP archive (an .xlsx workbook is one: save it as CSV first)";
		}
		if (startsWith(head, length, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
			return "an Office document (.xls or .doc: save it as CSV first)";
		}
		if (startsWith(head, length, '%', 'P', 'D', 'F', '-')) {
			return "a PDF document";
		}
		if (startsWith(head, length, 0x1F, 0x8B)) {
			return "a gzip archive";
		}
		if (startsWith(head, length, 0xFF, 0xD8, 0xFF)) {
			return "a JPEG image";
		}
		if (startsWith(head, length, 'G', 'I', 'F', '8')) {
			return "a GIF image";
		}
		if (startsWith(head, length, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)) {
			return "a 7-Zip archive";
		}
		if (startsWith(head, length, 'R', 'a', 'r', '!', 0x1A, 0x07)) {
			return "a RAR archive";
		}
		if (startsWith(head, length, 0x7F, 'E', 'L', 'F')) {
			return "a program";
		}
		return null;
	}

	private static boolean startsWith(byte[] head, int length, int... signature) {
		if (length < signature.length) {
			return false;
		}
		for (int i = 0; i < signature.length; i++) {
			if ((head[i] & 0xFF) != signature[i]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether the bytes are valid UTF-8 with at least one character beyond ASCII: text in
	 * a single-byte encoding such as windows-1251 practically never is (two letters in a
	 * row break the UTF-8 rules), so such a file would be read as mojibake.
	 */
	private static boolean looksLikeUtf8(byte[] head, int length) {
		int end = length;
		boolean nonAscii = false;
		for (int i = 0; i < length; i++) {
			if (head[i] < 0) {
				nonAscii = true;
				break;
			}
		}
		if (!nonAscii) {
			return false;
		}
		if (length == head.length) {
			// the window may cut the last character: leave out its lead and continuation
			// bytes
			int i = length - 1;
			while (i > 0 && i > length - 4 && (head[i] & 0xC0) == 0x80) {
				i--;
			}
			if ((head[i] & 0xC0) == 0xC0) {
				end = i;
			}
		}
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try {
			decoder.decode(ByteBuffer.wrap(head, 0, end));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
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
			return new RawRecord(this.recordLine, showNul(this.cutRaw), null);
		}
		// a NUL is no character of any text: the record cannot be parsed
		if (status != COMPLETE || this.nul) {
			return malformed();
		}
		String record = (this.record != null) ? this.record : this.text.toString();
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
		if (this.nul) {
			throw problem(this.recordLine, "not a CSV text file: the header holds NUL bytes"
					+ " (binary data, or UTF-16 text: then give --encoding UTF-16)");
		}
		int cr = this.text.indexOf("\r");
		if (cr >= 0 && cr < this.firstLineEnd && this.text.substring(cr, this.firstLineEnd).strip().length() > 0) {
			throw problem(this.recordLine,
					"lines end with CR only (old Mac format): save the file with LF or CRLF line ends");
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
		this.record = null;
		if (this.header != null && frameInBuffer(limit)) {
			return COMPLETE;
		}
		this.text.setLength(0);
		this.quotes = 0;
		this.overflow = false;
		this.nul = false;
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
	 * The common case, framed without copying: a record that is one whole, non-blank line
	 * already in the buffer, with its quotes balanced and no NUL, becomes {@link #record}
	 * straight from the buffer (Latin-1 compact when it can be). Anything else is left
	 * untouched for the general path.
	 * @return whether the record was framed
	 */
	private boolean frameInBuffer(int limit) {
		char[] chars = this.buffer;
		int start = this.position;
		int end = Math.min(this.filled, start + limit + 1);
		int count = 0;
		int i = start;
		while (i < end) {
			char c = chars[i];
			// letters and digits, most of a record, are past '"' and need one comparison
			if (c <= '"') {
				if (c == '\n') {
					break;
				}
				if (c == '"') {
					count++;
				}
				else if (c == '\0') {
					return false;
				}
			}
			i++;
		}
		if (i == end || (count & 1) != 0 || isBlank(chars, start, i)) {
			return false;
		}
		int stop = (i > start && chars[i - 1] == '\r') ? i - 1 : i;
		this.record = new String(chars, start, stop - start);
		this.quotes = count;
		this.nul = false;
		this.overflow = false;
		this.firstLineEnd = this.record.length();
		this.lineBlank = false;
		this.lineTerminated = true;
		this.position = i + 1;
		this.line++;
		this.lineLength = 0;
		return true;
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
				else if (c == '\0') {
					this.nul = true;
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

	private boolean isBlank(char[] chars, int from, int to) {
		for (int i = from; i < to; i++) {
			if (!isBlank(chars[i])) {
				return false;
			}
		}
		return true;
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
		if (this.record != null) {
			// framed in place: one whole line, nothing to give back
			return new RawRecord(this.recordLine, this.record, null);
		}
		String raw = showNul(this.text.substring(0, this.firstLineEnd));
		if (this.text.length() > this.firstLineEnd) {
			pushBack(this.firstLineEnd + 1, this.lineTerminated);
			this.line = this.recordLine + 1;
			this.lineLength = 0;
		}
		return new RawRecord(this.recordLine, raw, null);
	}

	/** NUL characters made visible, so that no report holds one. */
	static String showNul(String raw) {
		return (raw.indexOf('\0') >= 0) ? raw.replace('\0', NUL_SYMBOL) : raw;
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
			String hint = this.charset.equals(StandardCharsets.UTF_8)
					? " (if the file is not UTF-8, give its encoding with --encoding, e.g. windows-1251)" : "";
			throw new InputFileException(this.file, this.line, column,
					"invalid " + this.charset.name() + " byte sequence" + hint, null);
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
		String input = (this.quotes > 0 && mayBePadded(record, this.separator))
				? unpadQuotedFields(record, this.separator) : record;
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

	// padding around a quoted field puts a padding character right next to a quote
	private static boolean mayBePadded(String record, char separator) {
		for (int i = record.indexOf('"'); i >= 0; i = record.indexOf('"', i + 1)) {
			if ((i > 0 && isPadding(record.charAt(i - 1), separator))
					|| (i + 1 < record.length() && isPadding(record.charAt(i + 1), separator))) {
				return true;
			}
		}
		return false;
	}

	private static boolean isPadding(char c, char separator) {
		return (c == ' ' || c == '\t') && c != separator;
	}

	private InputFileException problem(long line, String problem) {
		return new InputFileException(this.file, line, 0, problem, null);
	}

	/** A short reason for an I/O failure, without the file name the caller adds. */
	public static String reason(Throwable ex) {
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
