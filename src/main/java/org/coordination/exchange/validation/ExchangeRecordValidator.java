package org.coordination.exchange.validation;

import java.time.LocalDate;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import org.coordination.exchange.record.Category;
import org.coordination.exchange.record.Column;
import org.coordination.exchange.record.Condition;
import org.coordination.exchange.record.ExchangeRecord;
import org.coordination.exchange.record.RankGroup;
import org.coordination.exchange.record.Severity;
import org.coordination.exchange.record.Side;

/**
 * The row rules of SPEC §2 and §3. Every rule is checked and every broken one reported,
 * at most one code per column, in the order of the columns table, then
 * {@code CAPTURE_AFTER_EXCHANGE}; {@code DUPLICATE_RECORD_ID} is added by
 * {@link DuplicateRecordIdCheck}, {@code MALFORMED_ROW} by the reader.
 * <p>
 * This class only calls the rules column by column; they live in {@link TextRules},
 * {@link DateRules}, {@link NumberRules}, {@link CodedValueRules} and
 * {@link MilitaryRequirements}. Thread-safe.
 */
public final class ExchangeRecordValidator {

	private static final Predicate<Column> ALL_COLUMNS = (column) -> true;

	private final DateRules dates;

	private final CodedValueRules codedValues;

	/**
	 * @param referenceData the service branches and their aliases
	 * @param runDate dates after this are {@code FUTURE_DATE}
	 */
	public ExchangeRecordValidator(ReferenceData referenceData, LocalDate runDate) {
		this.codedValues = new CodedValueRules(referenceData);
		this.dates = new DateRules(runDate);
	}

	/**
	 * Validates a row from a file whose header has every column.
	 * @param values the row's values by column, trimmed, {@code ""} when blank
	 */
	public RowVerdict validate(Function<Column, String> values) {
		return validate(values, ALL_COLUMNS);
	}

	/**
	 * Validates a row.
	 * @param values the row's values by column, trimmed, {@code ""} when blank or absent
	 * @param headerHas which columns the file's header has; an absent column is blank
	 */
	public RowVerdict validate(Function<Column, String> values, Predicate<Column> headerHas) {
		RowCheck row = new RowCheck(values, headerHas);
		// one call per column, in the order of the columns table
		String recordId = TextRules.recordId(row);
		LocalDate exchangeDate = this.dates.exchangeDate(row);
		String agreement = TextRules.agreement(row);
		int stage = NumberRules.stage(row);
		Side side = this.codedValues.side(row);
		Category category = this.codedValues.category(row);
		boolean military = MilitaryRequirements.branchAndRankRequired(category);
		String serviceBranch = this.codedValues.serviceBranch(row, military);
		RankGroup rankGroup = this.codedValues.rankGroup(row, military);
		int age = NumberRules.age(row);
		LocalDate capturedOn = this.dates.capturedOn(row);
		String capturePlace = TextRules.capturePlace(row);
		Set<Condition> conditions = this.codedValues.conditions(row);
		Severity severity = this.codedValues.severity(row);
		// then the rule across columns
		this.dates.captureNotAfterExchange(row, exchangeDate, capturedOn);

		if (row.reasons() != null) {
			return RowVerdict.rejected(row.reasons());
		}
		return RowVerdict.accepted(new ExchangeRecord(recordId, exchangeDate, agreement, stage, side, category,
				serviceBranch, rankGroup, (age > 0) ? age : null, capturedOn,
				capturePlace.isEmpty() ? null : capturePlace, conditions, severity));
	}

}
