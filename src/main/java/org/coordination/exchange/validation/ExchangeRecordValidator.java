package org.coordination.exchange.validation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * Text lengths count Unicode code points. Whole numbers are plain ASCII digits; digit
 * strings too long for an int are out of range, not an overflow. Thread-safe.
 */
public final class ExchangeRecordValidator {

	static final int MAX_RECORD_ID_LENGTH = 64;

	static final int MAX_TEXT_LENGTH = 200;

	static final int MIN_STAGE = 1;

	static final int MAX_STAGE = 999;

	static final int MIN_AGE = 14;

	static final int MAX_AGE = 100;

	static final String CAPTURE_AFTER_EXCHANGE = "CAPTURE_AFTER_EXCHANGE";

	private static final CodeTable<Side> SIDES = CodeTable.of(Side.class, Map.of());

	private static final CodeTable<Category> CATEGORIES = CodeTable.of(Category.class, Map.of());

	private static final CodeTable<RankGroup> RANK_GROUPS = CodeTable.of(RankGroup.class,
			Map.of("non-commissioned officer", RankGroup.NCO, "sergeant", RankGroup.NCO, "soldier", RankGroup.ENLISTED,
					"private", RankGroup.ENLISTED));

	private static final CodeTable<Condition> CONDITIONS = CodeTable.of(Condition.class, Map.of());

	private static final CodeTable<Severity> SEVERITIES = CodeTable.of(Severity.class, Map.of());

	// reason codes built once, indexed by column ordinal
	private static final String[] MISSING_VALUE = reasonCodes("MISSING_VALUE:");

	private static final String[] BAD_VALUE = reasonCodes("BAD_VALUE:");

	private static final String[] FUTURE_DATE = reasonCodes("FUTURE_DATE:");

	private static final Predicate<Column> ALL_COLUMNS = (column) -> true;

	private final ReferenceData referenceData;

	private final LocalDate runDate;

	/**
	 * @param referenceData the service branches and their aliases
	 * @param runDate dates after this are {@code FUTURE_DATE}
	 */
	public ExchangeRecordValidator(ReferenceData referenceData, LocalDate runDate) {
		this.referenceData = Objects.requireNonNull(referenceData, "referenceData");
		this.runDate = Objects.requireNonNull(runDate, "runDate");
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
		Row row = new Row(values, headerHas);

		String recordId = row.value(Column.RECORD_ID);
		if (recordId.isEmpty()) {
			row.missing(Column.RECORD_ID);
		}
		else if (!isRecordId(recordId)) {
			row.bad(Column.RECORD_ID);
		}

		LocalDate exchangeDate = row.date(Column.EXCHANGE_DATE, true);

		String agreement = row.text(Column.AGREEMENT);

		int stage = row.number(Column.STAGE, true, MIN_STAGE, MAX_STAGE);

		Side side = row.code(Column.SIDE, true, SIDES);

		Category category = row.code(Column.CATEGORY, true, CATEGORIES);
		boolean military = category == Category.MILITARY;

		String serviceBranch = row.branch(military, this.referenceData);

		RankGroup rankGroup = row.code(Column.RANK_GROUP, military, RANK_GROUPS);

		int age = row.number(Column.AGE, false, MIN_AGE, MAX_AGE);

		LocalDate capturedOn = row.date(Column.CAPTURED_ON, false);

		String capturePlace = row.text(Column.CAPTURE_PLACE);

		Set<Condition> conditions = row.conditions();

		Severity severity = row.code(Column.SEVERITY, false, SEVERITIES);

		if (exchangeDate != null && capturedOn != null && capturedOn.isAfter(exchangeDate)) {
			row.reject(CAPTURE_AFTER_EXCHANGE);
		}

		if (row.reasons != null) {
			return RowVerdict.rejected(row.reasons);
		}
		return RowVerdict.accepted(new ExchangeRecord(recordId, exchangeDate, agreement, stage, side, category,
				serviceBranch, rankGroup, (age > 0) ? age : null, capturedOn,
				capturePlace.isEmpty() ? null : capturePlace, conditions, severity));
	}

	private static boolean isRecordId(String value) {
		int length = value.length();
		if (length > MAX_RECORD_ID_LENGTH) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			char c = value.charAt(i);
			boolean allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'
					|| c == '-' || c == '.';
			if (!allowed) {
				return false;
			}
		}
		return true;
	}

	private static String[] reasonCodes(String prefix) {
		Column[] columns = Column.values();
		String[] codes = new String[columns.length];
		for (Column column : columns) {
			codes[column.ordinal()] = prefix + column.header();
		}
		return codes;
	}

	/** One row being validated: its values and the reasons found so far. */
	private final class Row {

		private final Function<Column, String> values;

		private final Predicate<Column> headerHas;

		/**
		 * {@code null} while the row breaks no rule, so a valid row allocates no list.
		 */
		private List<String> reasons;

		Row(Function<Column, String> values, Predicate<Column> headerHas) {
			this.values = values;
			this.headerHas = headerHas;
		}

		String value(Column column) {
			return this.headerHas.test(column) ? Values.trim(this.values.apply(column)) : "";
		}

		void reject(String reason) {
			if (this.reasons == null) {
				this.reasons = new ArrayList<>(4);
			}
			this.reasons.add(reason);
		}

		void missing(Column column) {
			reject(MISSING_VALUE[column.ordinal()]);
		}

		void bad(Column column) {
			reject(BAD_VALUE[column.ordinal()]);
		}

		/**
		 * A date in either format, not after the run date; {@code null} if blank or bad.
		 */
		LocalDate date(Column column, boolean required) {
			String text = value(column);
			if (text.isEmpty()) {
				if (required) {
					missing(column);
				}
				return null;
			}
			LocalDate date = Values.date(text);
			if (date == null) {
				bad(column);
			}
			else if (date.isAfter(ExchangeRecordValidator.this.runDate)) {
				reject(FUTURE_DATE[column.ordinal()]);
			}
			return date;
		}

		/** Optional free text of bounded length. */
		String text(Column column) {
			String text = value(column);
			if (Values.longerThan(text, MAX_TEXT_LENGTH)) {
				bad(column);
			}
			return text;
		}

		/** A whole number in {@code [min, max]}; -1 if blank or bad. */
		int number(Column column, boolean required, int min, int max) {
			String text = value(column);
			if (text.isEmpty()) {
				if (required) {
					missing(column);
				}
				return -1;
			}
			int number = Values.plainNumber(text);
			if (number < min || number > max) {
				bad(column);
				return -1;
			}
			return number;
		}

		/** A coded value as its canonical code; {@code null} if blank or unknown. */
		<T> T code(Column column, boolean required, CodeTable<T> table) {
			String text = value(column);
			if (text.isEmpty()) {
				if (required) {
					missing(column);
				}
				return null;
			}
			T code = table.lookup(text);
			if (code == null) {
				bad(column);
			}
			return code;
		}

		String branch(boolean required, ReferenceData referenceData) {
			String text = value(Column.SERVICE_BRANCH);
			if (text.isEmpty()) {
				if (required) {
					missing(Column.SERVICE_BRANCH);
				}
				return null;
			}
			String branch = referenceData.branchOrNull(text);
			if (branch == null) {
				bad(Column.SERVICE_BRANCH);
			}
			return branch;
		}

		/** Condition codes separated by {@code ;} or {@code |}; empty codes ignored. */
		Set<Condition> conditions() {
			String text = value(Column.CONDITIONS);
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
				bad(Column.CONDITIONS);
			}
			return conditions;
		}

	}

}
