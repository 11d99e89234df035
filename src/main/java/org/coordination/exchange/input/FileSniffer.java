package org.coordination.exchange.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Recognises, from its first bytes and before any of it is decoded, a file that is
 * plainly not CSV text in the given encoding: an image, an archive, a workbook or a
 * program by its signature, text whose byte-order mark contradicts the encoding, and
 * UTF-8 text read with a single-byte encoding.
 */
final class FileSniffer {

	// bytes looked at to tell a binary or wrongly encoded file from CSV text
	private static final int SNIFF_SIZE = 1 << 16;

	private FileSniffer() {
	}

	/**
	 * Open the file and look at its first bytes: a file that is plainly not CSV text in
	 * the given encoding stops here with a message that says what it is.
	 * @return the file's bytes from the start
	 * @throws InputFileException when the file is not CSV text in {@code charset}
	 */
	static InputStream open(Path file, Charset charset) throws IOException {
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

}
