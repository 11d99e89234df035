package org.coordination.exchange.cli;

import picocli.CommandLine;

/** The SPEC allows only two separators. */
final class Separators {

	private Separators() {
	}

	static void check(CommandLine commandLine, Character separator) {
		if (separator != null && separator != ',' && separator != ';') {
			throw new CommandLine.ParameterException(commandLine,
					"--separator must be ',' or ';', not '" + separator + "'");
		}
	}

}
