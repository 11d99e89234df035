package org.coordination.exchange.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.coordination.exchange.record.Category;
import org.coordination.exchange.record.Condition;
import org.coordination.exchange.record.ExchangeRecord;
import org.coordination.exchange.record.RankGroup;
import org.coordination.exchange.record.Severity;
import org.coordination.exchange.record.Side;

/**
 * Builds the report tables of SPEC §5 from accepted records, one record at a time. It
 * keeps counters per group only, never the records, so memory does not grow with their
 * number.
 */
public final class ReportAggregator {

	private final Map<StageKey, StageGroup> stages = new HashMap<>();

	private final Map<String, BranchGroup> branches = new HashMap<>();

	// a TreeMap: the timeline is read in date order
	private final TreeMap<LocalDate, DayCounts> days = new TreeMap<>();

	/** Count one accepted, visible record. */
	public void add(ExchangeRecord record) {
		String agreement = (record.agreement() != null) ? record.agreement() : "";
		StageKey key = new StageKey(agreement, record.stage());
		StageGroup stage = this.stages.computeIfAbsent(key, StageGroup::new);
		stage.add(record);
		// the branch tables take MILITARY records only; an accepted one always has a
		// branch
		if (record.category() == Category.MILITARY && record.serviceBranch() != null) {
			this.branches.computeIfAbsent(record.serviceBranch(), BranchGroup::new).add(record);
			stage.branches.computeIfAbsent(record.serviceBranch(), (branch) -> new Counts()).add(record);
		}
		this.days.computeIfAbsent(record.exchangeDate(), (date) -> new DayCounts()).add(record);
	}

	/**
	 * Adds what another aggregator counted, as if its records had been added here: the
	 * tables do not depend on the order of records, so parts of the store can be counted
	 * side by side. The other's groups are taken over, not copied: do not use it again.
	 */
	public void merge(ReportAggregator other) {
		other.stages.forEach((key, group) -> this.stages.merge(key, group, StageGroup::merge));
		other.branches.forEach((branch, group) -> this.branches.merge(branch, group, BranchGroup::merge));
		other.days.forEach((date, day) -> this.days.merge(date, day, DayCounts::merge));
	}

	/** The tables of what was added so far, each in the SPEC's row order. */
	public ReportData result() {
		List<StageGroup> orderedStages = new ArrayList<>(this.stages.values());
		orderedStages.sort(Comparator.comparing((StageGroup group) -> group.first)
			.thenComparing((group) -> group.key.agreement())
			.thenComparingInt((group) -> group.key.stage()));

		List<StageSummary> stageRows = new ArrayList<>(orderedStages.size());
		List<StageBranchRow> stageBranchRows = new ArrayList<>();
		List<ConditionCount> conditionRows = new ArrayList<>();
		for (StageGroup group : orderedStages) {
			stageRows.add(group.summary());
			// TreeMaps: branch and condition codes in String order
			new TreeMap<>(group.branches)
				.forEach((branch, counts) -> stageBranchRows.add(new StageBranchRow(group.key, branch, counts.returned,
						counts.officers, counts.ncos, counts.enlisted, counts.severe, counts.withConditions)));
			TreeMap<String, Long> conditions = new TreeMap<>();
			group.conditions.forEach((condition, cases) -> conditions.put(condition.name(), cases));
			conditions
				.forEach((condition, cases) -> conditionRows.add(new ConditionCount(group.key, condition, cases)));
		}

		List<BranchSummary> branchRows = new ArrayList<>(this.branches.size());
		for (BranchGroup group : this.branches.values()) {
			branchRows.add(group.summary());
		}
		branchRows.sort(Comparator.comparingLong(BranchSummary::returned)
			.reversed()
			.thenComparing(BranchSummary::serviceBranch));

		List<TimelineRow> timeline = new ArrayList<>(this.days.size());
		this.days.forEach((date, day) -> timeline.add(new TimelineRow(date, day.toUa, day.toRu, day.remains)));
		return new ReportData(List.copyOf(stageRows), List.copyOf(branchRows), List.copyOf(stageBranchRows),
				List.copyOf(conditionRows), List.copyOf(timeline));
	}

	/** Returns on one exchange date. */
	private static final class DayCounts {

		long toUa;

		long toRu;

		long remains;

		void add(ExchangeRecord record) {
			if (record.side() == Side.UA) {
				this.toUa++;
			}
			else if (record.side() == Side.RU) {
				this.toRu++;
			}
			if (record.category() == Category.REMAINS) {
				this.remains++;
			}
		}

		DayCounts merge(DayCounts other) {
			this.toUa += other.toUa;
			this.toRu += other.toRu;
			this.remains += other.remains;
			return this;
		}

	}

	/** The counts shared by every table row that has them. */
	private static class Counts {

		long returned;

		long officers;

		long ncos;

		long enlisted;

		long severe;

		long withConditions;

		void add(ExchangeRecord record) {
			this.returned++;
			RankGroup rank = record.rankGroup();
			if (rank == RankGroup.OFFICER) {
				this.officers++;
			}
			else if (rank == RankGroup.NCO) {
				this.ncos++;
			}
			else if (rank == RankGroup.ENLISTED) {
				this.enlisted++;
			}
			if (record.severity() == Severity.SEVERE) {
				this.severe++;
			}
			if (record.conditions() != null && !record.conditions().isEmpty()) {
				this.withConditions++;
			}
		}

		Counts mergeCounts(Counts other) {
			this.returned += other.returned;
			this.officers += other.officers;
			this.ncos += other.ncos;
			this.enlisted += other.enlisted;
			this.severe += other.severe;
			this.withConditions += other.withConditions;
			return this;
		}

	}

	private static final class StageGroup extends Counts {

		final StageKey key;

		final Map<String, Counts> branches = new HashMap<>();

		final Map<Condition, Long> conditions = new HashMap<>();

		final CaptivityStats captivity = new CaptivityStats();

		LocalDate first;

		LocalDate last;

		long toUa;

		long toRu;

		long military;

		long civilians;

		long remains;

		long age18To25;

		StageGroup(StageKey key) {
			this.key = key;
		}

		@Override
		void add(ExchangeRecord record) {
			super.add(record);
			LocalDate date = record.exchangeDate();
			if (this.first == null || date.isBefore(this.first)) {
				this.first = date;
			}
			if (this.last == null || date.isAfter(this.last)) {
				this.last = date;
			}
			if (record.side() == Side.UA) {
				this.toUa++;
			}
			else if (record.side() == Side.RU) {
				this.toRu++;
			}
			if (record.category() == Category.MILITARY) {
				this.military++;
			}
			else if (record.category() == Category.CIVILIAN) {
				this.civilians++;
			}
			else if (record.category() == Category.REMAINS) {
				this.remains++;
			}
			Integer age = record.age();
			if (age != null && age >= 18 && age <= 25) {
				this.age18To25++;
			}
			if (record.conditions() != null) {
				// a set: a condition listed twice in one record counts once
				for (Condition condition : record.conditions()) {
					this.conditions.merge(condition, 1L, Long::sum);
				}
			}
			this.captivity.add(record.capturedOn(), date);
		}

		StageGroup merge(StageGroup other) {
			mergeCounts(other);
			other.branches.forEach((branch, counts) -> this.branches.merge(branch, counts, Counts::mergeCounts));
			other.conditions.forEach((condition, cases) -> this.conditions.merge(condition, cases, Long::sum));
			this.captivity.merge(other.captivity);
			this.first = (this.first == null || (other.first != null && other.first.isBefore(this.first))) ? other.first
					: this.first;
			this.last = (this.last == null || (other.last != null && other.last.isAfter(this.last))) ? other.last
					: this.last;
			this.toUa += other.toUa;
			this.toRu += other.toRu;
			this.military += other.military;
			this.civilians += other.civilians;
			this.remains += other.remains;
			this.age18To25 += other.age18To25;
			return this;
		}

		StageSummary summary() {
			return new StageSummary(this.key, this.first, this.last, this.returned, this.toUa, this.toRu, this.military,
					this.civilians, this.remains, this.officers, this.ncos, this.enlisted, this.severe,
					this.withConditions, this.age18To25, this.captivity.average(), this.captivity.median(),
					this.captivity.max(), this.captivity.over3y());
		}

	}

	private static final class BranchGroup extends Counts {

		final String branch;

		final CaptivityStats captivity = new CaptivityStats();

		BranchGroup(String branch) {
			this.branch = branch;
		}

		@Override
		void add(ExchangeRecord record) {
			super.add(record);
			this.captivity.add(record.capturedOn(), record.exchangeDate());
		}

		BranchGroup merge(BranchGroup other) {
			mergeCounts(other);
			this.captivity.merge(other.captivity);
			return this;
		}

		BranchSummary summary() {
			return new BranchSummary(this.branch, this.returned, this.officers, this.ncos, this.enlisted, this.severe,
					this.withConditions, this.captivity.average(), this.captivity.median(), this.captivity.max(),
					this.captivity.over3y());
		}

	}

}
