package org.coordination.exchange.cli;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.coordination.exchange.validation.ReferenceData;
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

	ReferenceData referenceData() {
		Path file = branchesFile();
		return (file != null) ? ReferenceData.withExtension(file) : ReferenceData.defaults();
	}

}
