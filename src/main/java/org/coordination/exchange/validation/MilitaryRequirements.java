package org.coordination.exchange.validation;

import org.coordination.exchange.record.Category;

/**
 * The required-for-MILITARY rule of SPEC §2: {@code service_branch} and
 * {@code rank_group} must be given on a row whose {@code category} is a valid
 * {@code MILITARY}, else {@code MISSING_VALUE}, also when the file's header lacks those
 * columns. On any other row, a blank or bad category included, they are optional; a value
 * given there is still validated by {@link CodedValueRules} and kept.
 */
final class MilitaryRequirements {

	private MilitaryRequirements() {
	}

	/**
	 * Whether {@code service_branch} and {@code rank_group} are required.
	 * @param category the row's category, {@code null} if blank or bad
	 */
	static boolean branchAndRankRequired(Category category) {
		return category == Category.MILITARY;
	}

}
