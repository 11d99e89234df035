package org.coordination.exchange.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

/**
 * Captivity statistics of one group. Keeps a histogram of day counts instead of the
 * values, so memory is bounded by the span of dates, not by the number of records, and
 * the median is still exact.
 */
final class CaptivityStats {

	private final TreeMap<Integer, Long> histogram = new TreeMap<>();

	private long count;

	private long sum;

	private int max = Integer.MIN_VALUE;

	private long over3y;

	/** Count one record; records without a capture date carry no captivity. */
	void add(LocalDate capturedOn, LocalDate exchangeDate) {
		if (capturedOn == null || exchangeDate == null) {
			return;
		}
		int days = Math.toIntExact(ChronoUnit.DAYS.between(capturedOn, exchangeDate));
		this.histogram.merge(days, 1L, Long::sum);
		this.count++;
		this.sum += days;
		this.max = Math.max(this.max, days);
		// LocalDate.plusYears maps 29 February to 28 February in a common year, as the
		// SPEC asks
		if (capturedOn.plusYears(3).isBefore(exchangeDate)) {
			this.over3y++;
		}
	}

	/** Average rounded half-up to one decimal, {@code null} without values. */
	BigDecimal average() {
		if (this.count == 0) {
			return null;
		}
		return BigDecimal.valueOf(this.sum).divide(BigDecimal.valueOf(this.count), 1, RoundingMode.HALF_UP);
	}

	/**
	 * Median rounded half-up to one decimal (the mean of the middle two for an even
	 * count), {@code null} without values.
	 */
	BigDecimal median() {
		if (this.count == 0) {
			return null;
		}
		// 0-based positions of the middle value(s) in sorted order
		long lowIndex = (this.count - 1) / 2;
		long highIndex = this.count / 2;
		Integer low = null;
		Integer high = null;
		long seen = 0;
		for (Map.Entry<Integer, Long> entry : this.histogram.entrySet()) {
			seen += entry.getValue();
			if (low == null && seen > lowIndex) {
				low = entry.getKey();
			}
			if (seen > highIndex) {
				high = entry.getKey();
				break;
			}
		}
		return BigDecimal.valueOf((long) low + high).divide(BigDecimal.valueOf(2), 1, RoundingMode.HALF_UP);
	}

	/** Longest captivity in days, {@code null} without values. */
	Integer max() {
		return (this.count != 0) ? this.max : null;
	}

	long over3y() {
		return this.over3y;
	}

}
