package org.coordination.exchange.report;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One row of {@code stage_summary.csv}. Statistics with no values are {@code null}.
 */
public record StageSummary(StageKey key, LocalDate firstExchangeDate, LocalDate lastExchangeDate, long returnedTotal,
		long returnedToUa, long returnedToRu, long military, long civilians, long remains, long officers, long ncos,
		long enlisted, long severe, long withConditions, long age18To25, BigDecimal captivityDaysAvg,
		BigDecimal captivityDaysMedian, Integer captivityDaysMax, long captivityOver3y) {

	public long balance() {
		return this.returnedToUa - this.returnedToRu;
	}

}
