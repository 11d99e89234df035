package org.coordination.exchange.validation;

import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.coordination.exchange.record.Category;
import org.coordination.exchange.record.Column;
import org.coordination.exchange.record.Condition;
import org.coordination.exchange.record.RankGroup;
import org.coordination.exchange.record.Severity;
import org.coordination.exchange.record.Side;

/**
 * The coded-value rules of SPEC §2: {@code side}, {@code category},
 * {@code service_branch}, {@code rank_group}, {@code conditions} and {@code severity}
 * hold codes or their aliases, matched case-insensitively with {@code _}, {@code -} and
 * space alike and kept as their canonical codes; an unknown one is {@code BAD_VALUE}. The
 * service branches come from {@link ReferenceData}; the other code lists are fixed by the
 * SPEC and live here. Thread-safe.
 */
final class CodedValueRules {

	private static final CodeTable<Side> SIDES = CodeTable.of(Side.class, Map.of());

	private static final CodeTable<Category> CATEGORIES = CodeTable.of(Category.class, Map.of());

	private static final CodeTable<RankGroup> RANK_GROUPS = CodeTable.of(RankGroup.class,
			Map.of("non-commissioned officer", RankGroup.NCO, "sergeant", RankGroup.NCO, "soldier", RankGroup.ENLISTED,
					"private", RankGroup.ENLISTED));

	private static final CodeTable<Condition> CONDITIONS = CodeTable.of(Condition.class, Map.of());

	private static final CodeTable<Severity> SEVERITIES = CodeTable.of(Severity.class, Map.of());

	private final ReferenceData referenceData;

	/**
	 * @param referenceData the service branches and their aliases
	 */
	CodedValueRules(ReferenceData referenceData) {
		this.referenceData = Objects.requireNonNull(referenceData, "referenceData");
	}

	/** The {@code side} (required); {@code null} if blank or unknown. */
	Side side(RowCheck row) {
		return code(row, Column.SIDE, true, SIDES);
	}

	/** The {@code category} (required); {@code null} if blank or unknown. */
	Category category(RowCheck row) {
		return code(row, Column.CATEGORY, true, CATEGORIES);
	}

	/** The canonical {@code service_branch}; {@code null} if blank or unknown. */
	String serviceBranch(RowCheck row, boolean required) {
		String text = row.value(Column.SERVICE_BRANCH, required);
		if (text.isEmpty()) {
			return null;
		}
		String branch = this.referenceData.branchOrNull(text);
		if (branch == null) {
			row.bad(Column.SERVICE_BRANCH);
		}
		return branch;
	}

	/** The {@code rank_group}; {@code null} if blank or unknown. */
	RankGroup rankGroup(RowCheck row, boolean required) {
		return code(row, Column.RANK_GROUP, required, RANK_GROUPS);
	}

	/**
	 * The {@code conditions}: codes separated by {@code ;} or {@code |}, each trimmed,
	 * empty codes ignored; one {@code BAD_VALUE} if any code is unknown.
	 */
	Set<Condition> conditions(RowCheck row) {
		String text = row.value(Column.CONDITIONS);
		Set<Condition> conditions = EnumSet.noneOf(Condition.class);
		boolean unknown = false;
		int length = text.length();
		int start = 0;
		while (start < length) {
			int end = start;
			while (end < length && text.charAt(end) != ';' && text.charAt(end) != '|') {
				end++;
			}
			String code = Values.trim(text.substring(start, end));
			if (!code.isEmpty()) {
				Condition condition = CONDITIONS.lookup(code);
				if (condition != null) {
					conditions.add(condition);
				}
				else {
					unknown = true;
				}
			}
			start = end + 1;
		}
		if (unknown) {
			row.bad(Column.CONDITIONS);
		}
		return conditions;
	}

	/** The {@code severity} (optional); {@code null} if blank or unknown. */
	Severity severity(RowCheck row) {
		return code(row, Column.SEVERITY, false, SEVERITIES);
	}

	/** A coded value as its canonical code; {@code null} if blank or unknown. */
	private static <T> T code(RowCheck row, Column column, boolean required, CodeTable<T> table) {
		String text = row.value(column, required);
		if (text.isEmpty()) {
			return null;
		}
		T code = table.lookup(text);
		if (code == null) {
			row.bad(column);
		}
		return code;
	}

}
