package org.coordination.exchange.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The workbook's table sheets: Stages, Branches, Stage × Branch, Medical and Timeline.
 * Each has a frozen header row, an autofilter, a totals row of formulas and prints one
 * page wide; colour scales draw the eye to severe cases.
 */
final class TableSheets {

	private final Workbook workbook;

	private final WorkbookStyles styles;

	private final ReportData data;

	private final SmallCellSuppression suppression;

	private final PrintLayout print;

	TableSheets(Workbook workbook, WorkbookStyles styles, ReportData data, SmallCellSuppression suppression,
			PrintLayout print) {
		this.workbook = workbook;
		this.styles = styles;
		this.data = data;
		this.suppression = suppression;
		this.print = print;
	}

	void stages() {
		SheetTable table = SheetTable.onNewSheet(this.workbook.createSheet(ExcelReportWriter.STAGES_SHEET),
				ExcelReportWriter.STAGE_COLUMNS, 4, this.styles);
		List<StageSummary> stages = this.data.stages();
		for (StageSummary s : stages) {
			Marker marker = (column) -> this.suppression.marker(CellKey.stage(s.key(), column));
			table.startRow();
			table.text(s.key().agreement());
			table.plain(s.key().stage());
			table.date(s.firstExchangeDate());
			table.date(s.lastExchangeDate());
			table.count(marker.of("returned_total"), s.returnedTotal());
			table.count(marker.of("returned_to_ua"), s.returnedToUa());
			table.count(marker.of("returned_to_ru"), s.returnedToRu());
			table.balance(marker.of("balance"), s.balance());
			table.count(marker.of("military"), s.military());
			table.count(marker.of("civilians"), s.civilians());
			table.count(marker.of("remains"), s.remains());
			table.count(marker.of("officers"), s.officers());
			table.count(marker.of("ncos"), s.ncos());
			table.count(marker.of("enlisted"), s.enlisted());
			table.count(marker.of("severe"), s.severe());
			table.count(marker.of("with_conditions"), s.withConditions());
			table.count(marker.of("age_18_25"), s.age18To25());
			table.decimal(marker.of("captivity_days_avg"), s.captivityDaysAvg());
			table.decimal(marker.of("captivity_days_median"), s.captivityDaysMedian());
			table.integer(marker.of("captivity_days_max"), s.captivityDaysMax());
			table.count(marker.of("captivity_over_3y"), s.captivityOver3y());
		}
		if (!stages.isEmpty()) {
			Marker total = (column) -> this.suppression.marker(CellKey.stageTotal(column));
			table.startTotalsRow(ExcelReportWriter.TOTAL);
			table.totalBlank();
			table.totalDate("MIN",
					stages.stream().map(StageSummary::firstExchangeDate).min(LocalDate::compareTo).orElse(null));
			table.totalDate("MAX",
					stages.stream().map(StageSummary::lastExchangeDate).max(LocalDate::compareTo).orElse(null));
			table.totalSum(total.of("returned_total"), sum(stages, StageSummary::returnedTotal));
			table.totalSum(total.of("returned_to_ua"), sum(stages, StageSummary::returnedToUa));
			table.totalSum(total.of("returned_to_ru"), sum(stages, StageSummary::returnedToRu));
			table.totalBalance(total.of("balance"), sum(stages, StageSummary::balance));
			table.totalSum(total.of("military"), sum(stages, StageSummary::military));
			table.totalSum(total.of("civilians"), sum(stages, StageSummary::civilians));
			table.totalSum(total.of("remains"), sum(stages, StageSummary::remains));
			table.totalSum(total.of("officers"), sum(stages, StageSummary::officers));
			table.totalSum(total.of("ncos"), sum(stages, StageSummary::ncos));
			table.totalSum(total.of("enlisted"), sum(stages, StageSummary::enlisted));
			table.totalSum(total.of("severe"), sum(stages, StageSummary::severe));
			table.totalSum(total.of("with_conditions"), sum(stages, StageSummary::withConditions));
			table.totalSum(total.of("age_18_25"), sum(stages, StageSummary::age18To25));
			// an average or median of the stages' averages would mean nothing
			table.totalBlank();
			table.totalBlank();
			Long longest = SummarySheet.Headline.LONGEST.total(stages);
			table.totalMax(total.of("captivity_days_max"), (longest != null) ? longest.intValue() : null);
			table.totalSum(total.of("captivity_over_3y"), sum(stages, StageSummary::captivityOver3y));
		}
		int severe = ExcelReportWriter.STAGE_COLUMNS.indexOf("severe");
		table.colourScale(severe, severe, SheetTable.SEVERE_RED);
		table.finish(2);
		this.print.apply(table.sheet(), 1, 2);
	}

	void branches() {
		SheetTable table = SheetTable.onNewSheet(this.workbook.createSheet(ExcelReportWriter.BRANCHES_SHEET),
				ExcelReportWriter.BRANCH_COLUMNS, 1, this.styles);
		List<BranchSummary> branches = this.data.branches();
		for (BranchSummary b : branches) {
			Marker marker = (column) -> this.suppression.marker(CellKey.branch(b.serviceBranch(), column));
			table.startRow();
			table.text(b.serviceBranch());
			table.count(marker.of("returned"), b.returned());
			table.count(marker.of("officers"), b.officers());
			table.count(marker.of("ncos"), b.ncos());
			table.count(marker.of("enlisted"), b.enlisted());
			table.count(marker.of("severe"), b.severe());
			table.count(marker.of("with_conditions"), b.withConditions());
			table.decimal(marker.of("captivity_days_avg"), b.captivityDaysAvg());
			table.decimal(marker.of("captivity_days_median"), b.captivityDaysMedian());
			table.integer(marker.of("captivity_days_max"), b.captivityDaysMax());
			table.count(marker.of("captivity_over_3y"), b.captivityOver3y());
		}
		if (!branches.isEmpty()) {
			Marker total = (column) -> this.suppression.marker(CellKey.branchTotal(column));
			table.startTotalsRow(ExcelReportWriter.TOTAL);
			table.totalSum(total.of("returned"), sum(branches, BranchSummary::returned));
			table.totalSum(total.of("officers"), sum(branches, BranchSummary::officers));
			table.totalSum(total.of("ncos"), sum(branches, BranchSummary::ncos));
			table.totalSum(total.of("enlisted"), sum(branches, BranchSummary::enlisted));
			table.totalSum(total.of("severe"), sum(branches, BranchSummary::severe));
			table.totalSum(total.of("with_conditions"), sum(branches, BranchSummary::withConditions));
			table.totalBlank();
			table.totalBlank();
			Integer longest = branches.stream()
				.map(BranchSummary::captivityDaysMax)
				.filter(Objects::nonNull)
				.max(Integer::compare)
				.orElse(null);
			table.totalMax(null, longest);
			table.totalSum(total.of("captivity_over_3y"), sum(branches, BranchSummary::captivityOver3y));
		}
		int severe = ExcelReportWriter.BRANCH_COLUMNS.indexOf("severe");
		table.colourScale(severe, severe, SheetTable.SEVERE_RED);
		table.finish(1);
		this.print.apply(table.sheet(), 1, 1);
	}

	/**
	 * Stages down, branches across: military returned, and below it the severely wounded
	 * or ill, each with row and column totals.
	 */
	void stageBranches() {
		Sheet sheet = this.workbook.createSheet(ExcelReportWriter.STAGE_BRANCH_SHEET);
		List<String> branches = this.data.branches().stream().map(BranchSummary::serviceBranch).toList();
		List<String> headers = new ArrayList<>();
		headers.add("agreement");
		headers.add("stage");
		headers.addAll(branches);
		headers.add("total");
		Map<StageKey, Map<String, StageBranchRow>> cells = new HashMap<>();
		for (StageBranchRow row : this.data.stageBranches()) {
			cells.computeIfAbsent(row.key(), (key) -> new HashMap<>()).put(row.serviceBranch(), row);
		}

		SheetTable returned = SheetTable.onNewSheet(sheet, headers, 2, this.styles);
		matrix(returned, branches, cells, StageBranchRow::returned, "returned",
				(stage) -> CellKey.stage(stage, "military"), StageSummary::military,
				(branch) -> CellKey.branch(branch.serviceBranch(), "returned"), BranchSummary::returned,
				CellKey.stageTotal("military"));
		returned.colourScale(2, 1 + branches.size(), SheetTable.MATRIX_BLUE);

		int titleRow = returned.rowIndex() + 3;
		// the severe matrix starts on a page of its own
		sheet.setRowBreak(titleRow - 1);
		Row title = sheet.createRow(titleRow);
		ExcelReportWriter.text(title, 0, "Severely wounded or ill (military)", this.styles.section);
		boolean[] upright = new boolean[headers.size()];
		for (int c = 2; c < upright.length; c++) {
			upright[c] = true;
		}
		SheetTable severe = new SheetTable(sheet, titleRow + 1, headers, upright, this.styles);
		Map<StageKey, Long> militarySevere = new HashMap<>();
		this.data.stageBranches().forEach((row) -> militarySevere.merge(row.key(), row.severe(), Long::sum));
		matrix(severe, branches, cells, StageBranchRow::severe, "severe", CellKey::stageMilitarySevere,
				(stage) -> militarySevere.getOrDefault(stage.key(), 0L),
				(branch) -> CellKey.branch(branch.serviceBranch(), "severe"), BranchSummary::severe,
				CellKey.branchTotal("severe"));
		severe.colourScale(2, 1 + branches.size(), SheetTable.SEVERE_RED);
		severe.finishBelow();
		returned.finish(2);
		this.print.apply(sheet, 1, 2);
	}

	private void matrix(SheetTable table, List<String> branches, Map<StageKey, Map<String, StageBranchRow>> cells,
			ToLongFunction<StageBranchRow> value, String column, Function<StageKey, CellKey> rowKey,
			ToLongFunction<StageSummary> rowTotal, Function<BranchSummary, CellKey> columnKey,
			ToLongFunction<BranchSummary> columnTotal, CellKey grandKey) {
		List<StageSummary> stages = this.data.stages();
		for (StageSummary stage : stages) {
			table.startRow();
			table.text(stage.key().agreement());
			table.plain(stage.key().stage());
			Map<String, StageBranchRow> ofStage = cells.getOrDefault(stage.key(), Map.of());
			for (String branch : branches) {
				StageBranchRow row = ofStage.get(branch);
				if (row == null) {
					table.skip();
				}
				else {
					table.count(this.suppression.marker(CellKey.stageBranch(stage.key(), branch, column)),
							value.applyAsLong(row));
				}
			}
			table.rowSum(this.suppression.marker(rowKey.apply(stage.key())), rowTotal.applyAsLong(stage), 2);
		}
		if (!stages.isEmpty()) {
			table.startTotalsRow(ExcelReportWriter.TOTAL);
			table.totalBlank();
			long grand = 0;
			for (BranchSummary branch : this.data.branches()) {
				long total = columnTotal.applyAsLong(branch);
				grand += total;
				table.totalSum(this.suppression.marker(columnKey.apply(branch)), total);
			}
			table.totalSum(this.suppression.marker(grandKey), grand);
		}
	}

	/** Stages down, conditions across, cases in the cells. */
	void medical(List<String> conditions) {
		List<String> headers = new ArrayList<>();
		headers.add("agreement");
		headers.add("stage");
		headers.addAll(conditions);
		SheetTable table = SheetTable.onNewSheet(this.workbook.createSheet(ExcelReportWriter.MEDICAL_SHEET), headers, 2,
				this.styles);
		Map<StageKey, Map<String, Long>> cases = new HashMap<>();
		Map<String, Long> totals = new HashMap<>();
		for (ConditionCount count : this.data.conditions()) {
			cases.computeIfAbsent(count.key(), (key) -> new HashMap<>()).put(count.condition(), count.cases());
			totals.merge(count.condition(), count.cases(), Long::sum);
		}
		List<StageSummary> stages = this.data.stages();
		for (StageSummary stage : stages) {
			table.startRow();
			table.text(stage.key().agreement());
			table.plain(stage.key().stage());
			Map<String, Long> ofStage = cases.getOrDefault(stage.key(), Map.of());
			for (String condition : conditions) {
				Long count = ofStage.get(condition);
				if (count == null) {
					table.skip();
				}
				else {
					table.count(this.suppression.marker(CellKey.condition(stage.key(), condition)), count);
				}
			}
		}
		if (!stages.isEmpty()) {
			table.startTotalsRow(ExcelReportWriter.TOTAL);
			table.totalBlank();
			for (String condition : conditions) {
				table.totalSum(this.suppression.marker(CellKey.conditionTotal(condition)), totals.get(condition));
			}
		}
		if (!conditions.isEmpty()) {
			table.colourScale(2, 1 + conditions.size(), SheetTable.SEVERE_RED);
		}
		table.finish(2);
		this.print.apply(table.sheet(), 1, 2);
	}

	/** One row per exchange date, with running totals. */
	void timeline() {
		SheetTable table = SheetTable.onNewSheet(this.workbook.createSheet(ExcelReportWriter.TIMELINE_SHEET),
				ExcelReportWriter.TIMELINE_COLUMNS, ExcelReportWriter.TIMELINE_COLUMNS.size(), this.styles);
		List<TimelineRow> days = this.data.timeline();
		long toUa = 0;
		long toRu = 0;
		LocalDate previous = null;
		for (TimelineRow day : days) {
			LocalDate date = day.exchangeDate();
			toUa += day.returnedToUa();
			toRu += day.returnedToRu();
			table.startRow();
			int row = table.rowIndex() + 1;
			table.date(date);
			table.count(this.suppression.marker(CellKey.day(date, "returned_to_ua")), day.returnedToUa());
			table.count(this.suppression.marker(CellKey.day(date, "returned_to_ru")), day.returnedToRu());
			table.count(this.suppression.marker(CellKey.day(date, "remains")), day.remains());
			table.count(this.suppression.marker(CellKey.day(date, "returned_total")), day.returnedTotal());
			cumulative(table, previous, date, "returned_to_ua", toUa,
					(previous != null) ? "F" + (row - 1) + "+B" + row : "B" + row);
			cumulative(table, previous, date, "returned_to_ru", toRu,
					(previous != null) ? "G" + (row - 1) + "+C" + row : "C" + row);
			boolean sides = this.suppression.shown(CellKey.cumulative(date, "returned_to_ua"))
					&& this.suppression.shown(CellKey.cumulative(date, "returned_to_ru"));
			String marker = this.suppression.marker(CellKey.cumulative(date, "returned_total"));
			if (marker == null && sides) {
				table.formula("F" + row + "+G" + row, toUa + toRu, false);
			}
			else {
				table.count(marker, toUa + toRu);
			}
			previous = date;
		}
		if (!days.isEmpty()) {
			table.startTotalsRow(ExcelReportWriter.TOTAL);
			for (var column : SmallCellSuppression.DAY_COUNTS) {
				table.totalSum(this.suppression.marker(CellKey.stageTotal(column.name())), sum(days, column.value()));
			}
			table.totalBlank();
			table.totalBlank();
			table.totalBlank();
		}
		table.finish(1);
		this.print.apply(table.sheet(), 1, 1);
	}

	/**
	 * A running total: a formula adding the day to the running total before it, its
	 * number where one of them is hidden, or its own marker.
	 */
	private void cumulative(SheetTable table, LocalDate previous, LocalDate date, String column, long value,
			String formula) {
		String marker = this.suppression.marker(CellKey.cumulative(date, column));
		boolean inputsShown = this.suppression.shown(CellKey.day(date, column))
				&& (previous == null || this.suppression.shown(CellKey.cumulative(previous, column)));
		if (marker == null && inputsShown) {
			table.formula(formula, value, false);
		}
		else {
			table.count(marker, value);
		}
	}

	private static <T> long sum(List<T> rows, ToLongFunction<T> value) {
		return rows.stream().mapToLong(value).sum();
	}

	/** The marker of a row's figure by column, {@code null} when shown. */
	@FunctionalInterface
	private interface Marker {

		String of(String column);

	}

}
