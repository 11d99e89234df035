package org.coordination.exchange.sample;

import org.coordination.exchange.record.Category;
import org.coordination.exchange.record.Column;
import org.coordination.exchange.record.Condition;
import org.coordination.exchange.sample.SampleStage.Profile;

/** The health conditions of a returned person and their severity. */
final class Conditions {

	private final SplitMix random;

	private final Spellings spellings;

	Conditions(SplitMix random, Spellings spellings) {
		this.random = random;
		this.spellings = spellings;
	}

	/**
	 * Fills {@code conditions} and {@code severity}: none for remains, more and graver
	 * ones for the wounded, fewer for the young.
	 */
	void fill(Row row, Profile profile) {
		row.set(Column.CONDITIONS, "");
		row.set(Column.SEVERITY, "");
		if (row.category == Category.REMAINS) {
			return;
		}
		boolean wounded = profile == Profile.WOUNDED;
		double r = this.random.nextDouble();
		int count;
		if (wounded) {
			count = (r < 0.05) ? 0 : (r < 0.4) ? 1 : (r < 0.75) ? 2 : 3;
		}
		else if (profile == Profile.YOUNG) {
			count = (r < 0.6) ? 0 : (r < 0.87) ? 1 : (r < 0.97) ? 2 : 3;
		}
		else {
			count = (r < 0.5) ? 0 : (r < 0.78) ? 1 : (r < 0.93) ? 2 : 3;
		}
		Weighted<Condition> weights = wounded ? SampleData.CONDITIONS_WOUNDED : SampleData.CONDITIONS_USUAL;
		Condition[] chosen = new Condition[count];
		boolean grave = false;
		for (int i = 0; i < count; i++) {
			Condition condition = weights.pick(this.random);
			for (int j = 0; j < i; j++) {
				if (chosen[j] == condition) {
					// drawn again until it differs from all chosen before
					condition = weights.pick(this.random);
					j = -1;
				}
			}
			chosen[i] = condition;
			grave |= condition == Condition.AMPUTATION || condition == Condition.VISION_LOSS
					|| condition == Condition.TUBERCULOSIS;
		}
		row.set(Column.CONDITIONS, text(chosen, row.quoteFree));
		row.set(Column.SEVERITY, severity(count, wounded, grave));
	}

	private String text(Condition[] chosen, boolean quoteFree) {
		if (chosen.length == 0) {
			return "";
		}
		// a list with ';' is quoted in the file, so a row that must hold no quote uses
		// '|'
		double r = this.random.nextDouble();
		String separator = (quoteFree || r < 0.06) ? "|" : (r < 0.12) ? "; " : ";";
		StringBuilder text = new StringBuilder(48);
		for (int i = 0; i < chosen.length; i++) {
			text.append((i > 0) ? separator : "")
				.append(this.spellings.of(SampleData.CONDITIONS[chosen[i].ordinal()], 0.04));
		}
		if (this.random.chance(0.01)) {
			// listed twice: counts once
			text.append(separator).append(chosen[0].name());
		}
		if (this.random.chance(0.01)) {
			// an empty code, ignored
			text.append(separator.strip());
		}
		return text.toString();
	}

	private String severity(int conditions, boolean wounded, boolean grave) {
		double r = this.random.nextDouble();
		String[] severity;
		if (conditions == 0) {
			severity = (r < 0.7) ? SampleData.SEVERITY_NONE : null;
		}
		else if (wounded) {
			severity = (r < 0.75) ? SampleData.SEVERITY_SEVERE : (r < 0.95) ? SampleData.SEVERITY_MODERATE : null;
		}
		else if (grave) {
			severity = (r < 0.6) ? SampleData.SEVERITY_SEVERE : (r < 0.9) ? SampleData.SEVERITY_MODERATE : null;
		}
		else {
			severity = (r < 0.15) ? SampleData.SEVERITY_SEVERE
					: (r < 0.65) ? SampleData.SEVERITY_MODERATE : (r < 0.7) ? SampleData.SEVERITY_NONE : null;
		}
		return (severity != null) ? this.spellings.of(severity, 0.03) : "";
	}

}
