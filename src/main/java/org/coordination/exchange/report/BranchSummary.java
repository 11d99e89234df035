package org.coordination.exchange.report;

import java.math.BigDecimal;

/**
 * One row of {@code branch_summary.csv} (MILITARY records only). Statistics with no
 * values are {@code null}.
 */
public record BranchSummary(String serviceBranch, long returned, long officers, long ncos, long enlisted, long severe,
		long withConditions, BigDecimal captivityDaysAvg, BigDecimal captivityDaysMedian, Integer captivityDaysMax,
		long captivityOver3y) {

}
