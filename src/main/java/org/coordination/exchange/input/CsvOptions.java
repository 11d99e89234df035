package org.coordination.exchange.input;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * How input files are decoded and split (SPEC §2 {@code --encoding},
 * {@code --separator}).
 *
 * @param charset the files' encoding
 * @param separator the field separator, or {@code null} to detect it from each file's
 * header line
 */
public record CsvOptions(Charset charset, Character separator) {

	public CsvOptions {
		if (charset == null) {
			throw new IllegalArgumentException("charset is required");
		}
		if (separator != null && (separator == '"' || separator == '\n' || separator == '\r')) {
			throw new IllegalArgumentException("separator cannot be a quote or a line break");
		}
	}

	/** UTF-8, separator detected per file. */
	public static CsvOptions defaults() {
		return new CsvOptions(StandardCharsets.UTF_8, null);
	}

}
