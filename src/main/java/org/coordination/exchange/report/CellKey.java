package org.coordination.exchange.report;

import java.time.LocalDate;

/**
 * Names one published figure of the stakeholder tables, wherever it appears: a CSV
 * report, a workbook table, a total or the Summary sheet. A figure printed in two places
 * has one key, so that it is hidden in both or in neither.
 *
 * @param table which table the figure belongs to
 * @param row the row: a stage, a branch, a date, a pair of them, or {@link #TOTAL}
 * @param column the column, named as in the CSV reports
 */
public record CellKey(String table, Object row, String column) {

	/** The row of totals over a table's rows. */
	public static final String TOTAL = "(total)";

	static final String STAGES = "stages";

	static final String BRANCHES = "branches";

	static final String STAGE_BRANCH = "stage_branch";

	static final String STAGE_MILITARY_SEVERE = "stage_military_severe";

	static final String CONDITIONS = "conditions";

	static final String CONDITION_TOTALS = "condition_totals";

	static final String DAYS = "days";

	static final String CUMULATIVE = "cumulative";

	public static CellKey stage(StageKey stage, String column) {
		return new CellKey(STAGES, stage, column);
	}

	/** A column's total over all stages: also the Summary's "all stages" figures. */
	public static CellKey stageTotal(String column) {
		return new CellKey(STAGES, TOTAL, column);
	}

	public static CellKey branch(String branch, String column) {
		return new CellKey(BRANCHES, branch, column);
	}

	/** A column's total over all branches; all branches returned is all military. */
	public static CellKey branchTotal(String column) {
		return "returned".equals(column) ? stageTotal("military") : new CellKey(BRANCHES, TOTAL, column);
	}

	/**
	 * A count of military records of one stage and branch. A stage's returned over its
	 * branches is its {@code military} count, so the matrix's row totals are
	 * {@link #stage} keys.
	 */
	public static CellKey stageBranch(StageKey stage, String branch, String column) {
		return new CellKey(STAGE_BRANCH, new StageBranch(stage, branch), column);
	}

	/**
	 * Severely wounded or ill military records of a stage: the severe matrix's row total.
	 * Its total over the stages is {@code branchTotal("severe")}.
	 */
	public static CellKey stageMilitarySevere(StageKey stage) {
		return new CellKey(STAGE_MILITARY_SEVERE, stage, "severe");
	}

	public static CellKey condition(StageKey stage, String condition) {
		return new CellKey(CONDITIONS, new StageCondition(stage, condition), "cases");
	}

	/** Cases of one condition over all stages. */
	public static CellKey conditionTotal(String condition) {
		return new CellKey(CONDITION_TOTALS, condition, "cases");
	}

	/**
	 * Returns on one exchange date; {@code column} is {@code returned_to_ua},
	 * {@code returned_to_ru}, {@code remains} or {@code returned_total}. Their totals
	 * over the dates are the {@link #stageTotal} figures.
	 */
	public static CellKey day(LocalDate date, String column) {
		return new CellKey(DAYS, date, column);
	}

	/** Returns up to and including one exchange date. */
	public static CellKey cumulative(LocalDate date, String column) {
		return new CellKey(CUMULATIVE, date, column);
	}

	/** A stage and a branch. */
	record StageBranch(StageKey stage, String branch) {

	}

	/** A stage and a condition. */
	record StageCondition(StageKey stage, String condition) {

	}

}
