package org.coordination.exchange.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.coordination.exchange.record.ExchangeRecord;
import org.coordination.exchange.store.StoredRecords;
import org.slf4j.LoggerFactory;

import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.coordination.exchange.Checkpoints;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Rebuilds every report from the store: everything imported so far, not only this run.
 * <p>
 * The reports are published together: all are written into a hidden staging folder inside
 * the output folder, and only when every one is complete are they moved into place, each
 * by a rename that needs no space. A failure while writing (a full disk, a store error)
 * therefore leaves all the previous reports as they were.
 */
@Component
public class ReportPublisher {

	static final String WORKBOOK = "exchange_report.xlsx";

	static final String STAGING_PREFIX = ".reports-";

	private static final int MAX_REASON = 300;

	// parts of the store read side by side for the reports: one per core, up to four
	private static final int READ_PARTS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

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

	/**
	 * Checks, before anything is imported, that reports can be written to
	 * {@code outputDir}: it is (or can be made) a folder in which files can be created.
	 * @throws ReportWriteException when they cannot
	 */
	public static void checkWritable(Path outputDir) {
		try {
			Files.createDirectories(outputDir);
			Files.delete(Files.createTempFile(outputDir, ".write-check-", ".tmp"));
		}
		catch (IOException | RuntimeException ex) {
			throw failure(outputDir, ex);
		}
	}

	public void publish(Path outputDir, RunInfo run, boolean excelCsv) {
		publish(outputDir, run, excelCsv, 0);
	}

	/**
	 * Writes every report to {@code outputDir}, all or none.
	 * @param minCellCount {@code --min-cell-count}: counts from 1 to this minus one are
	 * hidden in every stakeholder table; below 2 nothing is
	 * @throws ReportWriteException when the reports cannot be written; the previous ones
	 * are then left as they were
	 */
	public void publish(Path outputDir, RunInfo run, boolean excelCsv, int minCellCount) {
		Path staging;
		try {
			Files.createDirectories(outputDir);
			removeLeftovers(outputDir);
			staging = Files.createTempDirectory(outputDir, STAGING_PREFIX);
		}
		catch (IOException | RuntimeException ex) {
			throw failure(outputDir, ex);
		}
		try {
			ReportData data = aggregate();
			RejectedRows rejected = this.storedRecords::forEachRejectedRow;
			SmallCellSuppression suppression = SmallCellSuppression.of(data, minCellCount);
			CsvReportWriter csv = new CsvReportWriter(excelCsv);
			csv.writeSummaries(data, suppression, staging);
			csv.writeRejected(rejected, staging);
			// SXSSF's own temporary files go to the staging folder too, so none outlive a
			// killed run: the next run removes the folder
			Path poiTemp = Files.createDirectory(staging.resolve(".poi"));
			TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(poiTemp.toFile()));
			new ExcelReportWriter(this.office).write(data, suppression, rejected, run, staging.resolve(WORKBOOK));
			Checkpoints.reach("reports");
			moveIntoPlace(staging, outputDir);
		}
		catch (IOException | RuntimeException ex) {
			throw failure(outputDir, ex);
		}
		finally {
			deleteQuietly(staging);
		}
	}

	/**
	 * The report tables over every visible record, read in parts side by side.
	 */
	private ReportData aggregate() {
		List<ReportAggregator> parts = new ArrayList<>();
		for (int i = 0; i < READ_PARTS; i++) {
			parts.add(new ReportAggregator());
		}
		this.storedRecords
			.forEachVisibleRecord(parts.stream().map((part) -> (Consumer<ExchangeRecord>) part::add).toList());
		ReportAggregator all = new ReportAggregator();
		parts.forEach(all::merge);
		return all.result();
	}

	private static void moveIntoPlace(Path staging, Path outputDir) throws IOException {
		List<Path> reports;
		try (Stream<Path> files = Files.list(staging)) {
			reports = files.filter((file) -> !file.getFileName().toString().startsWith("."))
				.filter(Files::isRegularFile)
				.sorted(Comparator.comparing((Path file) -> file.getFileName().toString()))
				.toList();
		}
		// a target that cannot be replaced fails the publish before anything is replaced
		for (Path report : reports) {
			Path target = outputDir.resolve(report.getFileName().toString());
			if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
				throw new FileSystemException(target.toString(), null,
						"a folder named " + target.getFileName() + " is in the way");
			}
		}
		for (Path report : reports) {
			Path target = outputDir.resolve(report.getFileName().toString());
			try {
				Files.move(report, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(report, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
	}

	/** Staging folders of a run that was killed while publishing. */
	private static void removeLeftovers(Path outputDir) throws IOException {
		try (Stream<Path> files = Files.list(outputDir)) {
			files.filter((file) -> file.getFileName().toString().startsWith(STAGING_PREFIX))
				.filter(Files::isDirectory)
				.forEach(ReportPublisher::deleteQuietly);
		}
	}

	private static void deleteQuietly(Path dir) {
		try (Stream<Path> files = Files.walk(dir)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> {
				try {
					Files.deleteIfExists(file);
				}
				catch (IOException ex) {
					// a leftover hidden folder is removed by the next run
				}
			});
		}
		catch (IOException | UncheckedIOException ex) {
			// as above
		}
	}

	private static ReportWriteException failure(Path outputDir, Exception ex) {
		// looked up here, not in a static field: validate uses this class without a
		// store,
		// and a logger made at start would create the log file (and its folder)
		LoggerFactory.getLogger(ReportPublisher.class).debug("Cannot write reports to {}", outputDir, ex);
		return new ReportWriteException("cannot write reports to " + outputDir + ": " + reason(ex), ex);
	}

	/**
	 * Why writing failed, in a few words: the innermost I/O failure's reason ("No space
	 * left on device", "Read-only file system"), or the innermost cause's message.
	 */
	static String reason(Throwable ex) {
		IOException io = null;
		Throwable innermost = ex;
		for (Throwable t = ex; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			if (t instanceof IOException found) {
				io = found;
			}
			innermost = t;
		}
		String reason;
		if (io instanceof FileAlreadyExistsException) {
			reason = "not a folder";
		}
		else if (io instanceof NoSuchFileException) {
			reason = "no such folder";
		}
		else if (io instanceof AccessDeniedException) {
			reason = "permission denied";
		}
		else if (io instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
			reason = fileSystem.getReason();
		}
		else {
			Throwable described = (io != null) ? io : innermost;
			reason = described.getMessage();
			if (reason == null || reason.isBlank()) {
				reason = described.getClass().getSimpleName();
			}
		}
		reason = reason.lines().findFirst().orElse(reason);
		return (reason.length() > MAX_REASON) ? reason.substring(0, MAX_REASON) + "…" : reason;
	}

}
