package org.coordination.exchange.record;

import java.time.LocalDate;
import java.util.Set;

/**
 * One accepted exchange record with every value in canonical form.
 *
 * @param recordId identifier, trimmed
 * @param exchangeDate date of return
 * @param agreement agreement name, {@code ""} when blank
 * @param stage stage number within the agreement
 * @param side side returned to
 * @param category what was returned
 * @param serviceBranch canonical branch code, or {@code null}
 * @param rankGroup rank group, or {@code null}
 * @param age age in years, or {@code null}
 * @param capturedOn capture date, or {@code null}
 * @param capturePlace capture place, or {@code null} when blank
 * @param conditions distinct condition codes, possibly empty
 * @param severity severity, or {@code null} when not assessed
 */
public record ExchangeRecord(String recordId, LocalDate exchangeDate, String agreement, int stage, Side side,
		Category category, String serviceBranch, RankGroup rankGroup, Integer age, LocalDate capturedOn,
		String capturePlace, Set<Condition> conditions, Severity severity) {

}
