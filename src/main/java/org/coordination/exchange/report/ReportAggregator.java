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
 * number. Every counter can be taken back ({@link #remove}): an import's stored tables
 * stand for its visible records once the records later imports replaced are removed.
 */
public final class ReportAggregator {

	final Map<StageKey, StageGroup> stages = new HashMap<>();

	final Map<String, BranchGroup> branches = new HashMap<>();

	// a TreeMap: the timeline is read in date order
	final TreeMap<LocalDate, DayCounts> days = new TreeMap<>();

	/** Count one accepted, visible record. */
	public void add(ExchangeRecord record) {
		count(record, 1);
	}

	/**
	 * Take back a record counted before, as if it had never been added: a group left
	 * without records is no longer in the tables.
	 */
	public void remove(ExchangeRecord record) {
		count(record, -1);
	}

	private void count(ExchangeRecord record, int sign) {
		String agreement = (record.agreement() != null) ? record.agreement() : "";
		StageKey key = new StageKey(agreement, record.stage());
		StageGroup stage = this.stages.computeIfAbsent(key, StageGroup::new);
		stage.add(record, sign);
		// the branch tables take MILITARY records only; an accepted one always has a
		// branch
		if (record.category() == Category.MILITARY && record.serviceBranch() != null) {
			this.branches.computeIfAbsent(record.serviceBranch(), BranchGroup::new).add(record, sign);
			stage.branches.computeIfAbsent(record.serviceBranch(), (branch) -> new Counts()).add(record, sign);
		}
		this.days.computeIfAbsent(record.exchangeDate(), (date) -> new DayCounts()).add(record, sign);
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
		// a group whose records were all taken back has no row
		List<StageGroup> orderedStages = new ArrayList<>(
				this.stages.values().stream().filter((group) -> group.returned != 0).toList());
		orderedStages.sort(Comparator.comparing((StageGroup group) -> group.dates.firstKey())
			.thenComparing((group) -> group.key.agreement())
			.thenComparingInt((group) -> group.key.stage()));

		List<StageSummary> stageRows = new ArrayList<>(orderedStages.size());
		List<StageBranchRow> stageBranchRows = new ArrayList<>();
		List<ConditionCount> conditionRows = new ArrayList<>();
		for (StageGroup group : orderedStages) {
			stageRows.add(group.summary());
			// TreeMaps: branch and condition codes in String order
			new TreeMap<>(group.branches).entrySet()
				.stream()
				.filter((entry) -> entry.getValue().returned != 0)
				.forEach((entry) -> stageBranchRows.add(new StageBranchRow(group.key, entry.getKey(),
						entry.getValue().returned, entry.getValue().officers, entry.getValue().ncos,
						entry.getValue().enlisted, entry.getValue().severe, entry.getValue().withConditions)));
			TreeMap<String, Long> conditions = new TreeMap<>();
			group.conditions.forEach((condition, cases) -> {
				if (cases != 0) {
					conditions.put(condition.name(), cases);
				}
			});
			conditions
				.forEach((condition, cases) -> conditionRows.add(new ConditionCount(group.key, condition, cases)));
		}

		List<BranchSummary> branchRows = new ArrayList<>(this.branches.size());
		for (BranchGroup group : this.branches.values()) {
			if (group.returned != 0) {
				branchRows.add(group.summary());
			}
		}
		branchRows.sort(Comparator.comparingLong(BranchSummary::returned)
			.reversed()
			.thenComparing(BranchSummary::serviceBranch));

		List<TimelineRow> timeline = new ArrayList<>(this.days.size());
		this.days.forEach((date, day) -> {
			if (day.records != 0) {
				timeline.add(new TimelineRow(date, day.toUa, day.toRu, day.remains));
			}
		});
		return new ReportData(List.copyOf(stageRows), List.copyOf(branchRows), List.copyOf(stageBranchRows),
				List.copyOf(conditionRows), List.copyOf(timeline));
	}

	/** Returns on one exchange date. */
	static final class DayCounts {

		long records;

		long toUa;

		long toRu;

		long remains;

		void add(ExchangeRecord record, int sign) {
			this.records += sign;
			if (record.side() == Side.UA) {
				this.toUa += sign;
			}
			else if (record.side() == Side.RU) {
				this.toRu += sign;
			}
			if (record.category() == Category.REMAINS) {
				this.remains += sign;
			}
		}

		DayCounts merge(DayCounts other) {
			this.records += other.records;
			this.toUa += other.toUa;
			this.toRu += other.toRu;
			this.remains += other.remains;
			return this;
		}

	}

	/** The counts shared by every table row that has them. */
	static class Counts {

		long returned;

		long officers;

		long ncos;

		long enlisted;

		long severe;

		long withConditions;

		void add(ExchangeRecord record, int sign) {
			this.returned += sign;
			RankGroup rank = record.rankGroup();
			if (rank == RankGroup.OFFICER) {
				this.officers += sign;
			}
			else if (rank == RankGroup.NCO) {
				this.ncos += sign;
			}
			else if (rank == RankGroup.ENLISTED) {
				this.enlisted += sign;
			}
			if (record.severity() == Severity.SEVERE) {
				this.severe += sign;
			}
			if (record.conditions() != null && !record.conditions().isEmpty()) {
				this.withConditions += sign;
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

	static final class StageGroup extends Counts {

		final StageKey key;

		final Map<String, Counts> branches = new HashMap<>();

		final Map<Condition, Long> conditions = new HashMap<>();

		final CaptivityStats captivity = new CaptivityStats();

		// records by exchange date, not just the first and last date: a date is gone
		// when its records are taken back
		final TreeMap<LocalDate, long[]> dates = new TreeMap<>();

		// the date of the previous record, whose count is usually the next one's too
		private LocalDate lastDate;

		private long[] lastDateCount;

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
		void add(ExchangeRecord record, int sign) {
			super.add(record, sign);
			LocalDate date = record.exchangeDate();
			countDate(date, sign);
			if (record.side() == Side.UA) {
				this.toUa += sign;
			}
			else if (record.side() == Side.RU) {
				this.toRu += sign;
			}
			if (record.category() == Category.MILITARY) {
				this.military += sign;
			}
			else if (record.category() == Category.CIVILIAN) {
				this.civilians += sign;
			}
			else if (record.category() == Category.REMAINS) {
				this.remains += sign;
			}
			Integer age = record.age();
			if (age != null && age >= 18 && age <= 25) {
				this.age18To25 += sign;
			}
			if (record.conditions() != null) {
				// a set: a condition listed twice in one record counts once
				for (Condition condition : record.conditions()) {
					this.conditions.merge(condition, (long) sign, Long::sum);
				}
			}
			this.captivity.add(record.capturedOn(), date, sign);
		}

		void countDate(LocalDate date, long records) {
			if (!date.equals(this.lastDate)) {
				this.lastDate = date;
				this.lastDateCount = this.dates.computeIfAbsent(date, (day) -> new long[1]);
			}
			this.lastDateCount[0] += records;
			if (this.lastDateCount[0] == 0) {
				this.dates.remove(date);
				this.lastDate = null;
			}
		}

		StageGroup merge(StageGroup other) {
			mergeCounts(other);
			other.branches.forEach((branch, counts) -> this.branches.merge(branch, counts, Counts::mergeCounts));
			other.conditions.forEach((condition, cases) -> this.conditions.merge(condition, cases, Long::sum));
			this.captivity.merge(other.captivity);
			other.dates.forEach((date, records) -> countDate(date, records[0]));
			this.toUa += other.toUa;
			this.toRu += other.toRu;
			this.military += other.military;
			this.civilians += other.civilians;
			this.remains += other.remains;
			this.age18To25 += other.age18To25;
			return this;
		}

		StageSummary summary() {
			return new StageSummary(this.key, this.dates.firstKey(), this.dates.lastKey(), this.returned, this.toUa,
					this.toRu, this.military, this.civilians, this.remains, this.officers, this.ncos, this.enlisted,
					this.severe, this.withConditions, this.age18To25, this.captivity.average(), this.captivity.median(),
					this.captivity.max(), this.captivity.over3y());
		}

	}

	static final class BranchGroup extends Counts {

		final String branch;

		final CaptivityStats captivity = new CaptivityStats();

		BranchGroup(String branch) {
			this.branch = branch;
		}

		@Override
		void add(ExchangeRecord record, int sign) {
			super.add(record, sign);
			this.captivity.add(record.capturedOn(), record.exchangeDate(), sign);
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
