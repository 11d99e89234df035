package org.coordination.exchange.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes realistic exchange record files (SPEC §2) with a chosen share of invalid rows
 * that, in turn, carry every reason code of SPEC §3.
 * <p>
 * The output depends only on the settings: the same seed gives the same bytes. Rows are
 * streamed, so files of millions of rows need no memory. Every row is one physical line
 * ({@code \n} ends), comma-separated, UTF-8 text with Cyrillic aliases; quoted fields
 * never hold line breaks. At most one row per file has an unclosed quote, followed by ten
 * rows without any quote, so that an importer loses exactly that one row.
 */
public final class SampleGenerator {

	private final Settings settings;

	private GeneratedCounts counts = GeneratedCounts.NONE;

	/**
	 * A generator of the stages of {@link SampleStage#all2025()}.
	 * @param seed fixes the content
	 * @param invalidShare share of invalid rows, 0–1 (0.01 is about one row in a hundred)
	 */
	public SampleGenerator(long seed, double invalidShare) {
		this(new Settings(seed, invalidShare, SampleStage.all2025(), 1, 0));
	}

	private SampleGenerator(Settings settings) {
		this.settings = settings;
	}

	/** The same generator playing only {@code stages}, in the order given. */
	public SampleGenerator withStages(List<SampleStage> stages) {
		Settings s = this.settings;
		return new SampleGenerator(
				new Settings(s.seed(), s.invalidShare(), stages, s.firstSequence(), s.invalidCycleOffset()));
	}

	/**
	 * The same generator numbering record ids from {@code firstSequence} (default 1); a
	 * file of {@code n} rows uses at most {@code n} numbers, so files of one set stay
	 * apart when each starts after the previous one's numbers.
	 */
	public SampleGenerator withFirstSequence(long firstSequence) {
		Settings s = this.settings;
		return new SampleGenerator(
				new Settings(s.seed(), s.invalidShare(), s.stages(), firstSequence, s.invalidCycleOffset()));
	}

	/**
	 * The same generator starting its cycle of invalid-row kinds at {@code offset}
	 * (default 0): a set of small files continues the cycle by passing the invalid rows
	 * written so far, so that the set as a whole carries every reason code.
	 */
	public SampleGenerator withInvalidCycleOffset(int offset) {
		Settings s = this.settings;
		return new SampleGenerator(new Settings(s.seed(), s.invalidShare(), s.stages(), s.firstSequence(), offset));
	}

	/**
	 * Writes the header and {@code rows} rows, then flushes (but does not close)
	 * {@code out}. Stages, or days of stages, after {@code today} are left out; no valid
	 * row has a date after {@code today}. Each call starts afresh from the seed.
	 * @param out where to write; buffering is done here
	 * @param rows number of data rows
	 * @param today the run date the importer will check against
	 * @throws IllegalArgumentException if no stage takes place on or before today
	 * @throws UncheckedIOException if writing fails
	 */
	public void write(Writer out, int rows, LocalDate today) {
		if (rows < 0) {
			throw new IllegalArgumentException("rows must not be negative: " + rows);
		}
		try {
			// OpenCSV hands each line to the writer on its own
			BufferedWriter buffered = new BufferedWriter(out, 1 << 16);
			this.counts = new SampleRun(buffered, rows, today, this.settings).write();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** What the last {@link #write} wrote; all zero before the first. */
	public GeneratedCounts counts() {
		return this.counts;
	}

	/**
	 * What fixes a generator's output, besides the row count and run date.
	 *
	 * @param seed fixes the content
	 * @param invalidShare share of invalid rows, 0–1
	 * @param stages the stages played, in order
	 * @param firstSequence the number of the first record id
	 * @param invalidCycleOffset where in the cycle of invalid-row kinds to start
	 */
	record Settings(long seed, double invalidShare, List<SampleStage> stages, long firstSequence,
			int invalidCycleOffset) {

		Settings {
			if (!(invalidShare >= 0 && invalidShare <= 1)) {
				throw new IllegalArgumentException("invalidShare must be 0–1: " + invalidShare);
			}
			stages = List.copyOf(stages);
			if (stages.isEmpty()) {
				throw new IllegalArgumentException("at least one stage is needed");
			}
			if (firstSequence < 0) {
				throw new IllegalArgumentException("firstSequence must not be negative: " + firstSequence);
			}
		}

	}

}
