package org.coordination.exchange.report;

/** One row of {@code stage_branch.csv} (MILITARY records only). */
public record StageBranchRow(StageKey key, String serviceBranch, long returned, long officers, long ncos, long enlisted,
		long severe, long withConditions) {

}
