package org.coordination.exchange.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Turns the {@code --input} paths into the list of files to import, in the order of SPEC
 * §2.
 */
public final class InputFiles {

	private InputFiles() {
	}

	/**
	 * Expand files and directories into files: in the order given, a directory standing
	 * for its {@code *.csv} files (not recursive, in name order). A file named explicitly
	 * is taken whatever its extension. In a directory the extension is matched
	 * case-insensitively (exports from Windows often say {@code .CSV}), and hidden files
	 * (names starting with {@code .}, such as macOS {@code ._x.csv} companions) are left
	 * out.
	 * @param inputs files and directories
	 * @return the files
	 * @throws InputFileException for a path that does not exist or is not a regular file
	 * or directory (a device or a pipe), or a directory that cannot be listed
	 */
	public static List<Path> expand(List<Path> inputs) {
		List<Path> files = new ArrayList<>();
		for (Path input : inputs) {
			if (Files.isDirectory(input)) {
				files.addAll(csvFilesIn(input));
			}
			else if (Files.isRegularFile(input)) {
				files.add(input);
			}
			else if (Files.exists(input)) {
				// a device or a pipe could be read forever
				throw new InputFileException(input, 0, 0, "not a regular file", null);
			}
			else {
				throw new InputFileException(input, 0, 0, "no such file or directory", null);
			}
		}
		return files;
	}

	private static List<Path> csvFilesIn(Path directory) {
		try (Stream<Path> entries = Files.list(directory)) {
			return entries.filter(InputFiles::isCsvName)
				.filter(Files::isRegularFile)
				.sorted(Comparator.comparing((Path path) -> path.getFileName().toString()))
				.toList();
		}
		catch (IOException | RuntimeException ex) {
			throw new InputFileException(directory, 0, 0, "cannot read directory: " + ExchangeFileReader.reason(ex),
					ex);
		}
	}

	private static boolean isCsvName(Path path) {
		String name = path.getFileName().toString();
		return !name.startsWith(".") && name.toLowerCase(Locale.ROOT).endsWith(".csv");
	}

}
