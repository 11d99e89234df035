package org.coordination.exchange.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.coordination.exchange.store.StoredRecords;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Rebuilds every report from the store: everything imported so far, not only this run.
 */
@Component
public class ReportPublisher {

	static final String WORKBOOK = "exchange_report.xlsx";

	private final StoredRecords storedRecords;

	private final String office;

	/**
	 * @param office the office's name ({@code exchange.office-name}): the workbook's
	 * author, on every printed page
	 */
	public ReportPublisher(StoredRecords storedRecords,
			@Value("${exchange.office-name:" + ExcelReportWriter.DEFAULT_OFFICE + "}") String office) {
		this.storedRecords = storedRecords;
		this.office = office;
	}

	public void publish(Path outputDir, RunInfo run, boolean excelCsv) {
		publish(outputDir, run, excelCsv, 0);
	}

	/**
	 * @param minCellCount {@code --min-cell-count}: counts from 1 to this minus one are
	 * hidden in every stakeholder table; below 2 nothing is
	 */
	public void publish(Path outputDir, RunInfo run, boolean excelCsv, int minCellCount) {
		try {
			Files.createDirectories(outputDir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create output folder " + outputDir + ": " + ex.getMessage(), ex);
		}
		ReportAggregator aggregator = new ReportAggregator();
		this.storedRecords.forEachVisibleRecord(aggregator::add);
		ReportData data = aggregator.result();
		RejectedRows rejected = this.storedRecords::forEachRejectedRow;
		SmallCellSuppression suppression = SmallCellSuppression.of(data, minCellCount);
		CsvReportWriter csv = new CsvReportWriter(excelCsv);
		csv.writeSummaries(data, suppression, outputDir);
		csv.writeRejected(rejected, outputDir);
		new ExcelReportWriter(this.office).write(data, suppression, rejected, run, outputDir.resolve(WORKBOOK));
	}

}
