package org.coordination.exchange.run;

import java.io.PrintWriter;
import java.nio.file.Path;

import org.coordination.exchange.job.ImportOutcome;
import org.coordination.exchange.job.ImportOutcome.Status;
import org.coordination.exchange.report.RunInfo.InputFileInfo;
import org.coordination.exchange.run.RunPlan.PlannedFile;
import org.coordination.exchange.store.ImportStore.ImportCounts;

/**
 * Tells the operator what came of each file, in the plan's order: one line on stdout, or
 * one {@code error:} line on stderr for a file that failed, and adds it to the run's
 * tally.
 */
final class FileTeller {

	private static final ImportCounts NOTHING = new ImportCounts(0, 0, 0, 0);

	private final RunTally tally;

	private final PrintWriter out;

	private final PrintWriter err;

	FileTeller(RunTally tally, PrintWriter out, PrintWriter err) {
		this.tally = tally;
		this.out = out;
		this.err = err;
	}

	/**
	 * @param outcome what came of it, {@code null} when a stop signal came before it
	 * started or was published
	 */
	void tell(PlannedFile planned, ImportOutcome outcome) {
		Path file = planned.file();
		if (file == null) {
			// an input path that names no usable file
			this.tally.unusable(planned.problem(), this.err);
			return;
		}
		if (outcome == null) {
			this.tally.stopped = true;
			return;
		}
		String name = file.getFileName().toString();
		String sha256 = (planned.sha256() != null) ? planned.sha256() : "";
		if (outcome.status() == Status.SKIPPED) {
			String as = outcome.message().equals(name) ? "" : " as " + outcome.message();
			String message = "already imported" + as + ", skipped";
			this.out.println(file + ": " + message);
			this.tally.file(Status.SKIPPED, new InputFileInfo(name, sha256, "SKIPPED", 0, 0, 0, 0, message));
			return;
		}
		ImportCounts counts = (outcome.counts() != null) ? outcome.counts() : NOTHING;
		this.tally.add(counts, outcome.status() == Status.IMPORTED);
		if (outcome.resumedAfter() >= 0 && outcome.status() != Status.STOPPED) {
			this.tally.notes.add("restarted: " + file + " resumed after " + outcome.resumedAfter() + " rows");
		}
		switch (outcome.status()) {
			case IMPORTED -> this.out.printf("%s: imported %d rows: %d accepted (%d updated), %d rejected%n", file,
					counts.rowsRead(), counts.accepted(), counts.updated(), counts.rejected());
			case UNUSABLE -> this.tally.unusable(outcome.message(), this.err);
			case STOPPED -> {
				this.tally.stopped = true;
				this.out.println(file + ": " + outcome.message() + " (committed chunks are kept)");
			}
			default -> this.tally.failed(file + ": " + outcome.message() + "; nothing of it was stored", this.err);
		}
		String shown = switch (outcome.status()) {
			case IMPORTED, STOPPED -> outcome.status().name();
			default -> "FAILED";
		};
		this.tally.file(outcome.status(), new InputFileInfo(name, sha256, shown, counts.rowsRead(), counts.accepted(),
				counts.rejected(), counts.updated(), (outcome.message() != null) ? outcome.message() : ""));
	}

}
