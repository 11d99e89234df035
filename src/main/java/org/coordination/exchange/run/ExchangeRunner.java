package org.coordination.exchange.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.coordination.exchange.input.ExchangeFileReader;
import org.coordination.exchange.input.InputFileException;
import org.coordination.exchange.input.InputFiles;
import org.coordination.exchange.job.FileImportLauncher;
import org.coordination.exchange.job.FileImportLauncher.ImportOutcome;
import org.coordination.exchange.job.ImportJobParameters;
import org.coordination.exchange.job.PublishTurns;
import org.coordination.exchange.report.ReportPublisher;
import org.coordination.exchange.report.ReportWriteException;
import org.coordination.exchange.report.RunInfo;
import org.coordination.exchange.report.RunInfo.InputFileInfo;
import org.coordination.exchange.store.ImportStore;
import org.coordination.exchange.store.ImportStore.ImportCounts;
import org.coordination.exchange.store.RunHistory;
import org.coordination.exchange.store.RunHistory.RunRecord;
import org.coordination.exchange.store.RunLock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One run (SPEC §4, §6): import each new input file in order, then rebuild every report
 * from the store, and say what happened.
 */
@Component
public class ExchangeRunner {

	/** Exit status of a run that completed. */
	public static final int OK = 0;

	/** Exit status of a run that failed (reject limit, I/O error, interrupted). */
	public static final int FAILED = 1;

	/** Exit status of a run given an unusable command line or input. */
	public static final int UNUSABLE = 2;

	private final FileImportLauncher launcher;

	private final ImportStore importStore;

	private final ReportPublisher reportPublisher;

	private final RunHistory runHistory;

	private final PublishTurns publishTurns;

	private final int importThreads;

	private final RunLock runLock;

	private final Clock clock;

	@Autowired
	ExchangeRunner(FileImportLauncher launcher, ImportStore importStore, ReportPublisher reportPublisher,
			RunHistory runHistory, PublishTurns publishTurns, RunLock runLock,
			@Value("${exchange.import-threads:2}") int importThreads, Clock clock) {
		this.launcher = launcher;
		this.importStore = importStore;
		this.reportPublisher = reportPublisher;
		this.runHistory = runHistory;
		this.publishTurns = publishTurns;
		this.runLock = runLock;
		this.importThreads = Math.max(1, importThreads);
		this.clock = clock;
	}

	/** This runner importing up to this many files side by side. */
	ExchangeRunner withImportThreads(int threads) {
		return new ExchangeRunner(this.launcher, this.importStore, this.reportPublisher, this.runHistory,
				this.publishTurns, this.runLock, threads, this.clock);
	}

	/** This runner writing its reports with another publisher. */
	ExchangeRunner withReportPublisher(ReportPublisher publisher) {
		return new ExchangeRunner(this.launcher, this.importStore, publisher, this.runHistory, this.publishTurns,
				this.runLock, this.importThreads, this.clock);
	}

	public int run(RunRequest request, PrintWriter out, PrintWriter err) {
		return run(request, null, out, err);
	}

	/**
	 * One run, holding the store's run lock throughout.
	 * @param scheduledFor the tick of the schedule this run is for, or {@code null} for a
	 * manual run: a tick that another process already ran is skipped
	 * @throws org.coordination.exchange.store.StoreInUseException when another process is
	 * running on the store
	 */
	public int run(RunRequest request, Instant scheduledFor, PrintWriter out, PrintWriter err) {
		try (RunLock.Held lock = this.runLock.acquire()) {
			if (scheduledFor != null && this.runHistory.tickClaimed(scheduledFor)) {
				out.println("The run scheduled for " + scheduledFor + " was made by another process; skipped.");
				out.flush();
				return OK;
			}
			return runLocked(request, scheduledFor, out, err);
		}
	}

	private int runLocked(RunRequest request, Instant scheduledFor, PrintWriter out, PrintWriter err) {
		// reports that cannot be written stop the run before the store changes
		try {
			ReportPublisher.checkWritable(request.outputDir());
		}
		catch (ReportWriteException ex) {
			return outputUnusable(request, ex, err);
		}
		Instant started = Instant.now(this.clock);
		LocalDate runDate = LocalDate.now();
		GracefulShutdown shutdown = GracefulShutdown.current();
		for (long interrupted : this.runHistory.markInterrupted()) {
			out.println("Run " + interrupted + " was interrupted before it finished; its imports resume now.");
		}
		long runId = this.runHistory.start(started,
				request.inputs().stream().map(Path::toString).collect(Collectors.joining(" ")), scheduledFor);
		Tally tally = new Tally();
		importAll(plan(request.inputs()), request, runId, runDate, tally, out, err);
		boolean reportsWritten = false;
		if (tally.stopped || shutdown.requested()) {
			tally.stopped = true;
			tally.report("stopped on request; the reports were not rebuilt. Run the same command again to resume.",
					err);
		}
		else {
			try {
				this.reportPublisher.publish(
						request.outputDir(), new RunInfo(started, Instant.now(this.clock), tally.inputs, tally.rowsRead,
								tally.accepted, tally.rejected, tally.updated, version()),
						request.excelCsv(), request.minCellCount());
				reportsWritten = true;
			}
			catch (ReportWriteException ex) {
				// the store goes back to what the previous reports show
				String withdrawn = (this.importStore.revertRun(runId) > 0)
						? "; this run's imports were withdrawn from the store and the next run publishes them again"
						: "";
				tally.failed(ex.getMessage() + "; the previous reports are unchanged" + withdrawn, err);
			}
		}
		Instant finished = Instant.now(this.clock);
		int exit = tally.exitCode();
		this.runHistory.finish(runId,
				new RunRecord(runId, started, finished, tally.status(), "", tally.count("IMPORTED"),
						tally.count("SKIPPED"), tally.filesFailed(), tally.rowsRead, tally.accepted, tally.rejected,
						tally.updated, tally.firstError,
						tally.notes.isEmpty() ? null : String.join("; ", tally.notes)));
		out.println(summary(tally, request, Duration.between(started, finished), reportsWritten));
		out.flush();
		return exit;
	}

	/**
	 * The run's inputs in order: each file with its content hash, or why an input cannot
	 * be used. Hashing first lets files of the same content be imported one after the
	 * other (the second is skipped as already imported), never side by side.
	 */
	private static List<Planned> plan(List<Path> inputs) {
		List<Planned> plan = new ArrayList<>();
		int files = 0;
		for (Path input : inputs) {
			try {
				for (Path file : InputFiles.expand(List.of(input))) {
					// positions count files only: each one of them finishes its turn
					plan.add(hashed(file, files++));
				}
			}
			catch (InputFileException ex) {
				plan.add(new Planned(null, -1, null, ex.getMessage()));
			}
		}
		return plan;
	}

	private static Planned hashed(Path file, int position) {
		try {
			return new Planned(file, position, sha256(file), null);
		}
		catch (IOException ex) {
			// listed, then gone (or unreadable) before it could be read
			return new Planned(file, position, null, file + ": cannot read file: " + ExchangeFileReader.reason(ex));
		}
	}

	/**
	 * Imports the planned files, up to {@code importThreads} side by side when there are
	 * several (each publishes in its turn), and tells of each in the plan's order.
	 */
	private void importAll(List<Planned> plan, RunRequest request, long runId, LocalDate runDate, Tally tally,
			PrintWriter out, PrintWriter err) {
		this.publishTurns.reset();
		List<String> hashes = plan.stream().map(Planned::sha256).filter(Objects::nonNull).toList();
		// files of the same content one after the other: the second is skipped
		boolean sameContentTwice = new HashSet<>(hashes).size() < hashes.size();
		int threads = sameContentTwice ? 1 : (int) Math.min(this.importThreads, hashes.size());
		ExecutorService executor = (threads > 1) ? Executors.newFixedThreadPool(threads, importThread()) : null;
		try {
			List<Future<ImportOutcome>> outcomes = new ArrayList<>();
			for (Planned planned : plan) {
				Callable<ImportOutcome> task = () -> importPlanned(planned, request, runId, runDate);
				outcomes.add((executor != null) ? executor.submit(task) : new FutureTask<>(task));
			}
			for (int i = 0; i < plan.size(); i++) {
				Planned planned = plan.get(i);
				if (planned.file() == null) {
					tally.unusable(planned.problem(), err);
					continue;
				}
				Future<ImportOutcome> future = outcomes.get(i);
				if (executor == null) {
					// one at a time, in this thread, each told as soon as it is done
					((FutureTask<ImportOutcome>) future).run();
				}
				ImportOutcome outcome = future.get();
				if (outcome == null) {
					tally.stopped = true;
					continue;
				}
				tally.inputs.add(tell(planned, outcome, tally, out, err));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			tally.stopped = true;
		}
		catch (ExecutionException ex) {
			// as if the import had run in this thread: the error handler knows the causes
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
		finally {
			if (executor != null) {
				// every task ends (each finishes its turn), so the next run starts afresh
				executor.shutdown();
				awaitTermination(executor);
			}
		}
	}

	/**
	 * Imports one planned file; {@code null} when a stop signal came before it started.
	 */
	private ImportOutcome importPlanned(Planned planned, RunRequest request, long runId, LocalDate runDate) {
		try {
			if (planned.file() == null || planned.sha256() == null) {
				return ImportOutcome.unreadable(planned.problem());
			}
			if (GracefulShutdown.current().requested()) {
				return null;
			}
			Optional<String> importedAs = this.importStore.completedFileWithSha256(planned.sha256());
			if (importedAs.isPresent()) {
				return ImportOutcome.skipped(importedAs.get());
			}
			return this.launcher.importFile(new ImportJobParameters(planned.file(), planned.sha256(), request.charset(),
					request.separator(), request.maxRejects(), runId, runDate, planned.position()));
		}
		finally {
			this.publishTurns.finished(planned.position());
		}
	}

	private InputFileInfo tell(Planned planned, ImportOutcome outcome, Tally tally, PrintWriter out, PrintWriter err) {
		Path file = planned.file();
		String name = file.getFileName().toString();
		if ("UNREADABLE".equals(outcome.status())) {
			tally.unusable(outcome.message(), err);
			return new InputFileInfo(name, "", "FAILED", 0, 0, 0, 0, outcome.message());
		}
		if ("SKIPPED".equals(outcome.status())) {
			String as = outcome.message().equals(name) ? "" : " as " + outcome.message();
			String message = "already imported" + as + ", skipped";
			out.println(file + ": " + message);
			return new InputFileInfo(name, planned.sha256(), "SKIPPED", 0, 0, 0, 0, message);
		}
		ImportCounts counts = (outcome.counts() != null) ? outcome.counts() : new ImportCounts(0, 0, 0, 0);
		tally.add(counts, "IMPORTED".equals(outcome.status()));
		if (outcome.resumedAfter() >= 0 && !"STOPPED".equals(outcome.status())) {
			tally.notes.add("restarted: " + file + " resumed after " + outcome.resumedAfter() + " rows");
		}
		switch (outcome.status()) {
			case "IMPORTED" -> out.printf("%s: imported %d rows: %d accepted (%d updated), %d rejected%n", file,
					counts.rowsRead(), counts.accepted(), counts.updated(), counts.rejected());
			case "UNUSABLE" -> tally.unusable(outcome.message(), err);
			case "STOPPED" -> {
				tally.stopped = true;
				out.println(file + ": " + outcome.message() + " (committed chunks are kept)");
			}
			default -> tally.failed(file + ": " + outcome.message() + "; nothing of it was stored", err);
		}
		String status = switch (outcome.status()) {
			case "IMPORTED", "STOPPED" -> outcome.status();
			default -> "FAILED";
		};
		return new InputFileInfo(name, planned.sha256(), status, counts.rowsRead(), counts.accepted(),
				counts.rejected(), counts.updated(), (outcome.message() != null) ? outcome.message() : "");
	}

	private static void awaitTermination(ExecutorService executor) {
		try {
			while (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
				// an import still running: wait for it
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static ThreadFactory importThread() {
		AtomicInteger number = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, "exchange-import-" + number.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/**
	 * A file of the run: {@code file} and {@code sha256} when it can be imported,
	 * {@code problem} when not.
	 */
	private record Planned(Path file, long position, String sha256, String problem) {

	}

	/**
	 * The output folder is unusable: nothing is imported. An unusable input still decides
	 * the exit status (2 wins over 1).
	 */
	private static int outputUnusable(RunRequest request, ReportWriteException ex, PrintWriter err) {
		int exit = FAILED;
		for (Path input : request.inputs()) {
			try {
				InputFiles.expand(List.of(input));
			}
			catch (InputFileException inputProblem) {
				err.println("error: " + inputProblem.getMessage());
				exit = UNUSABLE;
			}
		}
		err.println("error: " + ex.getMessage() + "; nothing was imported");
		err.flush();
		return exit;
	}

	private static String summary(Tally tally, RunRequest request, Duration elapsed, boolean reportsWritten) {
		String outcome = switch (tally.exitCode()) {
			case OK -> "Run completed";
			case FAILED -> tally.stopped ? "Run stopped" : "Run failed";
			default -> "Run failed: some input was unusable";
		};
		String reports = reportsWritten ? "Reports are in " + request.outputDir() + "." : "Reports were not written.";
		return String.format(
				"%s in %.1f s: %d file(s) imported, %d skipped as already imported, %d failed; "
						+ "%d rows read, %d accepted (%d updated), %d rejected. %s",
				outcome, elapsed.toMillis() / 1000.0, tally.count("IMPORTED"), tally.count("SKIPPED"),
				tally.filesFailed(), tally.rowsRead, tally.accepted, tally.updated, tally.rejected, reports);
	}

	static String sha256(Path file) throws IOException {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
			in.transferTo(java.io.OutputStream.nullOutputStream());
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	static String version() {
		String version = ExchangeRunner.class.getPackage().getImplementationVersion();
		return (version != null) ? version : "development";
	}

	/** Running totals of a run and the worst outcome so far. */
	private static final class Tally {

		final List<InputFileInfo> inputs = new ArrayList<>();

		long rowsRead;

		long accepted;

		long rejected;

		long updated;

		final List<String> notes = new ArrayList<>();

		boolean unusable;

		boolean failed;

		boolean stopped;

		String firstError;

		// A failed file's accepted rows were not stored, so they do not count as
		// accepted.
		void add(ImportCounts counts, boolean imported) {
			this.rowsRead += counts.rowsRead();
			this.rejected += counts.rejected();
			if (imported) {
				this.accepted += counts.accepted();
				this.updated += counts.updated();
			}
		}

		void unusable(String message, PrintWriter err) {
			this.unusable = true;
			report(message, err);
		}

		void failed(String message, PrintWriter err) {
			this.failed = true;
			report(message, err);
		}

		void report(String message, PrintWriter err) {
			if (this.firstError == null) {
				this.firstError = message;
			}
			err.println("error: " + message);
			err.flush();
		}

		int count(String outcome) {
			return (int) this.inputs.stream().filter((info) -> outcome.equals(info.outcome())).count();
		}

		int filesFailed() {
			return count("FAILED");
		}

		int exitCode() {
			return this.unusable ? UNUSABLE : (this.failed || this.stopped) ? FAILED : OK;
		}

		String status() {
			return this.stopped ? "STOPPED" : (exitCode() == OK) ? "COMPLETED" : "FAILED";
		}

	}

}
