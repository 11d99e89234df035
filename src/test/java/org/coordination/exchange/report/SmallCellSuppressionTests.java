package org.coordination.exchange.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.coordination.exchange.record.Category;
import org.coordination.exchange.record.Condition;
import org.coordination.exchange.record.ExchangeRecord;
import org.coordination.exchange.record.RankGroup;
import org.coordination.exchange.record.Severity;
import org.coordination.exchange.record.Side;

import static org.assertj.core.api.Assertions.assertThat;

class SmallCellSuppressionTests {

	private static final StageKey A = new StageKey("Talks", 1);

	private static final StageKey B = new StageKey("Talks", 2);

	private static final LocalDate DAY_A = LocalDate.of(2025, 6, 10);

	private static final LocalDate DAY_B = LocalDate.of(2025, 6, 20);

	@Test
	void isOffBelowTwo() {
		ReportData data = aggregate(TestRecords.scenario());
		for (int k : new int[] { 0, 1 }) {
			SmallCellSuppression suppression = SmallCellSuppression.of(data, k);
			assertThat(suppression).isSameAs(SmallCellSuppression.OFF);
			assertThat(suppression.active()).isFalse();
			assertThat(suppression.marker(CellKey.stage(new StageKey("=cmd,x", 1), "returned_total"))).isNull();
			assertThat(suppression.describe()).isEqualTo("off: every count is shown");
		}
	}

	@Test
	void hidesCountsFromOneToKMinusOneAsSmall() {
		SmallCellSuppression suppression = SmallCellSuppression.of(twoStages(), 3);
		assertThat(suppression.active()).isTrue();
		assertThat(suppression.minCount()).isEqualTo(3);
		assertThat(suppression.marker(CellKey.stage(A, "returned_to_ua"))).isEqualTo("<3");
		assertThat(suppression.marker(CellKey.day(DAY_A, "returned_to_ua"))).isEqualTo("<3");
		// a zero gives nobody away
		assertThat(suppression.marker(CellKey.stage(A, "civilians"))).isNull();
		assertThat(suppression.marker(CellKey.stage(A, "returned_total"))).isNull();
		assertThat(suppression.describe()).isEqualTo(
				"counts from 1 to 2 are shown as <3; x hides a figure that would let a hidden count be worked out "
						+ "from a total");
	}

	@Test
	void hidesASecondFigureInEveryRowAndColumnWithAHiddenOne() {
		SmallCellSuppression suppression = SmallCellSuppression.of(twoStages(), 3);
		// stage A: 12 = 2 to UA + 10 to RU, so the 10 goes too, and with it the balance
		assertThat(suppression.marker(CellKey.stage(A, "returned_to_ru"))).isEqualTo("x");
		assertThat(suppression.marker(CellKey.stage(A, "balance"))).isEqualTo("x");
		// the UA and RU columns each sum to a shown total: stage B's figures go too
		assertThat(suppression.marker(CellKey.stage(B, "returned_to_ua"))).isEqualTo("x");
		assertThat(suppression.marker(CellKey.stage(B, "returned_to_ru"))).isEqualTo("x");
		assertThat(suppression.marker(CellKey.stage(B, "balance"))).isEqualTo("x");
		// the totals and the rest stay
		assertThat(suppression.shown(CellKey.stage(A, "returned_total"))).isTrue();
		assertThat(suppression.shown(CellKey.stage(B, "returned_total"))).isTrue();
		assertThat(suppression.shown(CellKey.stageTotal("returned_to_ua"))).isTrue();
		assertThat(suppression.shown(CellKey.stageTotal("balance"))).isTrue();
		assertThat(suppression.shown(CellKey.stage(A, "military"))).isTrue();
		// the day of stage A is stage A: its RU count goes with the stage's
		assertThat(suppression.marker(CellKey.day(DAY_A, "returned_to_ru"))).isEqualTo("x");
	}

	@Test
	void aStageThatSharesItsDayCannotBeWorkedOutFromTheTimeline() {
		StageKey c = new StageKey("Other talks", 1);
		List<ExchangeRecord> records = new ArrayList<>();
		records.addAll(records(A, DAY_A, Side.UA, 2));
		records.addAll(records(A, DAY_A, Side.RU, 10));
		records.addAll(records(c, DAY_A, Side.UA, 30));
		records.addAll(records(c, DAY_A, Side.RU, 30));
		records.addAll(records(B, DAY_B, Side.UA, 20));
		records.addAll(records(B, DAY_B, Side.RU, 20));
		SmallCellSuppression suppression = SmallCellSuppression.of(aggregate(records), 3);
		assertThat(suppression.marker(CellKey.stage(A, "returned_to_ua"))).isEqualTo("<3");
		// stage A's 2 = the day's 32 − stage C's 30: one of those two must go as well
		List<CellKey> day = List.of(CellKey.stage(A, "returned_to_ua"), CellKey.stage(c, "returned_to_ua"),
				CellKey.day(DAY_A, "returned_to_ua"));
		assertThat(day.stream().filter((key) -> !suppression.shown(key)).count()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void hidesTheStatisticsOfAGroupOfFewerThanK() {
		SmallCellSuppression suppression = SmallCellSuppression.of(aggregate(TestRecords.scenario()), 3);
		StageKey single = new StageKey("=cmd,x", 1);
		assertThat(suppression.marker(CellKey.stage(single, "returned_total"))).isEqualTo("<3");
		assertThat(suppression.marker(CellKey.stage(single, "captivity_days_avg"))).isEqualTo("x");
		assertThat(suppression.marker(CellKey.stage(single, "captivity_days_max"))).isEqualTo("x");
		assertThat(suppression.marker(CellKey.branch("AIR_FORCE", "captivity_days_median"))).isEqualTo("x");
		assertThat(suppression.shown(CellKey.branch("NAVY", "captivity_days_avg"))).isTrue();
	}

	/**
	 * On random data, checked against the equations a reader can form from the published
	 * tables, written out here independently of the implementation.
	 */
	@ParameterizedTest
	@ValueSource(ints = { 2, 3, 5, 10 })
	void everyPublishedEquationHidesNoneOrAtLeastTwo(int k) {
		for (long seed = 1; seed <= 20; seed++) {
			ReportData data = aggregate(randomRecords(new Random(seed * 31 + k)));
			SmallCellSuppression suppression = SmallCellSuppression.of(data, k);
			Checker check = new Checker(suppression, "k=" + k + " seed=" + seed);
			check.markers(data, k);
			check.equations(data);
		}
	}

	private static ReportData twoStages() {
		List<ExchangeRecord> records = new ArrayList<>();
		records.addAll(records(A, DAY_A, Side.UA, 2));
		records.addAll(records(A, DAY_A, Side.RU, 10));
		records.addAll(records(B, DAY_B, Side.UA, 20));
		records.addAll(records(B, DAY_B, Side.RU, 20));
		return aggregate(records);
	}

	private static List<ExchangeRecord> records(StageKey stage, LocalDate date, Side side, int count) {
		List<ExchangeRecord> records = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			records.add(new ExchangeRecord(stage.stage() + side.name() + i, date, stage.agreement(), stage.stage(),
					side, Category.MILITARY, "NAVY", RankGroup.ENLISTED, 30, null, null,
					EnumSet.noneOf(Condition.class), null));
		}
		return records;
	}

	private static List<ExchangeRecord> randomRecords(Random random) {
		List<ExchangeRecord> records = new ArrayList<>();
		int count = 50 + random.nextInt(400);
		String[] branches = { "NAVY", "GROUND_FORCES", "AIR_FORCE", "UNKNOWN", "MARINE_CORPS" };
		Condition[] conditions = Condition.values();
		for (int i = 0; i < count; i++) {
			int stage = 1 + random.nextInt(6);
			// stages 1 and 2 share their dates, the others have one or two days each
			LocalDate date = LocalDate.of(2025, 5, 1).plusDays((stage <= 2) ? random.nextInt(2) : stage * 3L);
			Category category = Category.values()[random.nextInt(100) < 80 ? 0 : 1 + random.nextInt(2)];
			boolean military = category == Category.MILITARY;
			EnumSet<Condition> set = EnumSet.noneOf(Condition.class);
			while (random.nextInt(3) == 0) {
				set.add(conditions[random.nextInt(conditions.length)]);
			}
			records.add(new ExchangeRecord("R" + i, date, (stage % 2 == 0) ? "B" : "A", stage,
					random.nextBoolean() ? Side.UA : Side.RU, category,
					military ? branches[random.nextInt(branches.length)] : null,
					military ? RankGroup.values()[random.nextInt(3)] : null, 18 + random.nextInt(40),
					random.nextBoolean() ? date.minusDays(random.nextInt(1500)) : null, null, set,
					random.nextInt(5) == 0 ? Severity.SEVERE : null));
		}
		return records;
	}

	private static ReportData aggregate(List<ExchangeRecord> records) {
		ReportAggregator aggregator = new ReportAggregator();
		records.forEach(aggregator::add);
		return aggregator.result();
	}

	/** The reader's view: which figures are hidden, and the sums they can check. */
	private record Checker(SmallCellSuppression suppression, String context) {

		/** {@code <K} marks exactly the counts from 1 to K−1. */
		void markers(ReportData data, int k) {
			for (StageSummary stage : data.stages()) {
				for (var column : SmallCellSuppression.STAGE_COUNTS) {
					long value = column.value().applyAsLong(stage);
					String marker = this.suppression.marker(CellKey.stage(stage.key(), column.name()));
					if (value >= 1 && value < k) {
						assertThat(marker).as(this.context + " " + stage.key() + " " + column.name())
							.isEqualTo("<" + k);
					}
					else {
						assertThat(marker).as(this.context + " " + stage.key() + " " + column.name())
							.isNotEqualTo("<" + k);
					}
				}
			}
			for (StageBranchRow row : data.stageBranches()) {
				String marker = this.suppression
					.marker(CellKey.stageBranch(row.key(), row.serviceBranch(), "returned"));
				assertThat(marker != null && marker.startsWith("<")).as(this.context)
					.isEqualTo(row.returned() >= 1 && row.returned() < k);
			}
		}

		void equations(ReportData data) {
			List<StageSummary> stages = data.stages();
			List<Object> rows = new ArrayList<>();
			stages.forEach((stage) -> rows.add(stage.key()));
			rows.add(CellKey.TOTAL);
			for (Object row : rows) {
				sum(new CellKey("stages", row, "returned_total"), new CellKey("stages", row, "returned_to_ua"),
						new CellKey("stages", row, "returned_to_ru"));
				sum(new CellKey("stages", row, "returned_total"), new CellKey("stages", row, "military"),
						new CellKey("stages", row, "civilians"), new CellKey("stages", row, "remains"));
				boolean sideHidden = !this.suppression.shown(new CellKey("stages", row, "returned_to_ua"))
						|| !this.suppression.shown(new CellKey("stages", row, "returned_to_ru"));
				assertThat(this.suppression.shown(new CellKey("stages", row, "balance"))).as(this.context + " balance")
					.isEqualTo(!sideHidden);
			}
			for (var column : SmallCellSuppression.STAGE_COUNTS) {
				column(CellKey.stageTotal(column.name()),
						stages.stream().map((stage) -> CellKey.stage(stage.key(), column.name())).toList());
			}
			for (BranchSummary branch : data.branches()) {
				String code = branch.serviceBranch();
				sum(CellKey.branch(code, "returned"), CellKey.branch(code, "officers"), CellKey.branch(code, "ncos"),
						CellKey.branch(code, "enlisted"));
				for (var column : SmallCellSuppression.STAGE_BRANCH_COUNTS) {
					column(CellKey.branch(code, column.name()),
							data.stageBranches()
								.stream()
								.filter((row) -> row.serviceBranch().equals(code))
								.map((row) -> CellKey.stageBranch(row.key(), code, column.name()))
								.toList());
				}
			}
			for (var column : SmallCellSuppression.BRANCH_COUNTS) {
				column(CellKey.branchTotal(column.name()),
						data.branches()
							.stream()
							.map((branch) -> CellKey.branch(branch.serviceBranch(), column.name()))
							.toList());
			}
			for (StageSummary stage : stages) {
				List<StageBranchRow> ofStage = data.stageBranches()
					.stream()
					.filter((row) -> row.key().equals(stage.key()))
					.toList();
				column(CellKey.stage(stage.key(), "military"),
						ofStage.stream()
							.map((row) -> CellKey.stageBranch(row.key(), row.serviceBranch(), "returned"))
							.toList());
				column(CellKey.stageMilitarySevere(stage.key()),
						ofStage.stream()
							.map((row) -> CellKey.stageBranch(row.key(), row.serviceBranch(), "severe"))
							.toList());
				for (StageBranchRow row : ofStage) {
					sum(CellKey.stageBranch(row.key(), row.serviceBranch(), "returned"),
							CellKey.stageBranch(row.key(), row.serviceBranch(), "officers"),
							CellKey.stageBranch(row.key(), row.serviceBranch(), "ncos"),
							CellKey.stageBranch(row.key(), row.serviceBranch(), "enlisted"));
				}
			}
			data.conditions()
				.stream()
				.map(ConditionCount::condition)
				.distinct()
				.forEach((condition) -> column(CellKey.conditionTotal(condition),
						data.conditions()
							.stream()
							.filter((count) -> count.condition().equals(condition))
							.map((count) -> CellKey.condition(count.key(), condition))
							.toList()));
			timeline(data);
		}

		private void timeline(ReportData data) {
			List<TimelineRow> days = data.timeline();
			for (TimelineRow day : days) {
				sum(CellKey.day(day.exchangeDate(), "returned_total"),
						CellKey.day(day.exchangeDate(), "returned_to_ua"),
						CellKey.day(day.exchangeDate(), "returned_to_ru"));
				sum(CellKey.cumulative(day.exchangeDate(), "returned_total"),
						CellKey.cumulative(day.exchangeDate(), "returned_to_ua"),
						CellKey.cumulative(day.exchangeDate(), "returned_to_ru"));
			}
			for (String column : List.of("returned_to_ua", "returned_to_ru", "returned_total")) {
				for (int i = 0; i < days.size(); i++) {
					LocalDate date = days.get(i).exchangeDate();
					if (i == 0) {
						sum(CellKey.cumulative(date, column), CellKey.day(date, column));
					}
					else {
						sum(CellKey.cumulative(date, column),
								CellKey.cumulative(days.get(i - 1).exchangeDate(), column), CellKey.day(date, column));
					}
				}
				if (!days.isEmpty()) {
					sum(CellKey.stageTotal(column),
							CellKey.cumulative(days.get(days.size() - 1).exchangeDate(), column));
				}
			}
			for (String column : List.of("returned_to_ua", "returned_to_ru", "remains", "returned_total")) {
				column(CellKey.stageTotal(column),
						days.stream().map((day) -> CellKey.day(day.exchangeDate(), column)).toList());
			}
			// stages 1 and 2 share their days: together they equal those days
			List<CellKey> shared = new ArrayList<>();
			data.stages()
				.stream()
				.filter((stage) -> stage.key().stage() <= 2)
				.forEach((stage) -> shared.add(CellKey.stage(stage.key(), "returned_total")));
			days.stream()
				.filter((day) -> day.exchangeDate().isBefore(LocalDate.of(2025, 5, 3)))
				.forEach((day) -> shared.add(CellKey.day(day.exchangeDate(), "returned_total")));
			equation(shared);
		}

		private void sum(CellKey total, CellKey... parts) {
			List<CellKey> keys = new ArrayList<>(List.of(parts));
			keys.add(0, total);
			equation(keys);
		}

		private void column(CellKey total, List<CellKey> parts) {
			List<CellKey> keys = new ArrayList<>(parts);
			keys.add(0, total);
			equation(keys);
		}

		private void equation(List<CellKey> keys) {
			long hidden = keys.stream().filter((key) -> !this.suppression.shown(key)).count();
			assertThat(hidden).as(this.context + ": hidden figures of " + keys).isNotEqualTo(1L);
		}

	}

}
