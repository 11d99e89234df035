package org.coordination.exchange.input;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import com.opencsv.RFC4180Parser;

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
 * Not thread-safe. The work is shared out: {@code FileSniffer} recognises a file that is
 * not CSV text, {@code FileCharacters} decodes it, {@code PhysicalLines} scans its lines,
 * {@code RecordFramer} frames records over them, {@code HeaderReader} reads the header
 * and {@code FieldSplitter} splits records into fields.
 */
public final class ExchangeFileReader implements Closeable {

	/** Most physical lines one record may span (SPEC §2). */
	public static final int MAX_LINES = 10;

	/** Most characters one field may hold (SPEC §2). */
	public static final int MAX_FIELD_LENGTH = 10_000;

	/** Characters kept of a first line too long to be any record. */
	public static final int RAW_LIMIT = 10_000;

	private final Path file;

	private final FileCharacters characters;

	private final PhysicalLines lines;

	private final RecordFramer framer;

	private boolean closed;

	private HeaderMapping header;

	private FieldSplitter splitter;

	private int recordLimit;

	private ExchangeFileReader(Path file, FileCharacters characters) {
		this.file = file;
		this.characters = characters;
		this.lines = new PhysicalLines(characters);
		this.framer = new RecordFramer(this.lines);
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
			in = FileSniffer.open(file, options.charset());
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof InputFileException inputFile) {
				throw inputFile;
			}
			throw new InputFileException(file, 0, 0, "cannot read file: " + reason(ex), ex);
		}
		ExchangeFileReader reader = new ExchangeFileReader(file, new FileCharacters(file, options.charset(), in));
		try {
			HeaderReader.Header header = HeaderReader.read(file, reader.lines, reader.framer, options.separator());
			reader.header = header.mapping();
			reader.splitter = header.splitter();
			reader.recordLimit = header.recordLimit();
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
		return this.characters.bytesRead();
	}

	/** The file's header. */
	public HeaderMapping header() {
		return this.header;
	}

	/** The separator in use, given or detected. */
	public char separator() {
		return this.splitter.separator();
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
		RecordFramer framer = this.framer;
		int status;
		do {
			status = framer.frame(this.recordLimit);
		}
		while (status == RecordFramer.BLANK);
		if (status == RecordFramer.END) {
			return null;
		}
		if (status == RecordFramer.FIRST_LINE_TOO_LONG) {
			return framer.firstLineTooLong();
		}
		// a NUL is no character of any text: the record cannot be parsed
		if (status != RecordFramer.COMPLETE || framer.nul()) {
			return malformed(framer);
		}
		String record = framer.text();
		String[] fields = this.splitter.split(record, framer.quotes() > 0);
		if (fields == null || fields.length != this.header.size() || hasTooLongField(fields)) {
			return malformed(framer);
		}
		// only the start of a row's text is ever shown: the rest is not held
		return new RawRecord(framer.recordLine(), shortened(record), fields);
	}

	private static RawRecord malformed(RecordFramer framer) {
		RawRecord record = framer.malformed();
		return new RawRecord(record.lineNumber(), shortened(record.raw()), null);
	}

	/**
	 * {@code raw} cut to {@link #RAW_LIMIT} characters and {@code "…"} when longer: a
	 * rejected row is found by its line number, and a chunk of records stays small
	 * however long its rows are.
	 */
	static String shortened(String raw) {
		if (raw.length() <= RAW_LIMIT + 1) {
			return raw;
		}
		int keep = RAW_LIMIT;
		if (Character.isHighSurrogate(raw.charAt(keep - 1))) {
			keep--;
		}
		return raw.substring(0, keep) + "…";
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
				this.characters.close();
			}
			catch (IOException ex) {
				// nothing was written; a failed close loses nothing
			}
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
