package org.coordination.exchange.report;

import java.time.LocalDate;

/**
 * One exchange date of the workbook's Timeline sheet: returns on that date, whatever the
 * stage.
 *
 * @param exchangeDate the date
 * @param returnedToUa records returned to UA on that date, remains included
 * @param returnedToRu records returned to RU on that date, remains included
 * @param remains of them, remains
 */
public record TimelineRow(LocalDate exchangeDate, long returnedToUa, long returnedToRu, long remains) {

	public long returnedTotal() {
		return this.returnedToUa + this.returnedToRu;
	}

}
