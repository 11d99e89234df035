package org.coordination.exchange.run;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;

/**
 * What the {@code run} command was asked to do.
 *
 * @param inputs files and directories to import, in order
 * @param outputDir where the reports go
 * @param maxRejects the reject limit per file
 * @param charset the input encoding
 * @param separator the input separator, {@code null} to detect it per file
 * @param excelCsv whether CSV reports start with a byte-order mark for Excel
 * @param minCellCount counts from 1 to this minus one are hidden in the stakeholder
 * tables; 0 (off) shows every count
 */
public record RunRequest(List<Path> inputs, Path outputDir, long maxRejects, Charset charset, Character separator,
		boolean excelCsv, int minCellCount) {

	/** A request without small-cell suppression. */
	public RunRequest(List<Path> inputs, Path outputDir, long maxRejects, Charset charset, Character separator,
			boolean excelCsv) {
		this(inputs, outputDir, maxRejects, charset, separator, excelCsv, 0);
	}

}
