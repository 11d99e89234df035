package org.coordination.exchange.report;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Captivity statistics of one group. Keeps a histogram of day counts instead of the
 * values, so memory is bounded by the span of dates, not by the number of records, and
 * the median is still exact. Captivities up to about ninety years are counted in an array
 * (a tree map of boxed counts took a twentieth of a million-row run); longer ones, from
 * far-past dates, in a map. The longest is taken from the histogram too, so that values
 * can be taken back ({@code sign} -1) as well as added.
 */
final class CaptivityStats {

	private static final int DENSE_DAYS = 1 << 15;

	private long[] dense = new long[1024];

	private final TreeMap<Integer, Long> sparse = new TreeMap<>();

	private long count;

	private long sum;

	private long over3y;

	/**
	 * Count one record ({@code sign} 1) or take it back (-1); records without a capture
	 * date carry no captivity.
	 */
	void add(LocalDate capturedOn, LocalDate exchangeDate, int sign) {
		if (capturedOn == null || exchangeDate == null) {
			return;
		}
		int days = Math.toIntExact(ChronoUnit.DAYS.between(capturedOn, exchangeDate));
		addDays(days, sign);
		this.count += sign;
		this.sum += (long) days * sign;
		// LocalDate.plusYears maps 29 February to 28 February in a common year, as the
		// SPEC asks
		if (capturedOn.plusYears(3).isBefore(exchangeDate)) {
			this.over3y += sign;
		}
	}

	private void addDays(int days, long cases) {
		if (days >= 0 && days < DENSE_DAYS) {
			if (days >= this.dense.length) {
				this.dense = Arrays.copyOf(this.dense, Math.min(DENSE_DAYS, Integer.highestOneBit(days) * 2));
			}
			this.dense[days] += cases;
		}
		else if (this.sparse.merge(days, cases, Long::sum) == 0) {
			this.sparse.remove(days);
		}
	}

	/** Adds another group's values, as if they had been added here. */
	void merge(CaptivityStats other) {
		if (other.dense.length > this.dense.length) {
			this.dense = Arrays.copyOf(this.dense, other.dense.length);
		}
		for (int days = 0; days < other.dense.length; days++) {
			this.dense[days] += other.dense[days];
		}
		other.sparse.forEach(this::addDays);
		this.count += other.count;
		this.sum += other.sum;
		this.over3y += other.over3y;
	}

	void writeTo(DataOutput out) throws IOException {
		out.writeLong(this.count);
		out.writeLong(this.sum);
		out.writeLong(this.over3y);
		int used = 0;
		for (long cases : this.dense) {
			used += (cases != 0) ? 1 : 0;
		}
		out.writeInt(used + this.sparse.size());
		for (int days = 0; days < this.dense.length; days++) {
			if (this.dense[days] != 0) {
				out.writeInt(days);
				out.writeLong(this.dense[days]);
			}
		}
		for (Map.Entry<Integer, Long> entry : this.sparse.entrySet()) {
			out.writeInt(entry.getKey());
			out.writeLong(entry.getValue());
		}
	}

	static CaptivityStats readFrom(DataInput in) throws IOException {
		CaptivityStats stats = new CaptivityStats();
		stats.count = in.readLong();
		stats.sum = in.readLong();
		stats.over3y = in.readLong();
		for (int i = in.readInt(); i > 0; i--) {
			stats.addDays(in.readInt(), in.readLong());
		}
		return stats;
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
		for (Map.Entry<Integer, Long> entry : histogram().entrySet()) {
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

	/** All counts by day, in day order. */
	private TreeMap<Integer, Long> histogram() {
		TreeMap<Integer, Long> all = new TreeMap<>(this.sparse);
		for (int days = 0; days < this.dense.length; days++) {
			if (this.dense[days] != 0) {
				all.put(days, this.dense[days]);
			}
		}
		return all;
	}

	/** Longest captivity in days, {@code null} without values. */
	Integer max() {
		if (this.count == 0) {
			return null;
		}
		// the sparse days beyond the array are the longest; those before it the shortest
		if (!this.sparse.isEmpty() && this.sparse.lastKey() >= DENSE_DAYS) {
			return this.sparse.lastKey();
		}
		for (int days = this.dense.length - 1; days >= 0; days--) {
			if (this.dense[days] != 0) {
				return days;
			}
		}
		return this.sparse.lastKey();
	}

	long over3y() {
		return this.over3y;
	}

}
