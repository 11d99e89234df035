package org.coordination.exchange.validation;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.coordination.exchange.record.Category;
import org.coordination.exchange.record.Column;
import org.coordination.exchange.record.Condition;
import org.coordination.exchange.record.ExchangeRecord;
import org.coordination.exchange.record.RankGroup;
import org.coordination.exchange.record.Severity;
import org.coordination.exchange.record.Side;

import static org.assertj.core.api.Assertions.assertThat;

class ExchangeRecordValidatorTests {

	private static final LocalDate RUN_DATE = LocalDate.of(2025, 6, 15);

	private final ExchangeRecordValidator validator = new ExchangeRecordValidator(ReferenceData.defaults(), RUN_DATE);

	@Test
	void acceptsValidMilitaryRowWithCanonicalValues() {
		RowVerdict verdict = validate(militaryRow());
		assertThat(verdict.accepted()).isTrue();
		assertThat(verdict.reasons()).isEmpty();
		assertThat(verdict.record())
			.isEqualTo(new ExchangeRecord("R-1", LocalDate.of(2025, 6, 10), "Istanbul 2025-06-02", 2, Side.UA,
					Category.MILITARY, "NAVY", RankGroup.NCO, 34, LocalDate.of(2022, 3, 15), "Mariupol",
					EnumSet.of(Condition.AMPUTATION, Condition.TRAUMA), Severity.SEVERE));
	}

	@Test
	void acceptsMinimalRowWithDefaultsForBlankOptionalValues() {
		Map<Column, String> row = new EnumMap<>(Column.class);
		row.put(Column.RECORD_ID, "c.7");
		row.put(Column.EXCHANGE_DATE, "2025-06-10");
		row.put(Column.STAGE, "1");
		row.put(Column.SIDE, "RU");
		row.put(Column.CATEGORY, "CIVILIAN");
		RowVerdict verdict = validate(row);
		assertThat(verdict.record()).isEqualTo(new ExchangeRecord("c.7", LocalDate.of(2025, 6, 10), "", 1, Side.RU,
				Category.CIVILIAN, null, null, null, null, null, EnumSet.noneOf(Condition.class), null));
		assertThat(verdict.record().conditions()).isInstanceOf(EnumSet.class);
	}

	@Test
	void blankRowIsMissingEveryRequiredValue() {
		assertThat(reasons(new EnumMap<>(Column.class))).containsExactly("MISSING_VALUE:record_id",
				"MISSING_VALUE:exchange_date", "MISSING_VALUE:stage", "MISSING_VALUE:side", "MISSING_VALUE:category");
	}

	@Test
	void everyBrokenRuleIsReportedOnceInColumnOrder() {
		Map<Column, String> row = new EnumMap<>(Column.class);
		row.put(Column.RECORD_ID, "bad id");
		row.put(Column.EXCHANGE_DATE, "2025-07-01");
		row.put(Column.AGREEMENT, "a".repeat(201));
		row.put(Column.STAGE, "0");
		row.put(Column.SIDE, "XX");
		row.put(Column.CATEGORY, "MILITARY");
		row.put(Column.SERVICE_BRANCH, "SPACE_FORCE");
		row.put(Column.RANK_GROUP, "general");
		row.put(Column.AGE, "101");
		row.put(Column.CAPTURED_ON, "02.07.2025");
		row.put(Column.CAPTURE_PLACE, "p".repeat(201));
		row.put(Column.CONDITIONS, "FLU;COLD");
		row.put(Column.SEVERITY, "CRITICAL");
		RowVerdict verdict = validate(row);
		assertThat(verdict.accepted()).isFalse();
		assertThat(verdict.record()).isNull();
		assertThat(verdict.reasons()).containsExactly("BAD_VALUE:record_id", "FUTURE_DATE:exchange_date",
				"BAD_VALUE:agreement", "BAD_VALUE:stage", "BAD_VALUE:side", "BAD_VALUE:service_branch",
				"BAD_VALUE:rank_group", "BAD_VALUE:age", "FUTURE_DATE:captured_on", "BAD_VALUE:capture_place",
				"BAD_VALUE:conditions", "BAD_VALUE:severity", "CAPTURE_AFTER_EXCHANGE");
	}

	@Test
	void badCategoryAndBlankBranchAndRankReportOnlyTheCategory() {
		Map<Column, String> row = militaryRow();
		row.put(Column.CATEGORY, "SOLDIER");
		row.remove(Column.SERVICE_BRANCH);
		row.remove(Column.RANK_GROUP);
		assertThat(reasons(row)).containsExactly("BAD_VALUE:category");
	}

	// record_id

	@Test
	void recordIdMissing() {
		assertThat(reasons(militaryRow(Column.RECORD_ID, ""))).containsExactly("MISSING_VALUE:record_id");
	}

	@Test
	void recordIdOf64CharactersIsAccepted() {
		String id = "A".repeat(62) + "-9";
		assertThat(validate(militaryRow(Column.RECORD_ID, id)).record().recordId()).isEqualTo(id);
	}

	@Test
	void recordIdOf65CharactersIsBad() {
		assertThat(reasons(militaryRow(Column.RECORD_ID, "A".repeat(65)))).containsExactly("BAD_VALUE:record_id");
	}

	@Test
	void recordIdWithEveryAllowedCharacterIsAccepted() {
		String id = "ABCXYZabcxyz0189_-.";
		assertThat(validate(militaryRow(Column.RECORD_ID, id)).record().recordId()).isEqualTo(id);
	}

	@ParameterizedTest
	@ValueSource(strings = { "R 1", "R/1", "R#1", "Ré1", "Р1", "R,1", "R\"1", "=R1", "R1+" })
	void recordIdWithForbiddenCharacterIsBad(String id) {
		assertThat(reasons(militaryRow(Column.RECORD_ID, id))).containsExactly("BAD_VALUE:record_id");
	}

	@Test
	void recordIdIsTrimmed() {
		assertThat(validate(militaryRow(Column.RECORD_ID, " \tR-1\t ")).record().recordId()).isEqualTo("R-1");
	}

	// exchange_date

	@Test
	void exchangeDateMissing() {
		assertThat(reasons(militaryRow(Column.EXCHANGE_DATE, ""))).containsExactly("MISSING_VALUE:exchange_date");
	}

	@ParameterizedTest
	@ValueSource(strings = { "2025-06-10", "10.06.2025" })
	void exchangeDateInEitherFormat(String text) {
		assertThat(validate(militaryRow(Column.EXCHANGE_DATE, text)).record().exchangeDate())
			.isEqualTo(LocalDate.of(2025, 6, 10));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2.6.2025", "02.6.2025", "2025-6-2", "2025-06-2", "25-06-10", "10.06.25", "2025/06/10",
			"10-06-2025", "2025.06.10", "2025-06-10T00:00", " 2025-0610", "2025-13-01", "2025-00-10", "2025-06-00",
			"2025-02-30", "31.04.2025", "2025-06-1x", "+025-06-10", "next week" })
	void exchangeDateInWrongFormatOrNotExistingIsBad(String text) {
		assertThat(reasons(militaryRow(Column.EXCHANGE_DATE, text))).containsExactly("BAD_VALUE:exchange_date");
	}

	@Test
	void leapDayExistsOnlyInLeapYears() {
		Map<Column, String> row = militaryRow(Column.CAPTURED_ON, "");
		row.put(Column.EXCHANGE_DATE, "2024-02-29");
		assertThat(validate(row).record().exchangeDate()).isEqualTo(LocalDate.of(2024, 2, 29));
		row.put(Column.EXCHANGE_DATE, "29.02.2024");
		assertThat(validate(row).record().exchangeDate()).isEqualTo(LocalDate.of(2024, 2, 29));
		row.put(Column.EXCHANGE_DATE, "2025-02-29");
		assertThat(reasons(row)).containsExactly("BAD_VALUE:exchange_date");
		row.put(Column.EXCHANGE_DATE, "2100-02-29");
		assertThat(reasons(row)).containsExactly("BAD_VALUE:exchange_date");
	}

	@ParameterizedTest
	@CsvSource({ "2024-12-31,2024-12-31", "31.12.2024,2024-12-31", "2025-01-01,2025-01-01", "01.01.2025,2025-01-01",
			"1900-01-01,1900-01-01", "29.02.1600,1600-02-29", "1582-10-10,1582-10-10", "0001-01-01,0001-01-01",
			"0000-01-01,0000-01-01" })
	void exchangeDatesAtYearBoundariesAndInTheFarPastAreAccepted(String text, LocalDate date) {
		// the SPEC bounds dates only by the run date
		Map<Column, String> row = militaryRow(Column.CAPTURED_ON, "");
		row.put(Column.EXCHANGE_DATE, text);
		assertThat(validate(row).record().exchangeDate()).isEqualTo(date);
	}

	@Test
	void captureInTheFarPastBeforeAFarPastExchangeIsAccepted() {
		Map<Column, String> row = militaryRow(Column.EXCHANGE_DATE, "0001-01-02");
		row.put(Column.CAPTURED_ON, "01.01.0001");
		assertThat(validate(row).record().capturedOn()).isEqualTo(LocalDate.of(1, 1, 1));
		row.put(Column.CAPTURED_ON, "0001-01-03");
		assertThat(reasons(row)).containsExactly("CAPTURE_AFTER_EXCHANGE");
	}

	@Test
	void exchangeDateOnRunDateIsAccepted() {
		assertThat(validate(militaryRow(Column.EXCHANGE_DATE, "2025-06-15")).accepted()).isTrue();
	}

	@Test
	void exchangeDateAfterRunDateIsFuture() {
		assertThat(reasons(militaryRow(Column.EXCHANGE_DATE, "16.06.2025")))
			.containsExactly("FUTURE_DATE:exchange_date");
	}

	// agreement

	@Test
	void agreementOf200CharactersIsAccepted() {
		String agreement = "a".repeat(200);
		assertThat(validate(militaryRow(Column.AGREEMENT, agreement)).record().agreement()).isEqualTo(agreement);
	}

	@Test
	void agreementOf201CharactersIsBad() {
		assertThat(reasons(militaryRow(Column.AGREEMENT, "a".repeat(201)))).containsExactly("BAD_VALUE:agreement");
	}

	@Test
	void agreementLengthCountsCharactersNotUtf16Units() {
		String agreement = "\uD83D\uDD4A".repeat(200);
		assertThat(validate(militaryRow(Column.AGREEMENT, agreement)).record().agreement()).isEqualTo(agreement);
		assertThat(reasons(militaryRow(Column.AGREEMENT, agreement + "x"))).containsExactly("BAD_VALUE:agreement");
	}

	@Test
	void agreementIsKeptAsWritten() {
		assertThat(validate(militaryRow(Column.AGREEMENT, "Стамбул, 2025")).record().agreement())
			.isEqualTo("Стамбул, 2025");
	}

	// stage

	@Test
	void stageMissing() {
		assertThat(reasons(militaryRow(Column.STAGE, ""))).containsExactly("MISSING_VALUE:stage");
	}

	@ParameterizedTest
	@CsvSource({ "1,1", "999,999", "07,7", "0001,1", "000000000000000000000042,42" })
	void stageWithinRange(String text, int stage) {
		assertThat(validate(militaryRow(Column.STAGE, text)).record().stage()).isEqualTo(stage);
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "1000", "00", "7.0", "+7", "-1", "1e3", "1 000", "0x10", "７", "٧", "seven",
			"99999999999999999999999999", "2147483648", "4294967303" })
	void stageOutOfRangeOrNotPlainDigitsIsBad(String text) {
		assertThat(reasons(militaryRow(Column.STAGE, text))).containsExactly("BAD_VALUE:stage");
	}

	// side

	@Test
	void sideMissing() {
		assertThat(reasons(militaryRow(Column.SIDE, ""))).containsExactly("MISSING_VALUE:side");
	}

	@ParameterizedTest
	@CsvSource({ "UA,UA", "ua,UA", "Ru,RU", "rU,RU" })
	void sideMatchesCaseInsensitively(String text, Side side) {
		assertThat(validate(militaryRow(Column.SIDE, text)).record().side()).isEqualTo(side);
	}

	@ParameterizedTest
	@ValueSource(strings = { "UKR", "U A", "UA;RU", "УА" })
	void sideUnknownIsBad(String text) {
		assertThat(reasons(militaryRow(Column.SIDE, text))).containsExactly("BAD_VALUE:side");
	}

	// category

	@Test
	void categoryMissing() {
		Map<Column, String> row = militaryRow(Column.CATEGORY, "");
		assertThat(reasons(row)).containsExactly("MISSING_VALUE:category");
	}

	@ParameterizedTest
	@CsvSource({ "MILITARY,MILITARY", "military,MILITARY", "Civilian,CIVILIAN", "remains,REMAINS" })
	void categoryMatchesCaseInsensitively(String text, Category category) {
		assertThat(validate(militaryRow(Column.CATEGORY, text)).record().category()).isEqualTo(category);
	}

	@Test
	void categoryUnknownIsBad() {
		assertThat(reasons(militaryRow(Column.CATEGORY, "POW"))).containsExactly("BAD_VALUE:category");
	}

	// service_branch

	@Test
	void serviceBranchMissingOnMilitaryRow() {
		assertThat(reasons(militaryRow(Column.SERVICE_BRANCH, ""))).containsExactly("MISSING_VALUE:service_branch");
	}

	@Test
	void serviceBranchMissingOnMilitaryRowWhenHeaderLacksTheColumn() {
		RowVerdict verdict = this.validator.validate(militaryRow()::get,
				(column) -> column != Column.SERVICE_BRANCH && column != Column.RANK_GROUP);
		assertThat(verdict.reasons()).containsExactly("MISSING_VALUE:service_branch", "MISSING_VALUE:rank_group");
	}

	@ParameterizedTest
	@ValueSource(strings = { "CIVILIAN", "REMAINS" })
	void serviceBranchAndRankNotRequiredOnOtherCategories(String category) {
		Map<Column, String> row = militaryRow(Column.CATEGORY, category);
		row.remove(Column.SERVICE_BRANCH);
		row.remove(Column.RANK_GROUP);
		ExchangeRecord record = validate(row).record();
		assertThat(record.serviceBranch()).isNull();
		assertThat(record.rankGroup()).isNull();
		RowVerdict withoutColumns = this.validator.validate(row::get,
				(column) -> column != Column.SERVICE_BRANCH && column != Column.RANK_GROUP);
		assertThat(withoutColumns.accepted()).isTrue();
	}

	@Test
	void serviceBranchAndRankGivenOnOtherCategoriesAreValidatedAndKept() {
		Map<Column, String> row = militaryRow(Column.CATEGORY, "REMAINS");
		ExchangeRecord record = validate(row).record();
		assertThat(record.serviceBranch()).isEqualTo("NAVY");
		assertThat(record.rankGroup()).isEqualTo(RankGroup.NCO);
		row.put(Column.SERVICE_BRANCH, "SPACE_FORCE");
		row.put(Column.RANK_GROUP, "general");
		assertThat(reasons(row)).containsExactly("BAD_VALUE:service_branch", "BAD_VALUE:rank_group");
	}

	@Test
	void serviceBranchAbsentFromHeaderIsIgnoredEvenIfTheRowFunctionHasAValue() {
		RowVerdict verdict = this.validator.validate(militaryRow(Column.SERVICE_BRANCH, "SPACE_FORCE")::get,
				(column) -> column != Column.SERVICE_BRANCH);
		assertThat(verdict.reasons()).containsExactly("MISSING_VALUE:service_branch");
	}

	@ParameterizedTest
	@CsvSource({ "NAVY,NAVY", "navy,NAVY", "Naval Forces,NAVY", "naval-forces,NAVY", "ВМС,NAVY", "вмс,NAVY",
			"Ground Forces,GROUND_FORCES", "Land Forces,GROUND_FORCES", "СВ,GROUND_FORCES", "св,GROUND_FORCES",
			"national guard,NATIONAL_GUARD", "НГУ,NATIONAL_GUARD", "нгу,NATIONAL_GUARD",
			"Unmanned Systems Forces,UNMANNED_SYSTEMS_FORCES", "usf,UNMANNED_SYSTEMS_FORCES",
			"Air-Assault_Forces,AIR_ASSAULT_FORCES", "ДШВ,AIR_ASSAULT_FORCES", "дшв,AIR_ASSAULT_FORCES",
			"border guard service,BORDER_GUARD_SERVICE", "State Border Guard Service,BORDER_GUARD_SERVICE",
			"ДПСУ,BORDER_GUARD_SERVICE", "Territorial Defense,TERRITORIAL_DEFENSE",
			"territorial_defense forces,TERRITORIAL_DEFENSE", "ТрО,TERRITORIAL_DEFENSE", "тро,TERRITORIAL_DEFENSE",
			"State Special Transport Service,STATE_SPECIAL_TRANSPORT_SERVICE", "Air Force,AIR_FORCE",
			"marine-corps,MARINE_CORPS", "special operations forces,SPECIAL_OPERATIONS_FORCES", "other,OTHER",
			"Unknown,UNKNOWN" })
	void serviceBranchCodesAndAliasesMatchAsCanonicalCode(String text, String branch) {
		assertThat(validate(militaryRow(Column.SERVICE_BRANCH, text)).record().serviceBranch()).isEqualTo(branch);
	}

	@ParameterizedTest
	@ValueSource(strings = { "SPACE_FORCE", "NAVY;ВМС", "CB", "Navy Seals" })
	void serviceBranchUnknownIsBad(String text) {
		assertThat(reasons(militaryRow(Column.SERVICE_BRANCH, text))).containsExactly("BAD_VALUE:service_branch");
	}

	// rank_group

	@Test
	void rankGroupMissingOnMilitaryRow() {
		assertThat(reasons(militaryRow(Column.RANK_GROUP, ""))).containsExactly("MISSING_VALUE:rank_group");
	}

	@ParameterizedTest
	@CsvSource({ "OFFICER,OFFICER", "officer,OFFICER", "NCO,NCO", "nco,NCO", "non-commissioned officer,NCO",
			"Non Commissioned Officer,NCO", "NON_COMMISSIONED_OFFICER,NCO", "Sergeant,NCO", "ENLISTED,ENLISTED",
			"soldier,ENLISTED", "PRIVATE,ENLISTED" })
	void rankGroupCodesAndAliasesMatchAsCanonicalCode(String text, RankGroup rankGroup) {
		assertThat(validate(militaryRow(Column.RANK_GROUP, text)).record().rankGroup()).isEqualTo(rankGroup);
	}

	@ParameterizedTest
	@ValueSource(strings = { "general", "officers", "NCOs" })
	void rankGroupUnknownIsBad(String text) {
		assertThat(reasons(militaryRow(Column.RANK_GROUP, text))).containsExactly("BAD_VALUE:rank_group");
	}

	// age

	@Test
	void ageBlankIsNull() {
		assertThat(validate(militaryRow(Column.AGE, "")).record().age()).isNull();
	}

	@ParameterizedTest
	@CsvSource({ "14,14", "100,100", "018,18" })
	void ageWithinRange(String text, int age) {
		assertThat(validate(militaryRow(Column.AGE, text)).record().age()).isEqualTo(age);
	}

	@ParameterizedTest
	@ValueSource(strings = { "13", "101", "0", "34.5", "-20", "+20", "2O", "99999999999999999999" })
	void ageOutOfRangeOrNotPlainDigitsIsBad(String text) {
		assertThat(reasons(militaryRow(Column.AGE, text))).containsExactly("BAD_VALUE:age");
	}

	// captured_on

	@Test
	void capturedOnBlankIsNull() {
		assertThat(validate(militaryRow(Column.CAPTURED_ON, "")).record().capturedOn()).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "2022-03-15", "15.03.2022" })
	void capturedOnInEitherFormat(String text) {
		assertThat(validate(militaryRow(Column.CAPTURED_ON, text)).record().capturedOn())
			.isEqualTo(LocalDate.of(2022, 3, 15));
	}

	@ParameterizedTest
	@ValueSource(strings = { "15.3.2022", "2022-02-29", "March 2022" })
	void capturedOnInWrongFormatIsBad(String text) {
		assertThat(reasons(militaryRow(Column.CAPTURED_ON, text))).containsExactly("BAD_VALUE:captured_on");
	}

	@Test
	void capturedOnSameDayAsExchangeIsAccepted() {
		assertThat(validate(militaryRow(Column.CAPTURED_ON, "2025-06-10")).accepted()).isTrue();
	}

	@Test
	void captureAfterExchange() {
		assertThat(reasons(militaryRow(Column.CAPTURED_ON, "2025-06-11"))).containsExactly("CAPTURE_AFTER_EXCHANGE");
	}

	@Test
	void capturedOnInFutureIsAlsoAfterExchange() {
		assertThat(reasons(militaryRow(Column.CAPTURED_ON, "2025-06-16"))).containsExactly("FUTURE_DATE:captured_on",
				"CAPTURE_AFTER_EXCHANGE");
	}

	@Test
	void capturedOnInFutureWithBadExchangeDateIsOnlyFuture() {
		Map<Column, String> row = militaryRow(Column.CAPTURED_ON, "2025-06-16");
		row.put(Column.EXCHANGE_DATE, "2025-02-30");
		assertThat(reasons(row)).containsExactly("BAD_VALUE:exchange_date", "FUTURE_DATE:captured_on");
		row.put(Column.EXCHANGE_DATE, "");
		assertThat(reasons(row)).containsExactly("MISSING_VALUE:exchange_date", "FUTURE_DATE:captured_on");
	}

	@Test
	void captureAfterFutureExchangeCarriesBothFutureDates() {
		Map<Column, String> row = militaryRow(Column.CAPTURED_ON, "2025-07-02");
		row.put(Column.EXCHANGE_DATE, "2025-07-01");
		assertThat(reasons(row)).containsExactly("FUTURE_DATE:exchange_date", "FUTURE_DATE:captured_on",
				"CAPTURE_AFTER_EXCHANGE");
	}

	// capture_place

	@Test
	void capturePlaceBlankIsNull() {
		assertThat(validate(militaryRow(Column.CAPTURE_PLACE, "")).record().capturePlace()).isNull();
	}

	@Test
	void capturePlaceOf200CharactersIsAccepted() {
		String place = "м".repeat(200);
		assertThat(validate(militaryRow(Column.CAPTURE_PLACE, place)).record().capturePlace()).isEqualTo(place);
	}

	@Test
	void capturePlaceOf201CharactersIsBad() {
		assertThat(reasons(militaryRow(Column.CAPTURE_PLACE, "м".repeat(201))))
			.containsExactly("BAD_VALUE:capture_place");
	}

	// conditions

	@Test
	void conditionsBlankIsEmptySet() {
		assertThat(validate(militaryRow(Column.CONDITIONS, "")).record().conditions()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "AMPUTATION;TRAUMA", "amputation|trauma", " Amputation ; trauma ", "AMPUTATION;;| ;TRAUMA;",
					";AMPUTATION|TRAUMA|", "TRAUMA;AMPUTATION;trauma;Amputation", "AMPUTATION\t|\tTRAUMA" })
	void conditionsSeparatedBySemicolonOrBarTrimmedAndCountedOnce(String text) {
		assertThat(validate(militaryRow(Column.CONDITIONS, text)).record().conditions())
			.isEqualTo(EnumSet.of(Condition.AMPUTATION, Condition.TRAUMA));
	}

	@Test
	void conditionsOnlySeparatorsIsEmptySet() {
		assertThat(validate(militaryRow(Column.CONDITIONS, ";|;")).record().conditions()).isEmpty();
	}

	@Test
	void conditionsEveryCodeMatchesWithVariants() {
		String text = "amputation;Vision Loss;ABSCESS;infection;trauma;shrapnel-wound;chronic_disease;Hepatitis;"
				+ "TUBERCULOSIS;other";
		assertThat(validate(militaryRow(Column.CONDITIONS, text)).record().conditions())
			.isEqualTo(EnumSet.allOf(Condition.class));
	}

	@ParameterizedTest
	@ValueSource(strings = { "FLU", "AMPUTATION;FLU", "FLU;COLD|AMPUTATION", "AMPUTATION,TRAUMA" })
	void conditionsWithUnknownCodeAreBadOnce(String text) {
		assertThat(reasons(militaryRow(Column.CONDITIONS, text))).containsExactly("BAD_VALUE:conditions");
	}

	// severity

	@Test
	void severityBlankIsNotAssessed() {
		assertThat(validate(militaryRow(Column.SEVERITY, "")).record().severity()).isNull();
	}

	@ParameterizedTest
	@CsvSource({ "NONE,NONE", "none,NONE", "Moderate,MODERATE", "severe,SEVERE" })
	void severityMatchesCaseInsensitively(String text, Severity severity) {
		assertThat(validate(militaryRow(Column.SEVERITY, text)).record().severity()).isEqualTo(severity);
	}

	@Test
	void severityUnknownIsBad() {
		assertThat(reasons(militaryRow(Column.SEVERITY, "CRITICAL"))).containsExactly("BAD_VALUE:severity");
	}

	// helpers

	private RowVerdict validate(Map<Column, String> row) {
		RowVerdict verdict = this.validator.validate((column) -> row.getOrDefault(column, ""));
		assertThat(verdict.accepted()).isEqualTo(verdict.reasons().isEmpty());
		return verdict;
	}

	private List<String> reasons(Map<Column, String> row) {
		RowVerdict verdict = validate(row);
		assertThat(verdict.record()).isNull();
		return verdict.reasons();
	}

	private static Map<Column, String> militaryRow(Column column, String value) {
		Map<Column, String> row = militaryRow();
		row.put(column, value);
		return row;
	}

	private static Map<Column, String> militaryRow() {
		Map<Column, String> row = new EnumMap<>(Column.class);
		row.put(Column.RECORD_ID, "R-1");
		row.put(Column.EXCHANGE_DATE, "2025-06-10");
		row.put(Column.AGREEMENT, "Istanbul 2025-06-02");
		row.put(Column.STAGE, "2");
		row.put(Column.SIDE, "UA");
		row.put(Column.CATEGORY, "MILITARY");
		row.put(Column.SERVICE_BRANCH, "NAVY");
		row.put(Column.RANK_GROUP, "NCO");
		row.put(Column.AGE, "34");
		row.put(Column.CAPTURED_ON, "2022-03-15");
		row.put(Column.CAPTURE_PLACE, "Mariupol");
		row.put(Column.CONDITIONS, "AMPUTATION;TRAUMA");
		row.put(Column.SEVERITY, "SEVERE");
		return row;
	}

}
