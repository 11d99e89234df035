package org.coordination.exchange.report;

import java.util.List;

/**
 * The aggregate tables, each already in the SPEC's row order. Rejected rows are not here:
 * they grow with the input and are streamed by {@link RejectedRows}.
 */
public record ReportData(List<StageSummary> stages, List<BranchSummary> branches, List<StageBranchRow> stageBranches,
		List<ConditionCount> conditions) {

}
