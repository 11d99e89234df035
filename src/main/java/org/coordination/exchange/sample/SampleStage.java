package org.coordination.exchange.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One stage of an exchange as the generator plays it: where its rows belong and what kind
 * of people it returned.
 *
 * @param agreement agreement name as written in the rows, {@code ""} for none
 * @param stage stage number, 1–999
 * @param dates the days of the stage, ascending (most stages take one day)
 * @param weight share of the rows relative to the other stages of a plan
 * @param uaShare share of the stage's rows returned to {@code UA}; 0.5 for an equal
 * exchange
 * @param profile who was returned
 */
public record SampleStage(String agreement, int stage, List<LocalDate> dates, int weight, double uaShare,
		Profile profile) {

	/** The agreement the 2025 stages 1–7 in June were agreed under. */
	public static final String ISTANBUL_JUNE = "Istanbul 2025-06-02";

	public SampleStage {
		if (agreement == null || agreement.length() > 200 || !agreement.equals(agreement.strip())) {
			throw new IllegalArgumentException("agreement must be trimmed text of at most 200 characters");
		}
		if (stage < 1 || stage > 999) {
			throw new IllegalArgumentException("stage must be 1–999: " + stage);
		}
		dates = List.copyOf(dates);
		if (dates.isEmpty()) {
			throw new IllegalArgumentException("a stage needs at least one date");
		}
		for (int i = 1; i < dates.size(); i++) {
			if (!dates.get(i).isAfter(dates.get(i - 1))) {
				throw new IllegalArgumentException("stage dates must ascend: " + dates);
			}
		}
		if (weight < 1) {
			throw new IllegalArgumentException("weight must be positive: " + weight);
		}
		if (!(uaShare >= 0 && uaShare <= 1)) {
			throw new IllegalArgumentException("uaShare must be 0–1: " + uaShare);
		}
		if (profile == null) {
			throw new IllegalArgumentException("profile is required");
		}
	}

	/** Who a stage returned, which shapes categories, ages and conditions. */
	public enum Profile {

		/** Mostly servicemen, a few civilians. */
		REGULAR,
		/** Servicemen aged 18–25. */
		YOUNG,
		/** Severely wounded and seriously ill. */
		WOUNDED,
		/** Servicemen with a larger share of civilians. */
		CIVILIANS,
		/** Bodies of the fallen, returned mostly to one side. */
		REMAINS

	}

	/**
	 * The exchanges of January–May 2025: one without an agreement name, single-stage
	 * exchanges, and the three days of the "1000 for 1000" agreed in Istanbul on
	 * 2025-05-16.
	 */
	public static List<SampleStage> beforeJune2025() {
		return List.of(of("", 1, "2025-01-05", 4, Profile.REGULAR),
				of("Exchange 2025-02-05", 1, "2025-02-05", 8, Profile.REGULAR),
				of("Exchange 2025-03-19", 1, "2025-03-19", 8, Profile.WOUNDED),
				of("Easter 2025", 1, "2025-04-19", 10, Profile.REGULAR),
				of("Exchange 2025-05-06", 1, "2025-05-06", 8, Profile.REGULAR),
				of("Istanbul 2025-05-16", 1, "2025-05-23", 14, Profile.CIVILIANS),
				of("Istanbul 2025-05-16", 2, "2025-05-24", 11, Profile.REGULAR),
				of("Istanbul 2025-05-16", 3, "2025-05-25", 11, Profile.REGULAR));
	}

	/** Stages 1–7 of the June 2025 exchanges agreed in Istanbul on 2025-06-02. */
	public static List<SampleStage> istanbulJune2025() {
		return List.of(of(ISTANBUL_JUNE, 1, "2025-06-09", 12, Profile.YOUNG),
				of(ISTANBUL_JUNE, 2, "2025-06-10", 12, Profile.WOUNDED),
				new SampleStage(ISTANBUL_JUNE, 3, List.of(LocalDate.parse("2025-06-11")), 10, 0.96, Profile.REMAINS),
				of(ISTANBUL_JUNE, 4, "2025-06-12", 12, Profile.REGULAR),
				of(ISTANBUL_JUNE, 5, "2025-06-14", 12, Profile.WOUNDED),
				new SampleStage(ISTANBUL_JUNE, 6, List.of(LocalDate.parse("2025-06-19"), LocalDate.parse("2025-06-20")),
						16, 0.5, Profile.REGULAR),
				of(ISTANBUL_JUNE, 7, "2025-06-26", 14, Profile.CIVILIANS));
	}

	/** Stages {@code from}–{@code to} of {@link #istanbulJune2025()}. */
	public static List<SampleStage> istanbulJune2025(int from, int to) {
		return istanbulJune2025().stream().filter((s) -> s.stage() >= from && s.stage() <= to).toList();
	}

	/** Every 2025 stage, in date order. */
	public static List<SampleStage> all2025() {
		List<SampleStage> all = new ArrayList<>(beforeJune2025());
		all.addAll(istanbulJune2025());
		return List.copyOf(all);
	}

	private static SampleStage of(String agreement, int stage, String date, int weight, Profile profile) {
		return new SampleStage(agreement, stage, List.of(LocalDate.parse(date)), weight, 0.5, profile);
	}

}
