package org.coordination.exchange.job;

import org.coordination.exchange.store.ImportStore.ImportCounts;

/**
 * What came of one file of a run.
 *
 * @param status how it ended
 * @param importId the import that staged its rows ({@link Status#STAGED}), else -1
 * @param rowsRead the rows it staged ({@link Status#STAGED}), else 0
 * @param message why it failed or was skipped, {@code null} when imported
 * @param counts the import's counts, {@code null} when nothing was counted
 * @param resumedAfter records a restarted import skipped as already staged (or, when
 * stopped, how many it had read), -1 when it started from the beginning
 */
public record ImportOutcome(Status status, long importId, long rowsRead, String message, ImportCounts counts,
		long resumedAfter) {

	/** How an import ended. */
	public enum Status {

		/** Every row is staged; the run publishes it in its turn. */
		STAGED,

		/** Published: its records are visible. */
		IMPORTED,

		/**
		 * Not imported: this content was already imported (message: under which name).
		 */
		SKIPPED,

		/** Stopped on request after a committed chunk: the same command resumes it. */
		STOPPED,

		/** Failed: nothing of it is visible. */
		FAILED,

		/** A file-level problem with the input itself (SPEC §3), or it cannot be read. */
		UNUSABLE

	}

	static ImportOutcome staged(long importId, long rowsRead, long resumedAfter) {
		return new ImportOutcome(Status.STAGED, importId, rowsRead, null, null, resumedAfter);
	}

	/** A staged import left unpublished because a stop signal came before its turn. */
	public ImportOutcome stoppedBeforePublishing() {
		return stopped(this.rowsRead);
	}

	static ImportOutcome imported(ImportCounts counts, long resumedAfter) {
		return new ImportOutcome(Status.IMPORTED, -1, 0, null, counts, resumedAfter);
	}

	static ImportOutcome stopped(long recordsRead) {
		return new ImportOutcome(Status.STOPPED, -1, 0, "stopped on request after " + recordsRead + " rows", null,
				recordsRead);
	}

	static ImportOutcome failed(String message, ImportCounts counts) {
		return new ImportOutcome(Status.FAILED, -1, 0, message, counts, -1);
	}

	/** Not imported: the file cannot be used (unreadable, or a file-level problem). */
	public static ImportOutcome unusable(String message) {
		return new ImportOutcome(Status.UNUSABLE, -1, 0, message, null, -1);
	}

	/** Not imported: this content was already imported under the file name given. */
	public static ImportOutcome skipped(String importedAs) {
		return new ImportOutcome(Status.SKIPPED, -1, 0, importedAs, null, -1);
	}

}
