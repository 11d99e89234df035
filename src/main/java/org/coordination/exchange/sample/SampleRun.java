package org.coordination.exchange.sample;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.coordination.exchange.record.Side;
import org.coordination.exchange.sample.Row.Shape;

/**
 * One run of {@link SampleGenerator#write}: streams the rows, keeping only the current
 * row, the last accepted one and a rejected row's corrected copy still to come.
 */
final class SampleRun {

	/** Rows after a stray quote that hold no quote, so that the quote stays unclosed. */
	private static final int QUOTE_FREE_ROWS = 10;

	private final int rows;

	private final SplitMix random;

	private final List<StagePlan> plans;

	private final SampleCsv csv;

	private final InvalidRows invalidRows;

	private final ValidRows validRows;

	private final Spoiler spoiler;

	private final Duplicates duplicates;

	private final Row row = new Row();

	private final Map<String, Integer> reasons = new TreeMap<>();

	private String[] correction;

	private int quoteFreeRows;

	private int valid;

	private int invalid;

	SampleRun(Writer out, int rows, LocalDate today, SampleGenerator.Settings settings) {
		this.rows = rows;
		this.random = new SplitMix(settings.seed());
		this.plans = StagePlan.of(settings.stages(), rows, today);
		this.csv = new SampleCsv(out);
		this.invalidRows = new InvalidRows(settings.invalidShare(), settings.invalidCycleOffset(), this.random);
		DateTexts dates = new DateTexts(StagePlan.firstDate(this.plans), today);
		this.validRows = new ValidRows(this.random, dates, settings.firstSequence());
		this.duplicates = new Duplicates(this.random, this.csv);
		this.spoiler = new Spoiler(this.random, dates, today, this.duplicates);
	}

	/** Writes the header and the rows, then flushes. */
	GeneratedCounts write() throws IOException {
		this.csv.header();
		long index = 0;
		for (StagePlan plan : this.plans) {
			// a stage's sides follow its share exactly, a fraction rounded either way
			// at random
			double uaRows = plan.rows() * plan.stage().uaShare();
			int uaLeft = (int) uaRows + (this.random.chance(uaRows - Math.floor(uaRows)) ? 1 : 0);
			for (int j = 0; j < plan.rows(); j++, index++) {
				// sides drawn without replacement: the balance holds however rows fall
				boolean ua = this.random.nextInt(plan.rows() - j) < uaLeft;
				uaLeft -= ua ? 1 : 0;
				int day = (int) ((long) j * plan.dates().size() / plan.rows());
				writeRow(plan, day, ua ? Side.UA : Side.RU, this.invalidRows.isInvalid(index));
			}
		}
		this.csv.flush();
		return new GeneratedCounts(this.rows, this.valid, this.invalid, this.reasons);
	}

	private void writeRow(StagePlan plan, int day, Side side, boolean invalidRow) throws IOException {
		InvalidKind kind = invalidRow ? this.invalidRows.next() : null;
		if (kind == InvalidKind.MALFORMED_STRAY_QUOTE) {
			// no corrected copy with quotes may follow, nor any quote for ten rows
			this.correction = null;
			this.quoteFreeRows = QUOTE_FREE_ROWS + 1;
		}
		this.row.start(side, this.quoteFreeRows > 0);
		String[] corrected = null;
		if (kind == null && this.correction != null) {
			// the corrected version of a row rejected a little earlier: now accepted
			this.row.setValues(this.correction);
			this.correction = null;
		}
		else {
			this.validRows.fill(this.row, plan, day);
		}
		if (kind != null) {
			corrected = kind.correctable() ? this.row.copyValues() : null;
			this.spoiler.spoil(kind, this.row);
		}
		String[] cells = this.row.cells();
		this.csv.write(cells, this.row.shape() == Shape.STRAY_QUOTE);
		if (kind == null) {
			this.valid++;
			this.duplicates.accepted(this.row);
		}
		else {
			this.invalid++;
			this.row.reasons.forEach((reason) -> this.reasons.merge(reason, 1, Integer::sum));
			if (corrected != null && this.random.chance(0.25)) {
				this.correction = corrected;
			}
		}
		if (this.quoteFreeRows > 0) {
			if (this.quoteFreeRows <= QUOTE_FREE_ROWS && this.csv.holdsQuote(cells)) {
				throw new IllegalStateException("a quote within " + QUOTE_FREE_ROWS + " rows of the stray one");
			}
			this.quoteFreeRows--;
		}
	}

}
