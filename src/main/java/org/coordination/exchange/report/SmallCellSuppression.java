package org.coordination.exchange.report;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Small-cell suppression of the stakeholder tables ({@code --min-cell-count K}).
 * <p>
 * A count from 1 to K−1 is hidden and shown as {@code <K} (primary suppression). Every
 * published total is an equation between figures (a row of a table, a column and its
 * total, a stage and its exchange dates, a cumulative figure and the one before it). An
 * equation with exactly one hidden figure would give it away, so a second figure of that
 * equation is hidden too, shown as {@code x} (complementary suppression), until every
 * equation hides none or at least two. The second figure is the smallest positive one
 * among the equation's parts, its total only when no part will do, so that as little as
 * possible is lost. Derived figures follow their inputs: a balance is hidden when either
 * side is, and the captivity statistics of a group of fewer than K records are hidden.
 */
public final class SmallCellSuppression {

	/** Marks a figure hidden to protect a small count elsewhere. */
	public static final String COMPLEMENTARY = "x";

	/** No suppression: every figure is shown as it is. */
	public static final SmallCellSuppression OFF = new SmallCellSuppression(0, Map.of());

	static final List<Column<StageSummary>> STAGE_COUNTS = List.of(
			new Column<>("returned_total", StageSummary::returnedTotal),
			new Column<>("returned_to_ua", StageSummary::returnedToUa),
			new Column<>("returned_to_ru", StageSummary::returnedToRu),
			new Column<>("military", StageSummary::military), new Column<>("civilians", StageSummary::civilians),
			new Column<>("remains", StageSummary::remains), new Column<>("officers", StageSummary::officers),
			new Column<>("ncos", StageSummary::ncos), new Column<>("enlisted", StageSummary::enlisted),
			new Column<>("severe", StageSummary::severe), new Column<>("with_conditions", StageSummary::withConditions),
			new Column<>("age_18_25", StageSummary::age18To25),
			new Column<>("captivity_over_3y", StageSummary::captivityOver3y));

	static final List<Column<BranchSummary>> BRANCH_COUNTS = List.of(new Column<>("returned", BranchSummary::returned),
			new Column<>("officers", BranchSummary::officers), new Column<>("ncos", BranchSummary::ncos),
			new Column<>("enlisted", BranchSummary::enlisted), new Column<>("severe", BranchSummary::severe),
			new Column<>("with_conditions", BranchSummary::withConditions),
			new Column<>("captivity_over_3y", BranchSummary::captivityOver3y));

	static final List<Column<StageBranchRow>> STAGE_BRANCH_COUNTS = List.of(
			new Column<>("returned", StageBranchRow::returned), new Column<>("officers", StageBranchRow::officers),
			new Column<>("ncos", StageBranchRow::ncos), new Column<>("enlisted", StageBranchRow::enlisted),
			new Column<>("severe", StageBranchRow::severe),
			new Column<>("with_conditions", StageBranchRow::withConditions));

	static final List<Column<TimelineRow>> DAY_COUNTS = List.of(
			new Column<>("returned_to_ua", TimelineRow::returnedToUa),
			new Column<>("returned_to_ru", TimelineRow::returnedToRu), new Column<>("remains", TimelineRow::remains),
			new Column<>("returned_total", TimelineRow::returnedTotal));

	/** The cumulative columns of the Timeline sheet. */
	static final List<String> CUMULATIVE_COLUMNS = List.of("returned_to_ua", "returned_to_ru", "returned_total");

	static final List<String> CAPTIVITY_STATISTICS = List.of("captivity_days_avg", "captivity_days_median",
			"captivity_days_max");

	private final int minCount;

	private final Map<CellKey, Boolean> hidden;

	private SmallCellSuppression(int minCount, Map<CellKey, Boolean> hidden) {
		this.minCount = minCount;
		this.hidden = hidden;
	}

	/**
	 * Works out which figures of {@code data} to hide.
	 * @param minCount K: counts from 1 to K−1 are hidden; below 2 nothing is
	 */
	public static SmallCellSuppression of(ReportData data, int minCount) {
		if (minCount < 2) {
			return OFF;
		}
		Model model = new Model(minCount);
		model.stages(data.stages());
		model.branches(data.branches());
		model.stageBranches(data.stages(), data.branches(), data.stageBranches());
		model.conditions(data.conditions());
		model.timeline(data.stages(), data.timeline());
		model.suppress();
		Map<CellKey, Boolean> hidden = new HashMap<>();
		model.cells.forEach((key, cell) -> {
			if (cell.hidden != null) {
				hidden.put(key, cell.hidden);
			}
		});
		SmallCellSuppression suppression = new SmallCellSuppression(minCount, hidden);
		suppression.deriveBalancesAndStatistics(data);
		return suppression;
	}

	public boolean active() {
		return this.minCount >= 2;
	}

	/** K, or 0 when off. */
	public int minCount() {
		return this.minCount;
	}

	/** The marker of a count from 1 to K−1, {@code <K}. */
	public String smallMarker() {
		return "<" + this.minCount;
	}

	/**
	 * What to show instead of a figure.
	 * @return {@code <K}, {@link #COMPLEMENTARY}, or {@code null} when it is shown
	 */
	public String marker(CellKey key) {
		Boolean primary = this.hidden.get(key);
		if (primary == null) {
			return null;
		}
		return primary ? smallMarker() : COMPLEMENTARY;
	}

	public boolean shown(CellKey key) {
		return !this.hidden.containsKey(key);
	}

	/** The rule applied, in one sentence, for the Run sheet and the Summary notes. */
	public String describe() {
		if (!active()) {
			return "off: every count is shown";
		}
		return "counts from 1 to " + (this.minCount - 1) + " are shown as " + smallMarker() + "; " + COMPLEMENTARY
				+ " hides a figure that would let a hidden count be worked out from a total";
	}

	private void deriveBalancesAndStatistics(ReportData data) {
		List<Object> stageRows = new ArrayList<>();
		data.stages().forEach((stage) -> stageRows.add(stage.key()));
		stageRows.add(CellKey.TOTAL);
		for (Object row : stageRows) {
			if (!shown(new CellKey(CellKey.STAGES, row, "returned_to_ua"))
					|| !shown(new CellKey(CellKey.STAGES, row, "returned_to_ru"))) {
				this.hidden.put(new CellKey(CellKey.STAGES, row, "balance"), false);
			}
			if (Boolean.TRUE.equals(this.hidden.get(new CellKey(CellKey.STAGES, row, "returned_total")))) {
				CAPTIVITY_STATISTICS
					.forEach((column) -> this.hidden.put(new CellKey(CellKey.STAGES, row, column), false));
			}
		}
		for (BranchSummary branch : data.branches()) {
			if (Boolean.TRUE.equals(this.hidden.get(CellKey.branch(branch.serviceBranch(), "returned")))) {
				CAPTIVITY_STATISTICS
					.forEach((column) -> this.hidden.put(CellKey.branch(branch.serviceBranch(), column), false));
			}
		}
	}

	/** A count column of a table and how to read it from a row. */
	record Column<T>(String name, ToLongFunction<T> value) {

	}

	/** One published figure: its value and whether, and why, it is hidden. */
	private static final class Cell {

		final long value;

		final List<Relation> relations = new ArrayList<>(4);

		/**
		 * {@code null} shown, {@code TRUE} a small count, {@code FALSE} complementary.
		 */
		Boolean hidden;

		Cell(long value) {
			this.value = value;
		}

	}

	/**
	 * An equation between published figures: the first {@code totals} members are sums of
	 * the others (none for an equation between two groups of parts).
	 */
	private record Relation(List<Cell> members, int totals) {

	}

	/** The figures and equations of all tables, and the suppression over them. */
	private static final class Model {

		final int minCount;

		final Map<CellKey, Cell> cells = new LinkedHashMap<>();

		final List<Relation> relations = new ArrayList<>();

		Model(int minCount) {
			this.minCount = minCount;
		}

		void cell(CellKey key, long value) {
			// a figure published twice (all military: over the stages and over the
			// branches) is one figure
			this.cells.putIfAbsent(key, new Cell(value));
		}

		/** An equation: {@code total} is the sum of {@code parts}. */
		void sum(CellKey total, List<CellKey> parts) {
			List<CellKey> keys = new ArrayList<>(parts.size() + 1);
			keys.add(total);
			keys.addAll(parts);
			relation(keys, 1);
		}

		void relation(List<CellKey> keys, int totals) {
			List<Cell> members = new ArrayList<>(keys.size());
			for (CellKey key : keys) {
				Cell cell = this.cells.get(key);
				if (cell == null) {
					throw new IllegalStateException("No figure " + key);
				}
				members.add(cell);
			}
			Relation relation = new Relation(members, totals);
			this.relations.add(relation);
			members.forEach((cell) -> cell.relations.add(relation));
		}

		void stages(List<StageSummary> stages) {
			List<Object> rows = new ArrayList<>();
			for (StageSummary stage : stages) {
				rows.add(stage.key());
				STAGE_COUNTS.forEach(
						(column) -> cell(CellKey.stage(stage.key(), column.name()), column.value().applyAsLong(stage)));
			}
			for (Column<StageSummary> column : STAGE_COUNTS) {
				cell(CellKey.stageTotal(column.name()), stages.stream().mapToLong(column.value()::applyAsLong).sum());
				sum(CellKey.stageTotal(column.name()),
						stages.stream().map((stage) -> CellKey.stage(stage.key(), column.name())).toList());
			}
			rows.add(CellKey.TOTAL);
			for (Object row : rows) {
				sum(key(CellKey.STAGES, row, "returned_total"), List.of(key(CellKey.STAGES, row, "returned_to_ua"),
						key(CellKey.STAGES, row, "returned_to_ru")));
				sum(key(CellKey.STAGES, row, "returned_total"), List.of(key(CellKey.STAGES, row, "military"),
						key(CellKey.STAGES, row, "civilians"), key(CellKey.STAGES, row, "remains")));
			}
		}

		void branches(List<BranchSummary> branches) {
			for (BranchSummary branch : branches) {
				BRANCH_COUNTS.forEach((column) -> cell(CellKey.branch(branch.serviceBranch(), column.name()),
						column.value().applyAsLong(branch)));
				// every military record has a rank group
				sum(CellKey.branch(branch.serviceBranch(), "returned"),
						List.of(CellKey.branch(branch.serviceBranch(), "officers"),
								CellKey.branch(branch.serviceBranch(), "ncos"),
								CellKey.branch(branch.serviceBranch(), "enlisted")));
			}
			for (Column<BranchSummary> column : BRANCH_COUNTS) {
				cell(CellKey.branchTotal(column.name()),
						branches.stream().mapToLong(column.value()::applyAsLong).sum());
				sum(CellKey.branchTotal(column.name()),
						branches.stream()
							.map((branch) -> CellKey.branch(branch.serviceBranch(), column.name()))
							.toList());
			}
			if (!branches.isEmpty()) {
				sum(CellKey.branchTotal("returned"), List.of(CellKey.branchTotal("officers"),
						CellKey.branchTotal("ncos"), CellKey.branchTotal("enlisted")));
			}
		}

		void stageBranches(List<StageSummary> stages, List<BranchSummary> branches, List<StageBranchRow> rows) {
			Map<StageKey, List<StageBranchRow>> byStage = new LinkedHashMap<>();
			Map<String, List<StageBranchRow>> byBranch = new LinkedHashMap<>();
			for (StageBranchRow row : rows) {
				STAGE_BRANCH_COUNTS
					.forEach((column) -> cell(CellKey.stageBranch(row.key(), row.serviceBranch(), column.name()),
							column.value().applyAsLong(row)));
				sum(CellKey.stageBranch(row.key(), row.serviceBranch(), "returned"),
						List.of(CellKey.stageBranch(row.key(), row.serviceBranch(), "officers"),
								CellKey.stageBranch(row.key(), row.serviceBranch(), "ncos"),
								CellKey.stageBranch(row.key(), row.serviceBranch(), "enlisted")));
				byStage.computeIfAbsent(row.key(), (key) -> new ArrayList<>()).add(row);
				byBranch.computeIfAbsent(row.serviceBranch(), (key) -> new ArrayList<>()).add(row);
			}
			for (StageSummary stage : stages) {
				List<StageBranchRow> ofStage = byStage.getOrDefault(stage.key(), List.of());
				cell(CellKey.stageMilitarySevere(stage.key()),
						ofStage.stream().mapToLong(StageBranchRow::severe).sum());
				sum(CellKey.stage(stage.key(), "military"),
						ofStage.stream()
							.map((row) -> CellKey.stageBranch(row.key(), row.serviceBranch(), "returned"))
							.toList());
				sum(CellKey.stageMilitarySevere(stage.key()),
						ofStage.stream()
							.map((row) -> CellKey.stageBranch(row.key(), row.serviceBranch(), "severe"))
							.toList());
			}
			if (!branches.isEmpty()) {
				sum(CellKey.branchTotal("severe"),
						stages.stream().map((stage) -> CellKey.stageMilitarySevere(stage.key())).toList());
			}
			for (BranchSummary branch : branches) {
				List<StageBranchRow> ofBranch = byBranch.getOrDefault(branch.serviceBranch(), List.of());
				for (Column<StageBranchRow> column : STAGE_BRANCH_COUNTS) {
					sum(CellKey.branch(branch.serviceBranch(), column.name()),
							ofBranch.stream()
								.map((row) -> CellKey.stageBranch(row.key(), row.serviceBranch(), column.name()))
								.toList());
				}
			}
		}

		void conditions(List<ConditionCount> conditions) {
			Map<String, List<ConditionCount>> byCondition = new LinkedHashMap<>();
			for (ConditionCount count : conditions) {
				cell(CellKey.condition(count.key(), count.condition()), count.cases());
				byCondition.computeIfAbsent(count.condition(), (key) -> new ArrayList<>()).add(count);
			}
			byCondition.forEach((condition, counts) -> {
				cell(CellKey.conditionTotal(condition), counts.stream().mapToLong(ConditionCount::cases).sum());
				sum(CellKey.conditionTotal(condition),
						counts.stream().map((count) -> CellKey.condition(count.key(), condition)).toList());
			});
		}

		void timeline(List<StageSummary> stages, List<TimelineRow> days) {
			for (TimelineRow day : days) {
				DAY_COUNTS.forEach((column) -> cell(CellKey.day(day.exchangeDate(), column.name()),
						column.value().applyAsLong(day)));
				sum(CellKey.day(day.exchangeDate(), "returned_total"),
						List.of(CellKey.day(day.exchangeDate(), "returned_to_ua"),
								CellKey.day(day.exchangeDate(), "returned_to_ru")));
			}
			for (Column<TimelineRow> column : DAY_COUNTS) {
				sum(CellKey.stageTotal(column.name()),
						days.stream().map((day) -> CellKey.day(day.exchangeDate(), column.name())).toList());
			}
			for (Column<TimelineRow> counts : DAY_COUNTS) {
				String column = counts.name();
				if (!CUMULATIVE_COLUMNS.contains(column)) {
					continue;
				}
				long running = 0;
				LocalDate previous = null;
				for (TimelineRow day : days) {
					running += counts.value().applyAsLong(day);
					cell(CellKey.cumulative(day.exchangeDate(), column), running);
					List<CellKey> parts = new ArrayList<>(2);
					if (previous != null) {
						parts.add(CellKey.cumulative(previous, column));
					}
					parts.add(CellKey.day(day.exchangeDate(), column));
					sum(CellKey.cumulative(day.exchangeDate(), column), parts);
					previous = day.exchangeDate();
				}
				if (previous != null) {
					sum(CellKey.stageTotal(column), List.of(CellKey.cumulative(previous, column)));
				}
			}
			for (TimelineRow day : days) {
				sum(CellKey.cumulative(day.exchangeDate(), "returned_total"),
						List.of(CellKey.cumulative(day.exchangeDate(), "returned_to_ua"),
								CellKey.cumulative(day.exchangeDate(), "returned_to_ru")));
			}
			periods(stages, days);
		}

		/**
		 * Stages whose exchange dates overlap form a period; a period's stages and its
		 * dates count the same records, and both are published.
		 */
		private void periods(List<StageSummary> stages, List<TimelineRow> days) {
			List<StageSummary> byFirst = new ArrayList<>(stages);
			byFirst.sort((a, b) -> a.firstExchangeDate().compareTo(b.firstExchangeDate()));
			int next = 0;
			while (next < byFirst.size()) {
				List<StageSummary> period = new ArrayList<>();
				LocalDate first = byFirst.get(next).firstExchangeDate();
				LocalDate last = byFirst.get(next).lastExchangeDate();
				while (next < byFirst.size() && !byFirst.get(next).firstExchangeDate().isAfter(last)) {
					StageSummary stage = byFirst.get(next++);
					period.add(stage);
					if (stage.lastExchangeDate().isAfter(last)) {
						last = stage.lastExchangeDate();
					}
				}
				LocalDate from = first;
				LocalDate to = last;
				List<TimelineRow> periodDays = days.stream()
					.filter((day) -> !day.exchangeDate().isBefore(from) && !day.exchangeDate().isAfter(to))
					.toList();
				for (Column<TimelineRow> column : DAY_COUNTS) {
					List<CellKey> keys = new ArrayList<>();
					period.forEach((stage) -> keys.add(CellKey.stage(stage.key(), column.name())));
					periodDays.forEach((day) -> keys.add(CellKey.day(day.exchangeDate(), column.name())));
					relation(keys, 0);
				}
			}
		}

		/**
		 * Hides the small counts, then one more figure of every equation that hides
		 * exactly one, until there is none.
		 */
		void suppress() {
			for (Cell cell : this.cells.values()) {
				if (cell.value >= 1 && cell.value < this.minCount) {
					cell.hidden = true;
				}
			}
			Deque<Relation> work = new ArrayDeque<>(this.relations);
			while (!work.isEmpty()) {
				Relation relation = work.poll();
				if (hiddenCount(relation) != 1) {
					continue;
				}
				Cell complement = complement(relation);
				if (complement != null) {
					complement.hidden = false;
					work.addAll(complement.relations);
				}
			}
		}

		private static int hiddenCount(Relation relation) {
			int hidden = 0;
			for (Cell cell : relation.members()) {
				if (cell.hidden != null) {
					hidden++;
				}
			}
			return hidden;
		}

		/** The smallest positive part, else the smallest positive total, else any. */
		private static Cell complement(Relation relation) {
			Cell best = smallestPositive(relation.members().subList(relation.totals(), relation.members().size()));
			if (best == null) {
				best = smallestPositive(relation.members().subList(0, relation.totals()));
			}
			if (best == null) {
				best = relation.members().stream().filter((cell) -> cell.hidden == null).findFirst().orElse(null);
			}
			return best;
		}

		private static Cell smallestPositive(List<Cell> cells) {
			Cell best = null;
			for (Cell cell : cells) {
				if (cell.hidden == null && cell.value > 0 && (best == null || cell.value < best.value)) {
					best = cell;
				}
			}
			return best;
		}

		private static CellKey key(String table, Object row, String column) {
			return new CellKey(table, row, column);
		}

	}

}
