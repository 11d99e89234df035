package org.coordination.exchange.sample;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes sample input from the command line: <pre>
 * GenerateSample ROWS FILE [SEED] [INVALID_SHARE]   one file of ROWS rows
 * GenerateSample --sample DIR [TODAY]               the shipped sample set into DIR
 * </pre>
 */
public final class GenerateSample {

	/** Seed of the shipped sample and the default of a single file. */
	public static final long SAMPLE_SEED = 20250602L;

	/** Share of invalid rows of the shipped sample and the default of a single file. */
	public static final double SAMPLE_INVALID_SHARE = 0.01;

	private static final String USAGE = """
			Usage: GenerateSample ROWS FILE [SEED] [INVALID_SHARE]
			       GenerateSample --sample DIR [TODAY]
			Writes exchange record CSV files with about INVALID_SHARE (default 0.01) invalid rows;
			--sample writes the shipped sample set, one file per group of stages; TODAY (yyyy-MM-dd,
			default the local date) is the date no valid row is after.""";

	/** The files of the shipped sample: one per group of stages. */
	private static final List<Part> SAMPLE = List.of(
			new Part("2025-01-to-05-exchanges.csv", SampleStage.beforeJune2025(), 1200),
			new Part("2025-06-stage1-3.csv", SampleStage.istanbulJune2025(1, 3), 1500),
			new Part("2025-06-stage4-5.csv", SampleStage.istanbulJune2025(4, 5), 1200),
			new Part("2025-06-stage6-7.csv", SampleStage.istanbulJune2025(6, 7), 1500));

	private GenerateSample() {
	}

	public static void main(String[] args) {
		int status = run(args, System.out, System.err);
		if (status != 0) {
			System.exit(status);
		}
	}

	static int run(String[] args, PrintStream out, PrintStream err) {
		try {
			if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
				out.println(USAGE);
				return 0;
			}
			if (args.length >= 2 && args.length <= 3 && args[0].equals("--sample")) {
				LocalDate today = (args.length == 3) ? LocalDate.parse(args[2]) : LocalDate.now();
				for (SampleFile file : writeSample(Path.of(args[1]), today)) {
					out.println(summary(file));
				}
				return 0;
			}
			if (args.length >= 2 && args.length <= 4 && !args[0].startsWith("-")) {
				int rows = Integer.parseInt(args[0]);
				long seed = (args.length > 2) ? Long.parseLong(args[2]) : SAMPLE_SEED;
				double share = (args.length > 3) ? Double.parseDouble(args[3]) : SAMPLE_INVALID_SHARE;
				SampleGenerator generator = new SampleGenerator(seed, share);
				out.println(summary(writeFile(Path.of(args[1]), generator, rows, LocalDate.now())));
				return 0;
			}
			err.println(USAGE);
			return 2;
		}
		catch (NumberFormatException | DateTimeParseException ex) {
			err.println("Not a number or date: " + ex.getMessage());
			err.println(USAGE);
			return 2;
		}
		catch (IllegalArgumentException ex) {
			err.println(ex.getMessage());
			return 2;
		}
		catch (IOException | UncheckedIOException ex) {
			err.println("Cannot write: " + ex.getMessage());
			return 1;
		}
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

	private static String summary(SampleFile file) {
		GeneratedCounts counts = file.counts();
		return "Wrote " + counts.rows() + " rows (" + counts.invalid() + " invalid) to " + file.path();
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
