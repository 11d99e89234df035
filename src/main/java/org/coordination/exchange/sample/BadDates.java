package org.coordination.exchange.sample;

import java.time.LocalDate;

import org.coordination.exchange.record.Column;

/** Spoils a row's dates: typed wrong, in the future, or a capture after the exchange. */
final class BadDates {

	private final SplitMix random;

	private final DateTexts dates;

	private final LocalDate today;

	BadDates(SplitMix random, DateTexts dates, LocalDate today) {
		this.random = random;
		this.dates = dates;
		this.today = today;
	}

	/** Spoils {@code row} by one of the kinds about dates. */
	void spoil(InvalidKind kind, Row row) {
		switch (kind) {
			case BAD_EXCHANGE_DATE -> {
				row.set(Column.EXCHANGE_DATE, badDate(row.date));
				row.badValue(Column.EXCHANGE_DATE);
			}
			case FUTURE_EXCHANGE_DATE -> {
				row.set(Column.EXCHANGE_DATE, this.dates.text(future(row.date), row.dotted));
				row.reasons.add("FUTURE_DATE:" + Column.EXCHANGE_DATE.header());
			}
			case BAD_CAPTURED_ON -> {
				row.set(Column.CAPTURED_ON, this.random
					.pick(new String[] { "2023-02-29", "31.04.2023", "2023-13-05", "5.3.2023", "2023/05/01" }));
				row.badValue(Column.CAPTURED_ON);
			}
			case FUTURE_CAPTURED_ON -> captureAfter(row, future(row.date));
			case CAPTURE_AFTER_EXCHANGE -> {
				long gap = this.today.toEpochDay() - row.date.toEpochDay();
				captureAfter(row,
						row.date.plusDays(1 + ((gap > 1) ? this.random.nextInt((int) Math.min(gap, 90)) : 0)));
			}
			default -> throw new IllegalArgumentException("not about dates: " + kind);
		}
	}

	/** A date that does not exist or is not in an accepted format. */
	private String badDate(LocalDate date) {
		int variant = this.random.nextInt(4);
		if (variant == 1 && date.getDayOfMonth() >= 10 && date.getMonthValue() >= 10) {
			// 12.10.2025 would be a valid date
			variant = 0;
		}
		return switch (variant) {
			case 0 -> date.getYear() + "-02-30";
			case 1 -> date.getDayOfMonth() + "." + date.getMonthValue() + "." + date.getYear();
			case 2 -> date.toString().replace('-', '/');
			default -> date.toString().substring(0, 8) + "32";
		};
	}

	/** A year typed with its last two digits swapped (2025 as 2052), if that is ahead. */
	private LocalDate future(LocalDate date) {
		int year = date.getYear();
		int swapped = year - year % 100 + (year % 10) * 10 + (year / 10) % 10;
		LocalDate typo = date.withYear(swapped);
		return typo.isAfter(this.today) ? typo : this.today.plusDays(1 + this.random.nextInt(365));
	}

	private void captureAfter(Row row, LocalDate captured) {
		row.set(Column.CAPTURED_ON, this.dates.text(captured, row.dotted));
		if (captured.isAfter(this.today)) {
			row.reasons.add("FUTURE_DATE:" + Column.CAPTURED_ON.header());
		}
		row.reasons.add("CAPTURE_AFTER_EXCHANGE");
	}

}
