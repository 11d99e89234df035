package org.coordination.exchange.cli;

import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.coordination.exchange.validation.ReferenceData;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** How input is found and read, shared by {@code run} and {@code validate}. */
class InputOptions {

	/** The operator's extension of the service branch list, used when present. */
	static final Path DEFAULT_BRANCHES = Path.of("config", "service-branches.csv");

	@Option(names = "--input", paramLabel = "PATH", arity = "1..*", defaultValue = "input/",
			description = "Input CSV files and/or directories (a directory means its *.csv files in name order; "
					+ "default: ${DEFAULT-VALUE}).")
	List<Path> inputs;

	@Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "UTF-8",
			description = "Input encoding, e.g. windows-1251 (default: ${DEFAULT-VALUE}).")
	Charset encoding;

	@Option(names = "--separator", paramLabel = "CHAR",
			description = "Input separator, ',' or ';' (default: whichever occurs more often in the header).")
	Character separator;

	@Option(names = "--branches", paramLabel = "FILE",
			description = "Extra service branches and aliases (code,aliases), added to the built-in list "
					+ "(default: config/service-branches.csv when it exists).")
	Path branches;

	Path branchesFile() {
		if (this.branches != null) {
			return this.branches;
		}
		return Files.isRegularFile(DEFAULT_BRANCHES) ? DEFAULT_BRANCHES : null;
	}

	/**
	 * The reference data these options select; an unusable branches file is a command
	 * line problem (exit status 2), found before anything is imported.
	 */
	ReferenceData referenceData(CommandLine commandLine) {
		Path file = branchesFile();
		if (file == null) {
			return ReferenceData.defaults();
		}
		try {
			return ReferenceData.withExtension(file);
		}
		catch (IllegalArgumentException | UncheckedIOException ex) {
			throw new CommandLine.ParameterException(commandLine, "--branches: " + ex.getMessage());
		}
	}

}
