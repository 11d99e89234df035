package org.coordination.exchange.input;

/**
 * The decoded characters of one input file, taken physical line by physical line: a line
 * ends at {@code '\n'}, and a {@code '\r'} right before it is no part of it. The line
 * number and column of the next character are kept for error messages. While a line is
 * scanned its quotes are counted, a NUL character in it is noted, and so is whether it is
 * blank: whitespace and the separator only (both candidate separators until the separator
 * is known).
 * <p>
 * Characters are scanned in place in one buffer; those of lines already taken can be
 * given back to be read again.
 */
final class PhysicalLines {

	private static final int BUFFER_SIZE = 1 << 16;

	private final FileCharacters characters;

	private char[] buffer = new char[BUFFER_SIZE];

	private int position;

	private int filled;

	private boolean endOfFile;

	// the physical line the next character belongs to, and how much of it was consumed
	private long line = 1;

	private long lineLength;

	// the line last taken: its quotes, whether it holds a NUL character, is blank, ended
	// with '\n', and was cut at the limit
	private int quotes;

	private boolean nul;

	private boolean lineBlank;

	private boolean lineTerminated;

	private boolean overflow;

	// characters besides whitespace that make a line blank; before the header is read
	// the separator is not known, so both candidates count
	private char blank1 = ',';

	private char blank2 = ';';

	PhysicalLines(FileCharacters characters) {
		this.characters = characters;
	}

	/** Make {@code separator} the one character besides whitespace of a blank line. */
	void blankSeparator(char separator) {
		this.blank1 = separator;
		this.blank2 = separator;
	}

	/** Skip a byte-order mark at the start of the file. */
	void skipByteOrderMark() {
		if ((this.position < this.filled || fill()) && this.buffer[this.position] == '\uFEFF') {
			this.position++;
		}
	}

	/**
	 * The common case, taken without copying: the next line, when it is whole in the
	 * buffer, not blank, with its quotes balanced and no NUL, so that it is a record by
	 * itself (Latin-1 compact when it can be). Anything else is left untouched.
	 * @return the line without its terminator, or {@code null}
	 */
	String wholeLine(int limit) {
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
					return null;
				}
			}
			i++;
		}
		if (i == end || (count & 1) != 0 || isBlank(chars, start, i)) {
			return null;
		}
		int stop = (i > start && chars[i - 1] == '\r') ? i - 1 : i;
		String whole = new String(chars, start, stop - start);
		this.quotes = count;
		this.nul = false;
		this.overflow = false;
		this.lineBlank = false;
		this.lineTerminated = true;
		this.position = i + 1;
		this.line++;
		this.lineLength = 0;
		return whole;
	}

	/**
	 * Append one physical line, without its terminator, to {@code text}. Stops early,
	 * leaving the rest of the line unread, once {@code text} would exceed {@code limit}
	 * characters.
	 * @return false when there was nothing left to read
	 */
	boolean readLine(StringBuilder text, int limit) {
		int start = text.length();
		boolean read = false;
		boolean blank = true;
		int count = 0;
		this.nul = false;
		this.overflow = false;
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
			int room = Math.max(0, limit - text.length());
			if (span > room) {
				text.append(chars, this.position, room);
				this.position += room;
				this.lineLength += room;
				this.overflow = true;
				this.lineBlank = blank;
				return true;
			}
			text.append(chars, this.position, span);
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
		this.quotes = count;
		if (!read) {
			return false;
		}
		int length = text.length();
		if (length > start && text.charAt(length - 1) == '\r') {
			text.setLength(length - 1);
		}
		return true;
	}

	/**
	 * Discard the rest of the current physical line, still noting whether it is blank.
	 */
	void skipRestOfLine() {
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

	/**
	 * Give back lines already taken, {@code text} from {@code from} on (lines joined with
	 * {@code '\n'}) and the last line's terminator when it had one, to be read again as
	 * from the start of line {@code line}.
	 */
	void giveBack(StringBuilder text, int from, long line) {
		boolean terminated = this.lineTerminated;
		int count = text.length() - from + (terminated ? 1 : 0);
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
		text.getChars(from, text.length(), target, at);
		if (terminated) {
			target[at + count - 1] = '\n';
		}
		this.position = at;
		this.line = line;
		this.lineLength = 0;
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

	private boolean fill() {
		if (this.endOfFile) {
			return false;
		}
		int count = this.characters.read(this.buffer, this.line, this.lineLength);
		if (count < 0) {
			this.endOfFile = true;
			return false;
		}
		this.position = 0;
		this.filled = count;
		return true;
	}

	/** The physical line the next character belongs to. */
	long line() {
		return this.line;
	}

	/** The quotes in the line last taken. */
	int quotes() {
		return this.quotes;
	}

	/** Whether the line last taken holds a NUL character. */
	boolean nul() {
		return this.nul;
	}

	/** Whether the line last taken is blank. */
	boolean lineBlank() {
		return this.lineBlank;
	}

	/**
	 * Whether the line last taken ended with {@code '\n'} (not at the end of the file).
	 */
	boolean lineTerminated() {
		return this.lineTerminated;
	}

	/** Whether the line last read was cut at the limit, the rest of it left unread. */
	boolean overflow() {
		return this.overflow;
	}

}
