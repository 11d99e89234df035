package org.coordination.exchange.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.coordination.exchange.record.Category;
import org.coordination.exchange.record.Condition;
import org.coordination.exchange.record.ExchangeRecord;
import org.coordination.exchange.record.RankGroup;
import org.coordination.exchange.record.Severity;
import org.coordination.exchange.record.Side;

import static org.assertj.core.api.Assertions.assertThat;

class ReportAggregatorTests {

	private static final StageKey FORMULA = new StageKey("=cmd,x", 1);

	private static final StageKey BLANK = new StageKey("", 1);

	private static final StageKey ISTANBUL_2 = new StageKey("Istanbul", 2);

	private static final StageKey ISTANBUL_10 = new StageKey("Istanbul", 10);

	private static ReportData scenario() {
		ReportAggregator aggregator = new ReportAggregator();
		TestRecords.scenario().forEach(aggregator::add);
		return aggregator.result();
	}

	@Test
	void stageSummaryHasOneRowPerStageInStageOrder() {
		assertThat(scenario().stages()).containsExactly(
				new StageSummary(FORMULA, LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 1), 1, 1, 0, 1, 0, 0, 1, 0, 0,
						1, 1, 0, new BigDecimal("1888.0"), new BigDecimal("1888.0"), 1888, 1),
				new StageSummary(BLANK, LocalDate.of(2025, 6, 10), LocalDate.of(2025, 6, 10), 1, 1, 0, 0, 1, 0, 0, 0, 0,
						0, 0, 0, null, null, null, 0),
				// captivity 11, 365, 1096, 1097: average 642.25 rounds half-up
				new StageSummary(ISTANBUL_2, LocalDate.of(2025, 6, 10), LocalDate.of(2025, 6, 12), 7, 3, 4, 4, 1, 2, 1,
						1, 2, 1, 3, 3, new BigDecimal("642.3"), new BigDecimal("730.5"), 1097, 1),
				new StageSummary(ISTANBUL_10, LocalDate.of(2025, 6, 10), LocalDate.of(2025, 6, 10), 2, 1, 1, 2, 0, 0, 0,
						0, 2, 0, 1, 0, null, null, null, 0));
	}

	@Test
	void balanceMayBeNegative() {
		assertThat(scenario().stages().get(2).balance()).isEqualTo(-1);
	}

	@Test
	void branchSummaryTakesMilitaryOnlyOrderedByReturnedDescendingThenCode() {
		assertThat(scenario().branches()).containsExactly(
				new BranchSummary("GROUND_FORCES", 3, 0, 1, 2, 0, 0, new BigDecimal("365.0"), new BigDecimal("365.0"),
						365, 0),
				// captivity 1096, 1097, 1888
				new BranchSummary("NAVY", 3, 2, 0, 1, 2, 3, new BigDecimal("1360.3"), new BigDecimal("1097.0"), 1888,
						2),
				new BranchSummary("AIR_FORCE", 1, 0, 0, 1, 0, 1, null, null, null, 0));
	}

	@Test
	void stageBranchRowsAreOrderedByStageThenBranch() {
		assertThat(scenario().stageBranches()).containsExactly(new StageBranchRow(FORMULA, "NAVY", 1, 1, 0, 0, 1, 1),
				new StageBranchRow(ISTANBUL_2, "GROUND_FORCES", 2, 0, 1, 1, 0, 0),
				new StageBranchRow(ISTANBUL_2, "NAVY", 2, 1, 0, 1, 1, 2),
				new StageBranchRow(ISTANBUL_10, "AIR_FORCE", 1, 0, 0, 1, 0, 1),
				new StageBranchRow(ISTANBUL_10, "GROUND_FORCES", 1, 0, 0, 1, 0, 0));
	}

	@Test
	void conditionRowsAreOrderedByStageThenCodeAndOnlyWithCases() {
		assertThat(scenario().conditions()).containsExactly(new ConditionCount(FORMULA, "ABSCESS", 1),
				new ConditionCount(FORMULA, "HEPATITIS", 1), new ConditionCount(ISTANBUL_2, "AMPUTATION", 1),
				new ConditionCount(ISTANBUL_2, "INFECTION", 1), new ConditionCount(ISTANBUL_2, "TRAUMA", 2),
				new ConditionCount(ISTANBUL_10, "OTHER", 1));
	}

	@Test
	void averageIsExactBeforeRoundingHalfUp() {
		// 901 / 20 = 45.05 exactly, which a double holds as 45.04999...
		ReportAggregator aggregator = new ReportAggregator();
		for (int i = 0; i < 19; i++) {
			aggregator.add(TestRecords.civilian().on("2025-06-10").captured("2025-04-26").build());
		}
		aggregator.add(TestRecords.civilian().on("2025-06-10").captured("2025-04-25").build());
		StageSummary stage = aggregator.result().stages().get(0);
		assertThat(stage.captivityDaysAvg()).isEqualTo(new BigDecimal("45.1"));
		assertThat(stage.captivityDaysMedian()).isEqualTo(new BigDecimal("45.0"));
		assertThat(stage.captivityDaysMax()).isEqualTo(46);
	}

	@Test
	void averageQuarterRoundsUpNotToEven() {
		// 10, 21, 30, 40: average 25.25, median (21 + 30) / 2 = 25.5
		StageSummary stage = stageWithCaptivityDays(10, 21, 30, 40);
		assertThat(stage.captivityDaysAvg()).isEqualTo(new BigDecimal("25.3"));
		assertThat(stage.captivityDaysMedian()).isEqualTo(new BigDecimal("25.5"));
		assertThat(stage.captivityDaysMax()).isEqualTo(40);
	}

	@Test
	void medianOfOddCountIsTheMiddleValue() {
		assertThat(stageWithCaptivityDays(40, 0, 7).captivityDaysMedian()).isEqualTo(new BigDecimal("7.0"));
		assertThat(stageWithCaptivityDays(5).captivityDaysMedian()).isEqualTo(new BigDecimal("5.0"));
	}

	@Test
	void medianCountsRepeatedValues() {
		assertThat(stageWithCaptivityDays(5, 5, 5, 9).captivityDaysMedian()).isEqualTo(new BigDecimal("5.0"));
		assertThat(stageWithCaptivityDays(1, 9, 9, 9).captivityDaysMedian()).isEqualTo(new BigDecimal("9.0"));
		assertThat(stageWithCaptivityDays(1, 1, 9, 9).captivityDaysMedian()).isEqualTo(new BigDecimal("5.0"));
		assertThat(stageWithCaptivityDays(0, 0).captivityDaysMedian()).isEqualTo(new BigDecimal("0.0"));
	}

	@Test
	void captivityOverThreeYearsFrom29FebruaryCountsFrom28February() {
		ReportAggregator aggregator = new ReportAggregator();
		// 2020-02-29 plus three years is 2023-02-28
		aggregator.add(TestRecords.civilian().stage("A", 1).on("2023-02-28").captured("2020-02-29").build());
		aggregator.add(TestRecords.civilian().stage("B", 1).on("2023-03-01").captured("2020-02-29").build());
		ReportData data = aggregator.result();
		assertThat(data.stages().get(0).captivityOver3y()).isZero();
		assertThat(data.stages().get(0).captivityDaysMax()).isEqualTo(1095);
		assertThat(data.stages().get(1).captivityOver3y()).isOne();
		assertThat(data.stages().get(1).captivityDaysMax()).isEqualTo(1096);
	}

	@Test
	void statisticsTakeEveryCategoryButBranchTablesOnlyMilitary() {
		ReportAggregator aggregator = new ReportAggregator();
		aggregator.add(TestRecords.military("NAVY", RankGroup.NCO).captured("2025-06-01").build());
		// the civilian's captivity counts in the stage, not in the branch
		aggregator.add(TestRecords.civilian().captured("2025-05-31").build());
		ReportData data = aggregator.result();
		assertThat(data.stages().get(0).captivityDaysMax()).isEqualTo(10);
		assertThat(data.branches()).singleElement().satisfies((branch) -> {
			assertThat(branch.returned()).isOne();
			assertThat(branch.captivityDaysMax()).isEqualTo(9);
		});
	}

	@Test
	void rankGroupsCountWhereverPresent() {
		ReportAggregator aggregator = new ReportAggregator();
		// a branch and rank on a civilian row are validated but not MILITARY
		aggregator.add(new ExchangeRecord("C1", LocalDate.of(2025, 6, 10), "A", 1, Side.UA, Category.CIVILIAN, "NAVY",
				RankGroup.OFFICER, null, null, null, Set.of(), null));
		ReportData data = aggregator.result();
		assertThat(data.stages().get(0).officers()).isOne();
		assertThat(data.stages().get(0).military()).isZero();
		assertThat(data.branches()).isEmpty();
		assertThat(data.stageBranches()).isEmpty();
	}

	@Test
	void stagesOfTheSameFirstDateAreOrderedByAgreementCodePointThenNumber() {
		ReportAggregator aggregator = new ReportAggregator();
		aggregator.add(TestRecords.civilian().stage("alpha", 1).on("2025-06-10").build());
		aggregator.add(TestRecords.civilian().stage("Zed", 10).on("2025-06-10").build());
		aggregator.add(TestRecords.civilian().stage("Zed", 9).on("2025-06-10").build());
		aggregator.add(TestRecords.civilian().stage("", 5).on("2025-06-10").build());
		aggregator.add(TestRecords.civilian().stage("zulu", 1).on("2025-06-09").build());
		assertThat(aggregator.result().stages()).extracting(StageSummary::key)
			.containsExactly(new StageKey("zulu", 1), new StageKey("", 5), new StageKey("Zed", 9),
					new StageKey("Zed", 10), new StageKey("alpha", 1));
	}

	@Test
	void agreementsAreCaseSensitive() {
		ReportAggregator aggregator = new ReportAggregator();
		aggregator.add(TestRecords.civilian().stage("Istanbul", 1).build());
		aggregator.add(TestRecords.civilian().stage("istanbul", 1).build());
		assertThat(aggregator.result().stages()).hasSize(2);
	}

	@Test
	void severeAndConditionsAndAgeBounds() {
		ReportAggregator aggregator = new ReportAggregator();
		aggregator.add(TestRecords.civilian().age(17).severity(Severity.SEVERE).build());
		aggregator.add(TestRecords.civilian().age(18).severity(Severity.MODERATE).conditions(Condition.TRAUMA).build());
		aggregator.add(TestRecords.civilian().age(25).conditions(Condition.TRAUMA, Condition.INFECTION).build());
		aggregator.add(TestRecords.civilian().age(26).build());
		StageSummary stage = aggregator.result().stages().get(0);
		assertThat(stage.severe()).isOne();
		assertThat(stage.withConditions()).isEqualTo(2);
		assertThat(stage.age18To25()).isEqualTo(2);
	}

	@Test
	void emptyAggregatorGivesEmptyTables() {
		assertThat(new ReportAggregator().result())
			.isEqualTo(new ReportData(List.of(), List.of(), List.of(), List.of()));
	}

	@Test
	void resultCanBeTakenRepeatedlyWhileAdding() {
		ReportAggregator aggregator = new ReportAggregator();
		aggregator.add(TestRecords.civilian().captured("2025-06-01").build());
		ReportData first = aggregator.result();
		assertThat(aggregator.result()).isEqualTo(first);
		aggregator.add(TestRecords.civilian().captured("2025-05-31").build());
		assertThat(aggregator.result().stages().get(0).captivityDaysMedian()).isEqualTo(new BigDecimal("9.5"));
		assertThat(first.stages().get(0).returnedTotal()).isOne();
	}

	@Test
	void manyRecordsWithFewDistinctValues() {
		ReportAggregator aggregator = new ReportAggregator();
		for (int i = 0; i < 300_000; i++) {
			aggregator.add(TestRecords.military("NAVY", RankGroup.ENLISTED)
				.captured((i % 3 == 0) ? "2025-06-01" : "2025-05-01")
				.build());
		}
		ReportData data = aggregator.result();
		assertThat(data.stages().get(0).returnedTotal()).isEqualTo(300_000);
		assertThat(data.stages().get(0).captivityDaysMedian()).isEqualTo(new BigDecimal("40.0"));
		assertThat(data.branches().get(0).captivityDaysAvg()).isEqualTo(new BigDecimal("29.7"));
	}

	private static StageSummary stageWithCaptivityDays(int... days) {
		ReportAggregator aggregator = new ReportAggregator();
		LocalDate exchange = LocalDate.of(2025, 6, 10);
		for (int value : days) {
			aggregator.add(TestRecords.civilian()
				.on(exchange.toString())
				.captured(exchange.minusDays(value).toString())
				.build());
		}
		return aggregator.result().stages().get(0);
	}

	@Test
	void partsCountedApartAndMergedGiveTheSameTables() {
		List<ExchangeRecord> records = new ArrayList<>(TestRecords.scenario());
		// a captivity of over ninety years is counted apart from the others (sparse)
		records.add(TestRecords.civilian().stage("Istanbul", 2).on("2025-06-10").captured("1920-01-01").build());
		// and its median comes from there when both parts count the stage
		records.add(TestRecords.civilian().stage("Geneva", 1).on("2025-06-10").captured("2025-06-01").build());
		records.add(TestRecords.civilian().stage("Geneva", 1).on("2025-06-10").captured("1921-01-01").build());
		records.add(TestRecords.civilian().stage("Geneva", 1).on("2025-06-10").captured("1920-06-01").build());
		ReportAggregator whole = new ReportAggregator();
		records.forEach(whole::add);
		ReportData expected = whole.result();
		for (int cut = 0; cut <= records.size(); cut++) {
			ReportAggregator first = new ReportAggregator();
			ReportAggregator second = new ReportAggregator();
			records.subList(0, cut).forEach(first::add);
			records.subList(cut, records.size()).forEach(second::add);
			first.merge(second);
			assertThat(first.result()).as("cut at %d", cut).isEqualTo(expected);
		}
		ReportAggregator[] interleaved = { new ReportAggregator(), new ReportAggregator(), new ReportAggregator() };
		for (int i = 0; i < records.size(); i++) {
			interleaved[i % 3].add(records.get(i));
		}
		interleaved[2].merge(interleaved[0]);
		interleaved[2].merge(interleaved[1]);
		assertThat(interleaved[2].result()).isEqualTo(expected);
	}

	/**
	 * The scenario and records whose captivity is counted apart (sparse) and whose stage
	 * is shared, for the tests of taking records back and keeping tables.
	 */
	static List<ExchangeRecord> varied() {
		List<ExchangeRecord> records = new ArrayList<>(TestRecords.scenario());
		records.add(TestRecords.civilian().stage("Istanbul", 2).on("2025-06-10").captured("1920-01-01").build());
		records.add(TestRecords.civilian().stage("Geneva", 1).on("2025-06-10").captured("2025-06-01").build());
		records.add(TestRecords.civilian().stage("Geneva", 1).on("2025-06-11").captured("1921-01-01").build());
		records.add(TestRecords.military("NAVY", RankGroup.OFFICER)
			.stage("Geneva", 1)
			.on("2025-06-12")
			.captured("2020-06-01")
			.build());
		return records;
	}

	@Test
	void recordsTakenBackAreAsIfNeverAdded() {
		List<ExchangeRecord> records = varied();
		// every record taken back, alone and with those after it: groups, dates, branches
		// and conditions left without records disappear, first and last dates and the
		// longest captivity move
		for (int from = 0; from < records.size(); from++) {
			for (int to = from + 1; to <= records.size(); to++) {
				ReportAggregator aggregator = new ReportAggregator();
				records.forEach(aggregator::add);
				records.subList(from, to).forEach(aggregator::remove);
				ReportAggregator rest = new ReportAggregator();
				records.subList(0, from).forEach(rest::add);
				records.subList(to, records.size()).forEach(rest::add);
				assertThat(aggregator.result()).as("without %d to %d", from, to).isEqualTo(rest.result());
			}
		}
	}

	@Test
	void allRecordsTakenBackLeaveEmptyTables() {
		ReportAggregator aggregator = new ReportAggregator();
		varied().forEach(aggregator::add);
		varied().forEach(aggregator::remove);
		assertThat(aggregator.result()).isEqualTo(new ReportAggregator().result());
	}

	@Test
	void recordsTakenBackFromMergedTablesAreAsIfNeverAdded() {
		// as the reports do: an import's tables merged, then its replaced records taken
		// back
		List<ExchangeRecord> records = varied();
		ReportAggregator kept = new ReportAggregator();
		records.forEach(kept::add);
		ReportAggregator all = new ReportAggregator();
		all.merge(kept);
		records.subList(0, records.size() / 2).forEach(all::remove);
		ReportAggregator rest = new ReportAggregator();
		records.subList(records.size() / 2, records.size()).forEach(rest::add);
		assertThat(all.result()).isEqualTo(rest.result());
	}

}
