package org.coordination.exchange.job;

import java.nio.file.Path;

import org.coordination.exchange.input.InputFileException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileImportLauncherTests {

	@Test
	void unexpectedFailureIsDescribedByItsInnermostCauseInOneShortLine() {
		RuntimeException chunk = new RuntimeException("Unable to process chunk",
				new IllegalStateException("Value too long for column \"AGREEMENT\"\nSQL statement: INSERT …"));
		assertThat(FileImportLauncher.describe(chunk)).isEqualTo("Value too long for column \"AGREEMENT\"");
		assertThat(FileImportLauncher.describe(new RuntimeException("x", new OutOfMemoryError())))
			.isEqualTo("OutOfMemoryError");
		assertThat(FileImportLauncher.describe(new RuntimeException("y".repeat(1000)))).hasSize(301).endsWith("y…");
	}

	@Test
	void fileLevelProblemKeepsItsWholeMessage() {
		InputFileException problem = new InputFileException(Path.of("a".repeat(400) + ".csv"), 3, 0,
				"header lacks required column 'stage'", null);
		assertThat(FileImportLauncher.describe(problem)).isEqualTo(problem.getMessage());
	}

}
