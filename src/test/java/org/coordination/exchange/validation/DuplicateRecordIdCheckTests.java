package org.coordination.exchange.validation;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.coordination.exchange.record.Column;

import static org.assertj.core.api.Assertions.assertThat;

class DuplicateRecordIdCheckTests {

	private final ExchangeRecordValidator validator = new ExchangeRecordValidator(ReferenceData.defaults(),
			LocalDate.of(2025, 6, 15));

	private final DuplicateRecordIdCheck check = new DuplicateRecordIdCheck();

	@Test
	void firstAcceptedRowWins() {
		RowVerdict first = check(row("R-1", "1"));
		RowVerdict second = check(row("R-1", "2"));
		assertThat(first.accepted()).isTrue();
		assertThat(first.record().stage()).isEqualTo(1);
		assertThat(second.record()).isNull();
		assertThat(second.reasons()).containsExactly("DUPLICATE_RECORD_ID");
		assertThat(this.check.acceptedIds().contains("R-1")).isTrue();
	}

	@Test
	void rowAfterRejectedCopyCanBeAccepted() {
		RowVerdict rejected = check(row("R-1", "0"));
		RowVerdict accepted = check(row("R-1", "2"));
		RowVerdict duplicate = check(row("R-1", "3"));
		assertThat(rejected.reasons()).containsExactly("BAD_VALUE:stage");
		assertThat(accepted.record().stage()).isEqualTo(2);
		assertThat(duplicate.reasons()).containsExactly("DUPLICATE_RECORD_ID");
	}

	@Test
	void duplicateWithOtherErrorsCarriesAllItsCodes() {
		check(row("R-1", "1"));
		Map<Column, String> row = row("R-1", "1000");
		row.put(Column.EXCHANGE_DATE, "2025-06-09");
		row.put(Column.CAPTURED_ON, "2025-06-20");
		row.put(Column.CONDITIONS, "FLU");
		assertThat(check(row).reasons()).containsExactly("BAD_VALUE:stage", "FUTURE_DATE:captured_on",
				"BAD_VALUE:conditions", "CAPTURE_AFTER_EXCHANGE", "DUPLICATE_RECORD_ID");
	}

	@Test
	void recordIdsAreComparedExactlyAfterTrimming() {
		check(row("R-1", "1"));
		assertThat(this.check.apply(this.validator.validate(row("R-1", "2")::get), "  R-1\t").reasons())
			.containsExactly("DUPLICATE_RECORD_ID");
		assertThat(check(row("r-1", "2")).accepted()).isTrue();
	}

	@Test
	void rowsWithoutRecordIdAreNeverDuplicates() {
		RowVerdict first = check(row("", "1"));
		RowVerdict second = check(row("", "1"));
		assertThat(first.reasons()).containsExactly("MISSING_VALUE:record_id");
		assertThat(second.reasons()).containsExactly("MISSING_VALUE:record_id");
		RowVerdict malformed = this.check.apply(RowVerdict.rejected(List.of("MALFORMED_ROW")), null);
		assertThat(malformed.reasons()).containsExactly("MALFORMED_ROW");
	}

	@Test
	void acceptedRecordIdsRememberEachIdOnce() {
		AcceptedRecordIds ids = AcceptedRecordIds.inMemory();
		ids.add("A");
		ids.add("A");
		assertThat(ids.contains("A")).isTrue();
		assertThat(ids.contains("a")).isFalse();
	}

	private RowVerdict check(Map<Column, String> row) {
		return this.check.apply(this.validator.validate((column) -> row.getOrDefault(column, "")),
				row.get(Column.RECORD_ID));
	}

	private static Map<Column, String> row(String recordId, String stage) {
		Map<Column, String> row = new EnumMap<>(Column.class);
		row.put(Column.RECORD_ID, recordId);
		row.put(Column.EXCHANGE_DATE, "2025-06-10");
		row.put(Column.STAGE, stage);
		row.put(Column.SIDE, "UA");
		row.put(Column.CATEGORY, "CIVILIAN");
		return row;
	}

}
