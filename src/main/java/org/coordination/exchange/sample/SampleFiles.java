package org.coordination.exchange.sample;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Generated files on disk: one file of a generator, or the shipped sample set in
 * {@code input/}. The command line's {@code generate} writes them.
 */
public final class SampleFiles {

	/** Seed of the shipped sample: the first file's, the next ones count up from it. */
	private static final long SAMPLE_SEED = 20250602L;

	private static final double SAMPLE_INVALID_SHARE = 0.01;

	/** The files of the shipped sample: one per group of stages. */
	private static final List<Part> SAMPLE = List.of(
			new Part("2025-01-to-05-exchanges.csv", SampleStage.beforeJune2025(), 1200),
			new Part("2025-06-stage1-3.csv", SampleStage.istanbulJune2025(1, 3), 1500),
			new Part("2025-06-stage4-5.csv", SampleStage.istanbulJune2025(4, 5), 1200),
			new Part("2025-06-stage6-7.csv", SampleStage.istanbulJune2025(6, 7), 1500));

	private SampleFiles() {
	}

	/**
	 * Writes one UTF-8 file (creating its directory).
	 * @return the file and what was written
	 */
	public static SampleFile writeFile(Path file, SampleGenerator generator, int rows, LocalDate today)
			throws IOException {
		Path parent = file.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			generator.write(writer, rows, today);
		}
		return new SampleFile(file, generator.counts());
	}

	/**
	 * Writes the shipped sample set into {@code dir}: the exchanges of January–May 2025
	 * and the June stages of the Istanbul agreement in three files. Record ids are unique
	 * across the set, and the set as a whole carries every reason code.
	 * @return the files in name order, with what each holds
	 */
	public static List<SampleFile> writeSample(Path dir, LocalDate today) throws IOException {
		List<SampleFile> files = new ArrayList<>();
		long firstSequence = 1;
		int invalidSoFar = 0;
		for (int i = 0; i < SAMPLE.size(); i++) {
			Part part = SAMPLE.get(i);
			SampleGenerator generator = new SampleGenerator(SAMPLE_SEED + i, SAMPLE_INVALID_SHARE)
				.withStages(part.stages())
				.withFirstSequence(firstSequence)
				.withInvalidCycleOffset(invalidSoFar);
			SampleFile file = writeFile(dir.resolve(part.fileName()), generator, part.rows(), today);
			files.add(file);
			firstSequence += part.rows();
			invalidSoFar += file.counts().invalid();
		}
		return files;
	}

	/**
	 * A file written and what it holds.
	 *
	 * @param path the file
	 * @param counts what was written
	 */
	public record SampleFile(Path path, GeneratedCounts counts) {

	}

	private record Part(String fileName, List<SampleStage> stages, int rows) {

	}

}
