package org.coordination.exchange.sample;

import java.time.LocalDate;

import org.coordination.exchange.record.Category;
import org.coordination.exchange.record.Column;
import org.coordination.exchange.sample.SampleData.Place;

/** Where and when the person of a row was captured, or the body found. */
final class Captures {

	private final SplitMix random;

	private final DateTexts dates;

	Captures(SplitMix random, DateTexts dates) {
		this.random = random;
		this.dates = dates;
	}

	/** Fills {@code captured_on} and {@code capture_place}, often leaving them empty. */
	void fill(Row row, StagePlan plan, int day) {
		row.set(Column.CAPTURED_ON, "");
		row.set(Column.CAPTURE_PLACE, "");
		boolean civilian = row.category == Category.CIVILIAN;
		Weighted<Place> places = plan.places(day, row.side, civilian);
		if (places.isEmpty()) {
			return;
		}
		if (row.category == Category.REMAINS) {
			// where the body was found, sometimes; never a date
			if (this.random.chance(0.25)) {
				row.set(Column.CAPTURE_PLACE, text(places.pick(this.random), row));
			}
			return;
		}
		if (this.random.chance(civilian ? 0.1 : 0.06)) {
			return;
		}
		Place place = places.pick(this.random);
		LocalDate last = place.latestCapture(row.date);
		long days = last.toEpochDay() - place.from().toEpochDay() + 1;
		LocalDate captured = place.from().plusDays((long) (this.random.nextDouble() * days));
		row.set(Column.CAPTURED_ON, this.dates.text(captured, row.dotted));
		row.set(Column.CAPTURE_PLACE, this.random.chance(0.08) ? "" : text(place, row));
	}

	private static String text(Place place, Row row) {
		return row.quoteFree ? place.plainText() : place.text();
	}

}
