package org.coordination.exchange.store;

import java.util.EnumSet;
import java.util.Set;

import org.coordination.exchange.record.Condition;

/**
 * A record's conditions stored as one integer, a bit per {@link Condition}, so that a
 * record stays one row and aggregation needs no join.
 */
final class ConditionMask {

	private static final Condition[] CONDITIONS = Condition.values();

	private ConditionMask() {
	}

	static int of(Set<Condition> conditions) {
		int mask = 0;
		for (Condition condition : conditions) {
			mask |= 1 << condition.ordinal();
		}
		return mask;
	}

	static Set<Condition> toSet(int mask) {
		EnumSet<Condition> conditions = EnumSet.noneOf(Condition.class);
		for (Condition condition : CONDITIONS) {
			if ((mask & (1 << condition.ordinal())) != 0) {
				conditions.add(condition);
			}
		}
		return conditions;
	}

}
