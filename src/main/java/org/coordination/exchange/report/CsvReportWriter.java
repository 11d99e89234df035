package org.coordination.exchange.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.coordination.exchange.record.RejectedRow;

/**
 * Writes the CSV reports of SPEC §5. Each file is written through {@link AtomicFiles}, so
 * a reader sees either the previous report or the complete new one.
 */
public final class CsvReportWriter {

	static final String STAGE_SUMMARY = "stage_summary.csv";

	static final String BRANCH_SUMMARY = "branch_summary.csv";

	static final String STAGE_BRANCH = "stage_branch.csv";

	static final String CONDITIONS = "conditions.csv";

	static final String REJECTED = "rejected_records.csv";

	private static final String[] STAGE_SUMMARY_COLUMNS = { "agreement", "stage", "first_exchange_date",
			"last_exchange_date", "returned_total", "returned_to_ua", "returned_to_ru", "balance", "military",
			"civilians", "remains", "officers", "ncos", "enlisted", "severe", "with_conditions", "age_18_25",
			"captivity_days_avg", "captivity_days_median", "captivity_days_max", "captivity_over_3y" };

	private static final String[] BRANCH_SUMMARY_COLUMNS = { "service_branch", "returned", "officers", "ncos",
			"enlisted", "severe", "with_conditions", "captivity_days_avg", "captivity_days_median",
			"captivity_days_max", "captivity_over_3y" };

	private static final String[] STAGE_BRANCH_COLUMNS = { "agreement", "stage", "service_branch", "returned",
			"officers", "ncos", "enlisted", "severe", "with_conditions" };

	private static final String[] CONDITIONS_COLUMNS = { "agreement", "stage", "condition", "cases" };

	private static final String[] REJECTED_COLUMNS = { "source_file", "line_number", "record_id", "reasons", "raw" };

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private final boolean excelBom;

	/**
	 * @param excelBom whether to start each file with a UTF-8 byte-order mark
	 * ({@code --excel-csv}), which Excel needs to read UTF-8 CSV correctly
	 */
	public CsvReportWriter(boolean excelBom) {
		this.excelBom = excelBom;
	}

	/**
	 * Write {@code stage_summary.csv}, {@code branch_summary.csv},
	 * {@code stage_branch.csv} and {@code conditions.csv}, creating the directory when
	 * needed.
	 * @throws UncheckedIOException when a file cannot be written
	 */
	public void writeSummaries(ReportData data, Path outputDir) {
		writeSummaries(data, SmallCellSuppression.OFF, outputDir);
	}

	/**
	 * Write the summary reports with the figures {@code suppression} hides replaced by
	 * its markers; with {@link SmallCellSuppression#OFF} the SPEC's exact reports.
	 * @throws UncheckedIOException when a file cannot be written
	 */
	public void writeSummaries(ReportData data, SmallCellSuppression suppression, Path outputDir) {
		createDirectories(outputDir);
		write(outputDir.resolve(STAGE_SUMMARY), (csv) -> {
			csv.header(STAGE_SUMMARY_COLUMNS);
			for (StageSummary row : data.stages()) {
				Cells cells = (column) -> suppression.marker(CellKey.stage(row.key(), column));
				csv.text(row.key().agreement())
					.number(row.key().stage())
					.date(row.firstExchangeDate())
					.date(row.lastExchangeDate());
				count(csv, cells, "returned_total", row.returnedTotal());
				count(csv, cells, "returned_to_ua", row.returnedToUa());
				count(csv, cells, "returned_to_ru", row.returnedToRu());
				count(csv, cells, "balance", row.balance());
				count(csv, cells, "military", row.military());
				count(csv, cells, "civilians", row.civilians());
				count(csv, cells, "remains", row.remains());
				count(csv, cells, "officers", row.officers());
				count(csv, cells, "ncos", row.ncos());
				count(csv, cells, "enlisted", row.enlisted());
				count(csv, cells, "severe", row.severe());
				count(csv, cells, "with_conditions", row.withConditions());
				count(csv, cells, "age_18_25", row.age18To25());
				statistics(csv, cells, row.captivityDaysAvg(), row.captivityDaysMedian(), row.captivityDaysMax());
				count(csv, cells, "captivity_over_3y", row.captivityOver3y());
				csv.endRow();
			}
		});
		write(outputDir.resolve(BRANCH_SUMMARY), (csv) -> {
			csv.header(BRANCH_SUMMARY_COLUMNS);
			for (BranchSummary row : data.branches()) {
				Cells cells = (column) -> suppression.marker(CellKey.branch(row.serviceBranch(), column));
				csv.text(row.serviceBranch());
				count(csv, cells, "returned", row.returned());
				count(csv, cells, "officers", row.officers());
				count(csv, cells, "ncos", row.ncos());
				count(csv, cells, "enlisted", row.enlisted());
				count(csv, cells, "severe", row.severe());
				count(csv, cells, "with_conditions", row.withConditions());
				statistics(csv, cells, row.captivityDaysAvg(), row.captivityDaysMedian(), row.captivityDaysMax());
				count(csv, cells, "captivity_over_3y", row.captivityOver3y());
				csv.endRow();
			}
		});
		write(outputDir.resolve(STAGE_BRANCH), (csv) -> {
			csv.header(STAGE_BRANCH_COLUMNS);
			for (StageBranchRow row : data.stageBranches()) {
				Cells cells = (column) -> suppression
					.marker(CellKey.stageBranch(row.key(), row.serviceBranch(), column));
				csv.text(row.key().agreement()).number(row.key().stage()).text(row.serviceBranch());
				count(csv, cells, "returned", row.returned());
				count(csv, cells, "officers", row.officers());
				count(csv, cells, "ncos", row.ncos());
				count(csv, cells, "enlisted", row.enlisted());
				count(csv, cells, "severe", row.severe());
				count(csv, cells, "with_conditions", row.withConditions());
				csv.endRow();
			}
		});
		write(outputDir.resolve(CONDITIONS), (csv) -> {
			csv.header(CONDITIONS_COLUMNS);
			for (ConditionCount row : data.conditions()) {
				csv.text(row.key().agreement()).number(row.key().stage()).text(row.condition());
				String marker = suppression.marker(CellKey.condition(row.key(), row.condition()));
				if (marker != null) {
					csv.text(marker);
				}
				else {
					csv.number(row.cases());
				}
				csv.endRow();
			}
		});
	}

	private static void count(CsvOutput csv, Cells cells, String column, long value) throws IOException {
		String marker = cells.marker(column);
		if (marker != null) {
			csv.text(marker);
		}
		else {
			csv.number(value);
		}
	}

	private static void statistics(CsvOutput csv, Cells cells, BigDecimal average, BigDecimal median, Integer max)
			throws IOException {
		if (cells.marker("captivity_days_avg") != null) {
			csv.text(cells.marker("captivity_days_avg"))
				.text(cells.marker("captivity_days_median"))
				.text(cells.marker("captivity_days_max"));
		}
		else {
			csv.decimal(average).decimal(median).number(max);
		}
	}

	/**
	 * Write {@code rejected_records.csv} with the rows in the order {@code rows} gives
	 * them, creating the directory when needed. The rows are streamed, never held.
	 * @throws UncheckedIOException when the file cannot be written
	 */
	public void writeRejected(RejectedRows rows, Path outputDir) {
		createDirectories(outputDir);
		write(outputDir.resolve(REJECTED), (csv) -> {
			csv.header(REJECTED_COLUMNS);
			rows.forEach((row) -> {
				try {
					writeRejectedRow(csv, row);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		});
	}

	private static void writeRejectedRow(CsvOutput csv, RejectedRow row) throws IOException {
		csv.text(row.sourceFile())
			.number(row.lineNumber())
			.text(row.recordId())
			.text(row.reasonText())
			.text(row.raw())
			.endRow();
	}

	private void write(Path target, Rows rows) {
		try {
			AtomicFiles.write(target, (stream) -> {
				if (this.excelBom) {
					stream.write(BOM);
				}
				Writer writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
				rows.write(new CsvOutput(writer));
				// flushed, not closed: AtomicFiles owns the stream
				writer.flush();
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + target + ": " + ex.getMessage(), ex);
		}
	}

	private static void createDirectories(Path dir) {
		try {
			Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create output directory " + dir + ": " + ex.getMessage(), ex);
		}
	}

	/** The marker of a row's figure by column name, {@code null} when it is shown. */
	@FunctionalInterface
	private interface Cells {

		String marker(String column);

	}

	@FunctionalInterface
	private interface Rows {

		void write(CsvOutput csv) throws IOException;

	}

}
