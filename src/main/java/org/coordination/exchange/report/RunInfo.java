package org.coordination.exchange.report;

import java.time.Instant;
import java.util.List;

/**
 * What a run did, for the workbook's Run sheet.
 *
 * @param startedAt when the run started
 * @param finishedAt when the reports were written
 * @param inputs the files the run was given, in import order
 * @param rowsRead data rows read this run
 * @param accepted rows accepted this run
 * @param rejected rows rejected this run
 * @param updated stored records replaced by a later record this run
 * @param version software version
 */
public record RunInfo(Instant startedAt, Instant finishedAt, List<InputFileInfo> inputs, long rowsRead, long accepted,
		long rejected, long updated, String version) {

	/**
	 * One input file of a run.
	 *
	 * @param fileName name of the file
	 * @param sha256 hex SHA-256 of its content, or {@code ""} when unreadable
	 * @param outcome {@code IMPORTED}, {@code SKIPPED} (already imported) or
	 * {@code FAILED}
	 * @param message why it was skipped or failed, {@code ""} otherwise
	 */
	public record InputFileInfo(String fileName, String sha256, String outcome, long rowsRead, long accepted,
			long rejected, long updated, String message) {

	}

}
