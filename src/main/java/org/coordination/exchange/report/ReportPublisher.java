package org.coordination.exchange.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.coordination.exchange.store.StoredRecords;

import org.springframework.stereotype.Component;

/**
 * Rebuilds every report from the store: everything imported so far, not only this run.
 */
@Component
public class ReportPublisher {

	static final String WORKBOOK = "exchange_report.xlsx";

	private final StoredRecords storedRecords;

	public ReportPublisher(StoredRecords storedRecords) {
		this.storedRecords = storedRecords;
	}

	public void publish(Path outputDir, RunInfo run, boolean excelCsv) {
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
		CsvReportWriter csv = new CsvReportWriter(excelCsv);
		csv.writeSummaries(data, outputDir);
		csv.writeRejected(rejected, outputDir);
		new ExcelReportWriter().write(data, rejected, run, outputDir.resolve(WORKBOOK));
	}

}
