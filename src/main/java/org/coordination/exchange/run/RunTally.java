package org.coordination.exchange.run;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.coordination.exchange.job.ImportOutcome.Status;
import org.coordination.exchange.report.RunInfo.InputFileInfo;
import org.coordination.exchange.store.ImportStore.ImportCounts;

/** Running totals of a run, the worst outcome so far, and the exit status it makes. */
final class RunTally {

	/** Exit status of a run that completed. */
	static final int OK = 0;

	/** Exit status of a run that failed (reject limit, I/O error, interrupted). */
	static final int FAILED = 1;

	/** Exit status of a run given an unusable command line or input. */
	static final int UNUSABLE = 2;

	final List<InputFileInfo> inputs = new ArrayList<>();

	final List<String> notes = new ArrayList<>();

	private final Map<Status, Integer> files = new EnumMap<>(Status.class);

	long rowsRead;

	long accepted;

	long rejected;

	long updated;

	boolean stopped;

	String firstError;

	private boolean unusable;

	private boolean failed;

	/** One file's outcome, as the Run sheet shows it. */
	void file(Status status, InputFileInfo info) {
		this.files.merge(status, 1, Integer::sum);
		this.inputs.add(info);
	}

	// A failed file's accepted rows were not stored, so they do not count as accepted.
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

	int count(Status status) {
		return this.files.getOrDefault(status, 0);
	}

	int filesFailed() {
		return count(Status.FAILED) + count(Status.UNUSABLE);
	}

	int exitCode() {
		return this.unusable ? UNUSABLE : (this.failed || this.stopped) ? FAILED : OK;
	}

	String status() {
		return this.stopped ? "STOPPED" : (exitCode() == OK) ? "COMPLETED" : "FAILED";
	}

	String summary(Path outputDir, Duration elapsed, boolean reportsWritten) {
		String outcome = switch (exitCode()) {
			case OK -> "Run completed";
			case FAILED -> this.stopped ? "Run stopped" : "Run failed";
			default -> "Run failed: some input was unusable";
		};
		String reports = reportsWritten ? "Reports are in " + outputDir + "." : "Reports were not written.";
		return String.format(
				"%s in %.1f s: %d file(s) imported, %d skipped as already imported, %d failed; "
						+ "%d rows read, %d accepted (%d updated), %d rejected. %s",
				outcome, elapsed.toMillis() / 1000.0, count(Status.IMPORTED), count(Status.SKIPPED), filesFailed(),
				this.rowsRead, this.accepted, this.updated, this.rejected, reports);
	}

}
