package org.coordination.exchange.sample;

import java.time.LocalDate;

/**
 * Date texts of both formats, made once per day: a file of millions of rows repeats the
 * few hundred days of its stages and captures.
 */
final class DateTexts {

	private final long first;

	private final String[] iso;

	private final String[] dotted;

	/**
	 * Caches the days {@code first} to {@code last}; other days are formatted each time.
	 */
	DateTexts(LocalDate first, LocalDate last) {
		this.first = first.toEpochDay();
		int days = (int) Math.max(0, last.toEpochDay() - this.first + 1);
		this.iso = new String[days];
		this.dotted = new String[days];
	}

	/** {@code 2025-06-09}, or {@code 09.06.2025} when {@code dotted}. */
	String text(LocalDate date, boolean dotted) {
		long index = date.toEpochDay() - this.first;
		if (index < 0 || index >= this.iso.length) {
			return format(date, dotted);
		}
		String[] cache = dotted ? this.dotted : this.iso;
		String text = cache[(int) index];
		if (text == null) {
			text = format(date, dotted);
			cache[(int) index] = text;
		}
		return text;
	}

	private static String format(LocalDate date, boolean dotted) {
		if (!dotted) {
			return date.toString();
		}
		int day = date.getDayOfMonth();
		int month = date.getMonthValue();
		return ((day < 10) ? "0" : "") + day + ((month < 10) ? ".0" : ".") + month + "." + date.getYear();
	}

}
