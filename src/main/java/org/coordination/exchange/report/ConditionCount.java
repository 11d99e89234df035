package org.coordination.exchange.report;

/** One row of {@code conditions.csv}: cases of one condition in one stage. */
public record ConditionCount(StageKey key, String condition, long cases) {

}
