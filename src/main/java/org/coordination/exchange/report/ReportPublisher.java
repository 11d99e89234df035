package org.coordination.exchange.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.coordination.exchange.Checkpoints;
import org.coordination.exchange.store.StoredRecords;

import org.springframework.stereotype.Component;

/**
 * Rebuilds every report from the store: everything imported so far, not only this run.
 * The new reports are written into a staging folder inside the output folder and moved
 * into place together at the end, so a run that dies while writing leaves the previous
 * reports as they were; its leftovers are removed by the next run.
 */
@Component
public class ReportPublisher {

	static final String WORKBOOK = "exchange_report.xlsx";

	static final String STAGING_PREFIX = ".staging-";

	private final StoredRecords storedRecords;

	public ReportPublisher(StoredRecords storedRecords) {
		this.storedRecords = storedRecords;
	}

	public void publish(Path outputDir, RunInfo run, boolean excelCsv) {
		try {
			Files.createDirectories(outputDir);
			removeLeftovers(outputDir);
			Path staging = Files.createDirectory(outputDir.resolve(STAGING_PREFIX + UUID.randomUUID()));
			try {
				writeAll(staging, run, excelCsv);
				Checkpoints.reach("reports");
				moveIntoPlace(staging, outputDir);
			}
			finally {
				deleteTree(staging);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex.getMessage(), ex);
		}
	}

	private void writeAll(Path staging, RunInfo run, boolean excelCsv) throws IOException {
		ReportAggregator aggregator = new ReportAggregator();
		this.storedRecords.forEachVisibleRecord(aggregator::add);
		ReportData data = aggregator.result();
		RejectedRows rejected = this.storedRecords::forEachRejectedRow;
		CsvReportWriter csv = new CsvReportWriter(excelCsv);
		csv.writeSummaries(data, staging);
		csv.writeRejected(rejected, staging);
		// SXSSF's own temporary files go to the staging folder too, so none outlive a
		// crash
		Path poiTemp = Files.createDirectory(staging.resolve(".poi"));
		TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(poiTemp.toFile()));
		new ExcelReportWriter().write(data, rejected, run, staging.resolve(WORKBOOK));
	}

	private static void moveIntoPlace(Path staging, Path outputDir) throws IOException {
		List<Path> reports = new ArrayList<>();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(staging,
				(p) -> Files.isRegularFile(p) && !p.getFileName().toString().startsWith("."))) {
			files.forEach(reports::add);
		}
		for (Path report : reports) {
			Path target = outputDir.resolve(report.getFileName());
			try {
				Files.move(report, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (java.nio.file.AtomicMoveNotSupportedException ex) {
				Files.move(report, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
	}

	/** Staging folders and temporary files that a killed run left behind. */
	private static void removeLeftovers(Path outputDir) throws IOException {
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(outputDir, (p) -> {
			String name = p.getFileName().toString();
			return name.startsWith(STAGING_PREFIX) || (name.startsWith(".") && name.contains(".tmp-"));
		})) {
			for (Path entry : entries) {
				deleteTree(entry);
			}
		}
	}

	private static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

}
