package org.coordination.exchange.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The characters of one input file, decoded strictly by a {@link DecodingSource}: a
 * failure to read the file, or bytes that cannot be decoded, is an
 * {@link InputFileException} that says where.
 */
final class FileCharacters {

	private static final int BUFFER_SIZE = 1 << 16;

	private final Path file;

	private final Charset charset;

	private final DecodingSource source;

	FileCharacters(Path file, Charset charset, InputStream in) {
		this.file = file;
		this.charset = charset;
		this.source = new DecodingSource(in, charset, BUFFER_SIZE);
	}

	/**
	 * Decode characters into {@code target}, from its start.
	 * @param line the physical line the next character belongs to
	 * @param lineLength the characters of that line before it
	 * @return the number of characters (at least 1), or -1 at the end of the file
	 * @throws InputFileException when the file cannot be read, or its next bytes cannot
	 * be decoded
	 */
	int read(char[] target, long line, long lineLength) {
		int count;
		try {
			count = this.source.read(target, 0, target.length);
		}
		catch (IOException | RuntimeException ex) {
			throw new InputFileException(this.file, line, 0, "cannot read file: " + ExchangeFileReader.reason(ex), ex);
		}
		if (count == DecodingSource.INVALID) {
			int column = (int) Math.min(lineLength + 1, Integer.MAX_VALUE);
			String hint = this.charset.equals(StandardCharsets.UTF_8)
					? " (if the file is not UTF-8, give its encoding with --encoding, e.g. windows-1251)" : "";
			throw new InputFileException(this.file, line, column,
					"invalid " + this.charset.name() + " byte sequence" + hint, null);
		}
		return count;
	}

	/** Bytes of the file read so far, for progress: ahead of decoding by a buffer. */
	long bytesRead() {
		return this.source.bytesRead();
	}

	void close() throws IOException {
		this.source.close();
	}

}
