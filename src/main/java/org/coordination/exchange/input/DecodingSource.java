package org.coordination.exchange.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes bytes to characters strictly. Unlike {@code InputStreamReader}, which throws
 * away the characters decoded before a bad byte sequence, it hands out every good
 * character first and only then reports the error, so that the reader can say on which
 * line the bad bytes are.
 */
final class DecodingSource {

	/** {@link #read} result: an invalid byte sequence comes next. */
	static final int INVALID = -2;

	private final InputStream in;

	private final CharsetDecoder decoder;

	private final ByteBuffer bytes;

	private long bytesRead;

	private boolean endOfInput;

	private boolean flushing;

	private boolean done;

	private boolean invalid;

	DecodingSource(InputStream in, Charset charset, int bufferSize) {
		this.in = in;
		this.decoder = charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		this.bytes = ByteBuffer.allocate(bufferSize);
		this.bytes.flip();
	}

	/**
	 * Decode characters into {@code target}.
	 * @return the number of characters (at least 1), -1 at the end of input, or
	 * {@link #INVALID} when the next bytes cannot be decoded
	 */
	int read(char[] target, int offset, int length) throws IOException {
		CharBuffer out = CharBuffer.wrap(target, offset, length);
		while (!this.done && !this.invalid) {
			if (this.flushing) {
				if (this.decoder.flush(out).isOverflow()) {
					break;
				}
				this.done = true;
				continue;
			}
			CoderResult result = this.decoder.decode(this.bytes, out, this.endOfInput);
			if (result.isError()) {
				this.invalid = true;
			}
			else if (result.isOverflow()) {
				break;
			}
			else if (this.endOfInput) {
				this.flushing = true;
			}
			else if (out.position() > offset) {
				break;
			}
			else {
				fillBytes();
			}
		}
		int count = out.position() - offset;
		if (count > 0) {
			return count;
		}
		return this.invalid ? INVALID : -1;
	}

	private void fillBytes() throws IOException {
		this.bytes.compact();
		int count = this.in.read(this.bytes.array(), this.bytes.position(), this.bytes.remaining());
		if (count < 0) {
			this.endOfInput = true;
		}
		else {
			this.bytes.position(this.bytes.position() + count);
			this.bytesRead += count;
		}
		this.bytes.flip();
	}

	/** Bytes taken from the file so far, for progress: ahead of decoding by a buffer. */
	long bytesRead() {
		return this.bytesRead;
	}

	void close() throws IOException {
		this.in.close();
	}

}
