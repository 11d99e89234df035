package org.coordination.exchange.sample;

import java.util.Locale;

import org.coordination.exchange.record.Side;
import org.coordination.exchange.sample.SampleStage.Profile;

/**
 * Codes as people write them: mostly canonical, sometimes another spelling the importer
 * must accept.
 */
final class Spellings {

	private final SplitMix random;

	Spellings(SplitMix random) {
		this.random = random;
	}

	/** {@code code} as written: sometimes lower case, title case or padded. */
	String code(String code, double variantShare) {
		if (!this.random.chance(variantShare)) {
			return code;
		}
		return switch (this.random.nextInt(3)) {
			case 0 -> code.toLowerCase(Locale.ROOT);
			case 1 -> code.charAt(0) + code.substring(1).toLowerCase(Locale.ROOT);
			default -> " " + code + " ";
		};
	}

	/** The first of {@code spellings}, the code, or sometimes one of the others. */
	String of(String[] spellings, double variantShare) {
		if (spellings.length == 1 || !this.random.chance(variantShare)) {
			return spellings[0];
		}
		return spellings[1 + this.random.nextInt(spellings.length - 1)];
	}

	/** A service branch of the side's servicemen. */
	String branch(Side side) {
		return of(((side == Side.UA) ? SampleData.UA_BRANCHES : SampleData.RU_BRANCHES).pick(this.random), 0.15);
	}

	/** A rank group; young servicemen are mostly enlisted. */
	String rank(Profile profile) {
		return of(((profile == Profile.YOUNG) ? SampleData.RANKS_YOUNG : SampleData.RANKS_ALL).pick(this.random), 0.12);
	}

}
