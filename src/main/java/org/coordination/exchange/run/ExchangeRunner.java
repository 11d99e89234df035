package org.coordination.exchange.run;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

import org.coordination.exchange.input.InputFileException;
import org.coordination.exchange.input.InputFiles;
import org.coordination.exchange.job.FileImportLauncher;
import org.coordination.exchange.job.GracefulShutdown;
import org.coordination.exchange.job.ImportJobParameters;
import org.coordination.exchange.job.ImportOutcome;
import org.coordination.exchange.job.ImportOutcome.Status;
import org.coordination.exchange.job.ImportPublisher;
import org.coordination.exchange.report.ReportPublisher;
import org.coordination.exchange.report.ReportWriteException;
import org.coordination.exchange.report.RunInfo;
import org.coordination.exchange.run.RunPlan.PlannedFile;
import org.coordination.exchange.store.ImportStore;
import org.coordination.exchange.store.RunHistory;
import org.coordination.exchange.store.RunHistory.RunRecord;
import org.coordination.exchange.store.RunLock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * One run (SPEC §4, §6): import each new input file, publish them in file order, then
 * rebuild every report from the store, and say what happened.
 */
@Component
public class ExchangeRunner {

	/** Exit status of a run that completed. */
	public static final int OK = RunTally.OK;

	/** Exit status of a run that failed (reject limit, I/O error, interrupted). */
	public static final int FAILED = RunTally.FAILED;

	/** Exit status of a run given an unusable command line or input. */
	public static final int UNUSABLE = RunTally.UNUSABLE;

	private final FileImportLauncher launcher;

	private final ImportPublisher importPublisher;

	private final ImportStore importStore;

	private final ReportPublisher reportPublisher;

	private final RunHistory runHistory;

	private final RunLock runLock;

	private final int importThreads;

	private final Clock clock;

	private final AsyncTaskExecutor importExecutor;

	@Autowired
	ExchangeRunner(FileImportLauncher launcher, ImportPublisher importPublisher, ImportStore importStore,
			ReportPublisher reportPublisher, RunHistory runHistory, RunLock runLock,
			@Value("${exchange.import-threads:2}") int importThreads, Clock clock) {
		this.launcher = launcher;
		this.importPublisher = importPublisher;
		this.importStore = importStore;
		this.reportPublisher = reportPublisher;
		this.runHistory = runHistory;
		this.runLock = runLock;
		this.importThreads = Math.max(1, importThreads);
		this.clock = clock;
		SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("exchange-import-");
		// a run that ends with an import still running does not keep the process alive
		executor.setDaemon(true);
		this.importExecutor = executor;
	}

	/** This runner importing up to this many files side by side. */
	ExchangeRunner withImportThreads(int threads) {
		return new ExchangeRunner(this.launcher, this.importPublisher, this.importStore, this.reportPublisher,
				this.runHistory, this.runLock, threads, this.clock);
	}

	/** This runner writing its reports with another publisher. */
	ExchangeRunner withReportPublisher(ReportPublisher publisher) {
		return new ExchangeRunner(this.launcher, this.importPublisher, this.importStore, publisher, this.runHistory,
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
		for (long interrupted : this.runHistory.markInterrupted()) {
			out.println("Run " + interrupted + " was interrupted before it finished; its imports resume now.");
		}
		long runId = this.runHistory.start(started,
				request.inputs().stream().map(Path::toString).collect(Collectors.joining(" ")), scheduledFor);
		RunTally tally = new RunTally();
		importAll(RunPlan.of(request.inputs()), request, runId, new FileTeller(tally, out, err));
		boolean reportsWritten = false;
		if (tally.stopped || GracefulShutdown.current().requested()) {
			tally.stopped = true;
			tally.report("stopped on request; the reports were not rebuilt. Run the same command again to resume.",
					err);
		}
		else {
			reportsWritten = publishReports(request, runId, started, tally, err);
		}
		Instant finished = Instant.now(this.clock);
		this.runHistory.finish(runId,
				new RunRecord(runId, started, finished, tally.status(), "", tally.count(Status.IMPORTED),
						tally.count(Status.SKIPPED), tally.filesFailed(), tally.rowsRead, tally.accepted,
						tally.rejected, tally.updated, tally.firstError,
						tally.notes.isEmpty() ? null : String.join("; ", tally.notes)));
		out.println(tally.summary(request.outputDir(), Duration.between(started, finished), reportsWritten));
		out.flush();
		return tally.exitCode();
	}

	/**
	 * Imports the planned files, up to {@code importThreads} side by side (each on a
	 * thread of the import executor), and publishes and tells of each in the plan's order
	 * as soon as it and every file before it are done. Files of the same content are
	 * imported one after the other, so that the second is skipped.
	 */
	private void importAll(RunPlan plan, RunRequest request, long runId, FileTeller teller) {
		List<PlannedFile> files = plan.files();
		int threads = plan.sameContentTwice() ? 1 : (int) Math.max(1, Math.min(this.importThreads, plan.importable()));
		LocalDate runDate = LocalDate.now();
		List<CompletableFuture<ImportOutcome>> imports = new ArrayList<>();
		try {
			for (int i = 0; i < files.size(); i++) {
				// keep up to `threads` files importing: this one and those after it
				while (imports.size() < Math.min(files.size(), i + threads)) {
					PlannedFile next = files.get(imports.size());
					// one at a time: imported here, before the file after it starts
					imports.add((threads > 1)
							? this.importExecutor.submitCompletable(() -> importPlanned(next, request, runId, runDate))
							: CompletableFuture.completedFuture(importPlanned(next, request, runId, runDate)));
				}
				PlannedFile planned = files.get(i);
				ImportOutcome outcome = imports.get(i).join();
				if (outcome != null && outcome.status() == Status.STAGED) {
					// a stop signal before its turn leaves it staged: the next run
					// publishes it
					outcome = GracefulShutdown.current().requested() ? outcome.stoppedBeforePublishing()
							: this.importPublisher.publish(outcome, runId, request.maxRejects());
				}
				teller.tell(planned, outcome);
			}
		}
		catch (CompletionException ex) {
			// as if the import had run in this thread: the error handler knows the causes
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw ex;
		}
		finally {
			// every import started ends before the run does (and the store is released)
			CompletableFuture.allOf(imports.toArray(CompletableFuture[]::new)).exceptionally((ex) -> null).join();
		}
	}

	/**
	 * Stages one planned file; {@code null} when a stop signal came before it started.
	 */
	private ImportOutcome importPlanned(PlannedFile planned, RunRequest request, long runId, LocalDate runDate) {
		if (!planned.importable()) {
			return ImportOutcome.unusable(planned.problem());
		}
		if (GracefulShutdown.current().requested()) {
			return null;
		}
		Optional<String> importedAs = this.importStore.completedFileWithSha256(planned.sha256());
		if (importedAs.isPresent()) {
			return ImportOutcome.skipped(importedAs.get());
		}
		return this.launcher.importFile(new ImportJobParameters(planned.file(), planned.sha256(), request.charset(),
				request.separator(), request.maxRejects(), runId, runDate));
	}

	private boolean publishReports(RunRequest request, long runId, Instant started, RunTally tally, PrintWriter err) {
		try {
			this.reportPublisher.publish(
					request.outputDir(), new RunInfo(started, Instant.now(this.clock), tally.inputs, tally.rowsRead,
							tally.accepted, tally.rejected, tally.updated, version()),
					request.excelCsv(), request.minCellCount());
			return true;
		}
		catch (ReportWriteException ex) {
			// the store goes back to what the previous reports show
			String withdrawn = (this.importStore.revertRun(runId) > 0)
					? "; this run's imports were withdrawn from the store and the next run publishes them again" : "";
			tally.failed(ex.getMessage() + "; the previous reports are unchanged" + withdrawn, err);
			return false;
		}
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

	static String sha256(Path file) throws java.io.IOException {
		return RunPlan.sha256(file);
	}

	static String version() {
		String version = ExchangeRunner.class.getPackage().getImplementationVersion();
		return (version != null) ? version : "development";
	}

}
