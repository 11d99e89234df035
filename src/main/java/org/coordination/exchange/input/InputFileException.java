package org.coordination.exchange.input;

import java.nio.file.Path;

/**
 * A file-level problem that stops the import of one input file (SPEC §3): unreadable,
 * undecodable, empty, or a header that cannot be used. Its message is one line naming the
 * file and, where known, the line and column.
 */
public class InputFileException extends RuntimeException {

	private final Path file;

	private final long line;

	private final int column;

	private final String problem;

	/**
	 * Create an exception.
	 * @param file the input file
	 * @param line 1-based physical line, 0 when not applicable
	 * @param column 1-based column, 0 when not applicable
	 * @param problem what is wrong, without the location
	 * @param cause the underlying exception, or {@code null}
	 */
	public InputFileException(Path file, long line, int column, String problem, Throwable cause) {
		super(message(file, line, column, problem), cause);
		this.file = file;
		this.line = line;
		this.column = column;
		this.problem = problem;
	}

	private static String message(Path file, long line, int column, String problem) {
		StringBuilder message = new StringBuilder().append(file);
		if (line > 0) {
			message.append(": line ").append(line);
		}
		if (column > 0) {
			message.append((line > 0) ? ", column " : ": column ").append(column);
		}
		return message.append(": ").append(problem).toString();
	}

	public Path file() {
		return this.file;
	}

	public long line() {
		return this.line;
	}

	public int column() {
		return this.column;
	}

	public String problem() {
		return this.problem;
	}

}
