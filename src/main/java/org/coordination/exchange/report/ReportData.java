package org.coordination.exchange.report;

import java.util.List;

/**
 * The aggregate tables, each already in the SPEC's row order. Rejected rows are not here:
 * they grow with the input and are streamed by {@link RejectedRows}.
 *
 * @param stages {@code stage_summary.csv}
 * @param branches {@code branch_summary.csv}
 * @param stageBranches {@code stage_branch.csv}
 * @param conditions {@code conditions.csv}
 * @param timeline one row per exchange date, in date order (workbook only)
 */
public record ReportData(List<StageSummary> stages, List<BranchSummary> branches, List<StageBranchRow> stageBranches,
		List<ConditionCount> conditions, List<TimelineRow> timeline) {

	/** The tables of the CSV reports, without a timeline. */
	public ReportData(List<StageSummary> stages, List<BranchSummary> branches, List<StageBranchRow> stageBranches,
			List<ConditionCount> conditions) {
		this(stages, branches, stageBranches, conditions, List.of());
	}

}
