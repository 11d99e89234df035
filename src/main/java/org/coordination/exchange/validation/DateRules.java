package org.coordination.exchange.validation;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.util.Objects;

import org.coordination.exchange.record.Column;

/**
 * The date rules of SPEC §2 and §3 for {@code exchange_date} (required) and
 * {@code captured_on} (optional): a date is written exactly {@code yyyy-MM-dd} or
 * {@code dd.MM.yyyy} and exists in the calendar, else {@code BAD_VALUE}; it is not after
 * the run date, else {@code FUTURE_DATE}; and a capture is not after the exchange, else
 * {@code CAPTURE_AFTER_EXCHANGE}. Thread-safe.
 */
final class DateRules {

	static final String CAPTURE_AFTER_EXCHANGE = "CAPTURE_AFTER_EXCHANGE";

	// reason codes built once, indexed by column ordinal
	private static final String[] FUTURE_DATE = RowCheck.reasonCodes("FUTURE_DATE:");

	private final LocalDate runDate;

	/**
	 * @param runDate dates after this are {@code FUTURE_DATE}
	 */
	DateRules(LocalDate runDate) {
		this.runDate = Objects.requireNonNull(runDate, "runDate");
	}

	/** The {@code exchange_date}; {@code null} if blank or bad. */
	LocalDate exchangeDate(RowCheck row) {
		return date(row, Column.EXCHANGE_DATE, true);
	}

	/** The {@code captured_on} date; {@code null} if blank or bad. */
	LocalDate capturedOn(RowCheck row) {
		return date(row, Column.CAPTURED_ON, false);
	}

	/**
	 * {@code CAPTURE_AFTER_EXCHANGE} when both dates are valid and the capture is later;
	 * a future date is still valid here, so it can carry both codes.
	 */
	void captureNotAfterExchange(RowCheck row, LocalDate exchangeDate, LocalDate capturedOn) {
		if (exchangeDate != null && capturedOn != null && capturedOn.isAfter(exchangeDate)) {
			row.reject(CAPTURE_AFTER_EXCHANGE);
		}
	}

	/**
	 * A date in either format, not after the run date; {@code null} if blank or bad.
	 */
	private LocalDate date(RowCheck row, Column column, boolean required) {
		String text = row.value(column, required);
		if (text.isEmpty()) {
			return null;
		}
		LocalDate date = parse(text);
		if (date == null) {
			row.bad(column);
		}
		else if (date.isAfter(this.runDate)) {
			row.reject(FUTURE_DATE[column.ordinal()]);
		}
		return date;
	}

	/**
	 * A date written exactly {@code yyyy-MM-dd} or {@code dd.MM.yyyy} (two-digit day and
	 * month, four-digit year) that exists in the calendar; {@code null} otherwise. Same
	 * result as {@code ResolverStyle.STRICT} with {@code uuuu}, without exceptions.
	 */
	static LocalDate parse(String value) {
		if (value.length() != 10) {
			return null;
		}
		int year;
		int month;
		int day;
		if (value.charAt(4) == '-' && value.charAt(7) == '-') {
			year = digits(value, 0, 4);
			month = digits(value, 5, 7);
			day = digits(value, 8, 10);
		}
		else if (value.charAt(2) == '.' && value.charAt(5) == '.') {
			day = digits(value, 0, 2);
			month = digits(value, 3, 5);
			year = digits(value, 6, 10);
		}
		else {
			return null;
		}
		if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))) {
			return null;
		}
		return LocalDate.of(year, month, day);
	}

	/** The ASCII digits in {@code [from, to)} as a number, -1 if any is not a digit. */
	private static int digits(String value, int from, int to) {
		int number = 0;
		for (int i = from; i < to; i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			number = number * 10 + (c - '0');
		}
		return number;
	}

}
