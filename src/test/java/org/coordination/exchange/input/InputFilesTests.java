package org.coordination.exchange.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class InputFilesTests {

	@TempDir
	Path dir;

	@Test
	void filesAndDirectoriesExpandInTheOrderGiven() throws IOException {
		Path single = touch(this.dir.resolve("b.csv"));
		Path other = touch(this.dir.resolve("notes.txt"));
		Path input = Files.createDirectory(this.dir.resolve("input"));
		Path z = touch(input.resolve("z.csv"));
		Path a = touch(input.resolve("a.csv"));
		Path m = touch(input.resolve("m.csv"));
		assertThat(InputFiles.expand(List.of(single, input, other))).containsExactly(single, a, m, z, other);
	}

	@Test
	void directoryMeansItsCsvFilesOnlyNotRecursive() throws IOException {
		Path input = Files.createDirectory(this.dir.resolve("input"));
		Path csv = touch(input.resolve("2025-06-10.csv"));
		Path upper = touch(input.resolve("EXPORT.CSV"));
		touch(input.resolve("readme.txt"));
		touch(input.resolve("data.csv.bak"));
		touch(input.resolve("._2025-06-10.csv"));
		Path sub = Files.createDirectory(input.resolve("sub.csv"));
		touch(sub.resolve("nested.csv"));
		assertThat(InputFiles.expand(List.of(input))).containsExactly(csv, upper);
	}

	@Test
	void emptyDirectoryGivesNoFiles() throws IOException {
		Path input = Files.createDirectory(this.dir.resolve("input"));
		assertThat(InputFiles.expand(List.of(input))).isEmpty();
	}

	@Test
	void missingPathIsAnInputFileProblem() {
		Path missing = this.dir.resolve("nowhere");
		assertThatExceptionOfType(InputFileException.class)
			.isThrownBy(() -> InputFiles.expand(List.of(this.dir, missing)))
			.withMessage(missing + ": no such file or directory")
			.satisfies((ex) -> {
				assertThat(ex.file()).isEqualTo(missing);
				assertThat(ex.line()).isZero();
				assertThat(ex.problem()).isEqualTo("no such file or directory");
			});
	}

	@Test
	void deviceOrPipeIsNotAnInputFile() {
		Path device = Path.of("/dev/zero");
		assumeTrue(Files.exists(device), "a device file to name");
		assertThatExceptionOfType(InputFileException.class).isThrownBy(() -> InputFiles.expand(List.of(device)))
			.withMessage(device + ": not a regular file");
	}

	private static Path touch(Path file) throws IOException {
		return Files.writeString(file, "");
	}

}
