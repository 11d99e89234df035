package org.coordination.exchange.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.coordination.exchange.record.Side;
import org.coordination.exchange.sample.SampleData.Place;

/**
 * A stage as one run plays it.
 *
 * @param stage the stage
 * @param dates its days on or before the run date
 * @param rows its share of the run's rows
 * @param places for each of {@code dates}, the places of capture that fit before it: UA
 * military, UA civilian, RU military, RU civilian
 */
record StagePlan(SampleStage stage, List<LocalDate> dates, int rows, List<List<Weighted<Place>>> places) {

	/**
	 * Shares {@code rows} among the stages by weight, leaving out days after
	 * {@code today} and stages with none left.
	 * @throws IllegalArgumentException if rows are asked for and no stage is left
	 */
	static List<StagePlan> of(List<SampleStage> stages, int rows, LocalDate today) {
		List<SampleStage> kept = new ArrayList<>();
		List<List<LocalDate>> keptDates = new ArrayList<>();
		long totalWeight = 0;
		for (SampleStage stage : stages) {
			List<LocalDate> dates = stage.dates().stream().filter((d) -> !d.isAfter(today)).toList();
			if (!dates.isEmpty()) {
				kept.add(stage);
				keptDates.add(dates);
				totalWeight += stage.weight();
			}
		}
		if (kept.isEmpty() && rows > 0) {
			throw new IllegalArgumentException("no stage takes place on or before " + today);
		}
		List<StagePlan> plans = new ArrayList<>();
		long cumulative = 0;
		for (int i = 0; i < kept.size(); i++) {
			// cumulative bounds: the shares add up to exactly rows
			long from = rows * cumulative / totalWeight;
			cumulative += kept.get(i).weight();
			long to = rows * cumulative / totalWeight;
			List<LocalDate> dates = keptDates.get(i);
			plans.add(new StagePlan(kept.get(i), dates, (int) (to - from),
					dates.stream().map(StagePlan::placesBefore).toList()));
		}
		return plans;
	}

	/** The places of capture for a row of day {@code day} of the stage. */
	Weighted<Place> places(int day, Side side, boolean civilian) {
		return this.places.get(day).get(((side == Side.UA) ? 0 : 2) + (civilian ? 1 : 0));
	}

	/**
	 * The earliest first day of the plans, or the start of the war if that is earlier.
	 */
	static LocalDate firstDate(List<StagePlan> plans) {
		LocalDate first = SampleData.WAR_START;
		for (StagePlan plan : plans) {
			first = plan.dates().get(0).isBefore(first) ? plan.dates().get(0) : first;
		}
		return first;
	}

	private static List<Weighted<Place>> placesBefore(LocalDate exchange) {
		List<Weighted<Place>> tables = new ArrayList<>(4);
		for (Side side : new Side[] { Side.UA, Side.RU }) {
			for (boolean civilian : new boolean[] { false, true }) {
				Weighted<Place> weighted = new Weighted<>();
				for (Place place : SampleData.places(side, civilian)) {
					if (!place.latestCapture(exchange).isBefore(place.from())) {
						weighted.add(place, place.weight());
					}
				}
				tables.add(weighted);
			}
		}
		return List.copyOf(tables);
	}

}
