package org.coordination.exchange.sample;

import org.coordination.exchange.record.Category;
import org.coordination.exchange.record.Column;
import org.coordination.exchange.record.Side;
import org.coordination.exchange.sample.SampleStage.Profile;

/** Fills a row with values the importer accepts, shaped by its stage's profile. */
final class ValidRows {

	/**
	 * Small numbers as text, made once: ages and stages are written millions of times.
	 */
	private static final String[] NUMBERS = new String[101];

	static {
		for (int i = 0; i < NUMBERS.length; i++) {
			NUMBERS[i] = Integer.toString(i);
		}
	}

	private final SplitMix random;

	private final Spellings spellings;

	private final DateTexts dates;

	private final Captures captures;

	private final Conditions conditions;

	private long sequence;

	ValidRows(SplitMix random, DateTexts dates, long firstSequence) {
		this.random = random;
		this.spellings = new Spellings(random);
		this.dates = dates;
		this.captures = new Captures(random, dates);
		this.conditions = new Conditions(random, this.spellings);
		this.sequence = firstSequence;
	}

	/** Fills {@code row} (its side already chosen) for day {@code day} of the plan. */
	void fill(Row row, StagePlan plan, int day) {
		SampleStage stage = plan.stage();
		Profile profile = stage.profile();
		row.date = plan.dates().get(day);
		row.category = category(profile);
		row.dotted = this.random.chance(0.08);
		row.set(Column.RECORD_ID, id(row.side, row.date.getYear(), this.sequence++));
		row.set(Column.EXCHANGE_DATE, this.dates.text(row.date, row.dotted));
		row.set(Column.AGREEMENT, (!stage.agreement().isEmpty() && this.random.chance(0.005))
				? " " + stage.agreement() + " " : stage.agreement());
		row.set(Column.STAGE,
				(stage.stage() < 10 && this.random.chance(0.02)) ? "0" + stage.stage() : number(stage.stage()));
		row.set(Column.SIDE, this.spellings.code(row.side.name(), 0.03));
		row.set(Column.CATEGORY, this.spellings.code(row.category.name(), 0.04));
		fillBranchAndRank(row, profile);
		row.set(Column.AGE, age(row.category, profile));
		this.captures.fill(row, plan, day);
		this.conditions.fill(row, profile);
	}

	private Category category(Profile profile) {
		double r = this.random.nextDouble();
		return switch (profile) {
			case REMAINS -> Category.REMAINS;
			case YOUNG -> Category.MILITARY;
			case WOUNDED -> (r < 0.96) ? Category.MILITARY : Category.CIVILIAN;
			case CIVILIANS -> (r < 0.72) ? Category.MILITARY : Category.CIVILIAN;
			case REGULAR -> (r < 0.95) ? Category.MILITARY : Category.CIVILIAN;
		};
	}

	/** {@code UA-2025-000123}: side, year of the exchange, sequence. */
	private static String id(Side side, int year, long sequence) {
		StringBuilder id = new StringBuilder(16).append(side.name()).append('-').append(year).append('-');
		String number = Long.toString(sequence);
		for (int i = number.length(); i < 6; i++) {
			id.append('0');
		}
		return id.append(number).toString();
	}

	private void fillBranchAndRank(Row row, Profile profile) {
		row.set(Column.SERVICE_BRANCH, "");
		row.set(Column.RANK_GROUP, "");
		if (row.category == Category.MILITARY) {
			row.set(Column.SERVICE_BRANCH, this.spellings.branch(row.side));
			row.set(Column.RANK_GROUP, this.spellings.rank(profile));
		}
		else if (row.category == Category.REMAINS && this.random.chance(0.12)) {
			// identified remains sometimes carry the branch and rank
			row.set(Column.SERVICE_BRANCH, this.spellings.branch(row.side));
			row.set(Column.RANK_GROUP, this.random.chance(0.5) ? this.spellings.rank(profile) : "");
		}
	}

	private String age(Category category, Profile profile) {
		double mean;
		double deviation;
		int max = 65;
		switch (category) {
			case REMAINS -> {
				if (!this.random.chance(0.1)) {
					return "";
				}
				mean = 32;
				deviation = 8;
			}
			case CIVILIAN -> {
				mean = 48;
				deviation = 15;
				max = 82;
			}
			default -> {
				if (profile == Profile.YOUNG) {
					return NUMBERS[18 + this.random.nextInt(8)];
				}
				mean = (profile == Profile.WOUNDED) ? 36 : 33;
				deviation = (profile == Profile.WOUNDED) ? 9 : 8;
			}
		}
		if (this.random.chance(0.04)) {
			return "";
		}
		long age = Math.round(mean + deviation * this.random.nextGaussian());
		return NUMBERS[(int) Math.max(18, Math.min(max, age))];
	}

	private static String number(int value) {
		return (value >= 0 && value < NUMBERS.length) ? NUMBERS[value] : Integer.toString(value);
	}

}
