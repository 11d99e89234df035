package org.coordination.exchange.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToLongFunction;

import javax.xml.namespace.QName;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.AxisTickLabelPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFDateAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.xmlbeans.XmlCursor;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBarChart;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTDLbls;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTDateAx;

/**
 * The Summary sheet: a one-page briefing (title, period, headline figures for all stages
 * and the latest one, notes) beside four native charts, then the figures behind the
 * charts on the pages after it.
 * <p>
 * It is built on the full XSSF model, before the other sheets stream, because charts need
 * it. Two charts plot the tables of this sheet; the conditions chart plots the Medical
 * sheet and the cumulative chart the Timeline sheet, by reference, with their values
 * cached in the chart.
 */
final class SummarySheet {

	static final String NAME = "Summary";

	static final String TITLE = "Prisoner-of-war exchanges";

	/** First row of the headline table (its header). */
	static final int HEADLINE_ROW = 5;

	/** First row of the lower band of charts. */
	static final int BAND_ROW = 24;

	/** The row after the briefing page. */
	static final int BRIEFING_END = 46;

	static final String BRANCH_CHART = "Returned by service branch (military)";

	static final String STAGE_CHART = "Returned per stage, by side";

	static final String CUMULATIVE_CHART = "Cumulative returns over time";

	static final String CONDITIONS_CHART = "Medical conditions by stage";

	private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

	private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

	private static final DateTimeFormatter SHORT_DATE_YEAR = DateTimeFormatter.ofPattern("d MMM uu", Locale.ENGLISH);

	/** Columns A to L, in characters: the headline table, then the charts. */
	private static final int[] COLUMN_CHARS = { 34, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12 };

	/** Space between the headline table and the charts beside it, in EMU. */
	private static final int GAP = 20 * 9525;

	private static final int LAST_COLUMN = COLUMN_CHARS.length - 1;

	/** UA and RU series colours: the same in every chart. */
	private static final PresetColor UA_COLOUR = PresetColor.STEEL_BLUE;

	private static final PresetColor RU_COLOUR = PresetColor.DARK_ORANGE;

	private static final PresetColor[] CONDITION_COLOURS = { PresetColor.FIREBRICK, PresetColor.DARK_ORANGE,
			PresetColor.GOLDENROD, PresetColor.OLIVE_DRAB, PresetColor.SEA_GREEN, PresetColor.TEAL,
			PresetColor.STEEL_BLUE, PresetColor.SLATE_BLUE, PresetColor.MEDIUM_ORCHID, PresetColor.GRAY };

	private final XSSFSheet sheet;

	private final WorkbookStyles styles;

	private final ReportData data;

	private final SmallCellSuppression suppression;

	private final PrintLayout print;

	/** The Medical sheet's condition columns, in order. */
	private final List<String> conditions;

	SummarySheet(XSSFSheet sheet, WorkbookStyles styles, ReportData data, SmallCellSuppression suppression,
			PrintLayout print, List<String> conditions) {
		this.sheet = sheet;
		this.styles = styles;
		this.data = data;
		this.suppression = suppression;
		this.print = print;
		this.conditions = conditions;
	}

	void write() {
		for (int c = 0; c < COLUMN_CHARS.length; c++) {
			this.sheet.setColumnWidth(c, COLUMN_CHARS[c] * 256 + 128);
		}
		titleBlock();
		int row = headlineTable();
		row = notes(row + 1);
		int briefingEnd = Math.max(row, BRIEFING_END);
		// the figures behind the charts start on the next page
		this.sheet.setRowBreak(briefingEnd);
		int figures = briefingEnd + 1;
		int branchTable = figures + 2;
		int stageTable = branchFigures(figures) + 2;
		stageFigures(stageTable);
		charts(branchTable, stageTable);
		this.print.apply(this.sheet, 0, 0);
		this.sheet.setDisplayGridlines(false);
		this.sheet.setPrintGridlines(false);
	}

	// Briefing

	private void titleBlock() {
		Row title = this.sheet.createRow(0);
		title.setHeightInPoints(30);
		ExcelReportWriter.text(title, 0, TITLE, this.styles.title);
		ExcelReportWriter.text(this.sheet.createRow(1), 0, this.print.office(), this.styles.subtitle);
		ExcelReportWriter.text(this.sheet.createRow(2), 0, period(), this.styles.subtitle);
		ExcelReportWriter.text(this.sheet.createRow(3), 0,
				this.print.generatedText() + ", from every record imported so far", this.styles.note);
		for (int r = 0; r <= 3; r++) {
			merge(r, 0, LAST_COLUMN);
		}
	}

	/** "Period covered: …, N stages, N records". */
	String period() {
		List<StageSummary> stages = this.data.stages();
		if (stages.isEmpty()) {
			return "No exchange records yet.";
		}
		LocalDate first = stages.stream().map(StageSummary::firstExchangeDate).min(LocalDate::compareTo).orElseThrow();
		LocalDate last = stages.stream().map(StageSummary::lastExchangeDate).max(LocalDate::compareTo).orElseThrow();
		long agreements = stages.stream().map((stage) -> stage.key().agreement()).distinct().count();
		String records = this.suppression.shown(CellKey.stageTotal("returned_total"))
				? String.format(Locale.ENGLISH, "%,d records", sum(StageSummary::returnedTotal))
				: "fewer than " + this.suppression.minCount() + " records";
		return "Period covered: " + LONG_DATE.format(first) + " to " + LONG_DATE.format(last) + " · "
				+ plural(stages.size(), "stage") + " under " + plural(agreements, "agreement") + " · " + records;
	}

	private static String plural(long count, String noun) {
		return count + " " + noun + ((count == 1) ? "" : "s");
	}

	private int headlineTable() {
		List<StageSummary> stages = this.data.stages();
		StageSummary latest = stages.isEmpty() ? null : stages.get(stages.size() - 1);
		Row header = this.sheet.createRow(HEADLINE_ROW);
		header.setHeightInPoints(32);
		ExcelReportWriter.text(header, 0, "Headline figures", this.styles.header);
		ExcelReportWriter.text(header, 1, "All stages", this.styles.headlineHeader);
		ExcelReportWriter.text(header, 2, "Latest stage", this.styles.headlineHeader);
		int row = HEADLINE_ROW + 1;
		for (Headline headline : Headline.values()) {
			Row line = this.sheet.createRow(row++);
			line.setHeightInPoints(19);
			boolean severe = headline == Headline.SEVERE;
			ExcelReportWriter.text(line, 0, headline.label,
					severe ? this.styles.severeLabel : this.styles.headlineLabel);
			headlineValue(line, 1, CellKey.stageTotal(headline.column), headline.total(stages), headline, severe);
			if (latest != null) {
				headlineValue(line, 2, CellKey.stage(latest.key(), headline.column), headline.of(latest), headline,
						severe);
			}
			else {
				line.createCell(2).setCellStyle(this.styles.headlineLabel);
			}
		}
		return row;
	}

	private void headlineValue(Row row, int column, CellKey key, Long value, Headline headline, boolean severe) {
		Cell cell = row.createCell(column);
		String marker = this.suppression.marker(key);
		if (marker != null) {
			cell.setCellValue(marker);
			cell.setCellStyle(this.styles.headlineMarker);
			return;
		}
		if (value != null) {
			cell.setCellValue((double) value);
		}
		CellStyle style = severe ? this.styles.severeCount
				: (headline == Headline.BALANCE) ? this.styles.headlineBalance : this.styles.headlineCount;
		cell.setCellStyle(style);
	}

	private int notes(int row) {
		List<String> notes = new ArrayList<>();
		List<StageSummary> stages = this.data.stages();
		if (!stages.isEmpty()) {
			StageSummary latest = stages.get(stages.size() - 1);
			LocalDate first = latest.firstExchangeDate();
			LocalDate last = latest.lastExchangeDate();
			String dates = first.equals(last) ? "on " + LONG_DATE.format(first)
					: "from " + LONG_DATE.format(first) + " to " + LONG_DATE.format(last);
			notes.add("Latest stage: " + stageLabel(latest.key()) + ", exchanged " + dates + ".");
		}
		notes.add("Each count is of records: one person, or the remains of one person, returned. "
				+ "Balance is returned to UA minus returned to RU.");
		notes.add("Severely wounded or ill: records assessed SEVERE. Captivity runs from capture to exchange, "
				+ "over the records that give a capture date.");
		if (this.suppression.active()) {
			notes
				.add("Small counts are hidden to protect the people behind them: " + this.suppression.describe() + ".");
		}
		for (String note : notes) {
			Row line = this.sheet.createRow(row);
			line.setHeightInPoints(26);
			ExcelReportWriter.text(line, 0, note, this.styles.note);
			merge(row, 0, 2);
			row++;
		}
		return row;
	}

	// Figures behind the charts

	private int branchFigures(int row) {
		ExcelReportWriter.text(this.sheet.createRow(row), 0, "Figures behind the charts", this.styles.section);
		Row header = this.sheet.createRow(row + 2);
		ExcelReportWriter.text(header, 0, "Service branch (military)", this.styles.header);
		ExcelReportWriter.text(header, 1, "Returned", this.styles.headlineHeader);
		int r = row + 3;
		for (BranchSummary branch : this.data.branches()) {
			Row line = this.sheet.createRow(r++);
			ExcelReportWriter.text(line, 0, readable(branch.serviceBranch()), null);
			figure(line, 1, CellKey.branch(branch.serviceBranch(), "returned"), branch.returned());
		}
		return r;
	}

	private void stageFigures(int row) {
		Row header = this.sheet.createRow(row);
		ExcelReportWriter.text(header, 0, "Stage", this.styles.header);
		ExcelReportWriter.text(header, 1, "Exchanged", this.styles.headlineHeader);
		ExcelReportWriter.text(header, 2, "To UA", this.styles.headlineHeader);
		ExcelReportWriter.text(header, 3, "To RU", this.styles.headlineHeader);
		List<String> labels = chartLabels(this.data.stages());
		int r = row + 1;
		for (int i = 0; i < this.data.stages().size(); i++) {
			StageSummary stage = this.data.stages().get(i);
			Row line = this.sheet.createRow(r++);
			ExcelReportWriter.text(line, 0, stageLabel(stage.key()), null);
			ExcelReportWriter.text(line, 1, labels.get(i), null);
			figure(line, 2, CellKey.stage(stage.key(), "returned_to_ua"), stage.returnedToUa());
			figure(line, 3, CellKey.stage(stage.key(), "returned_to_ru"), stage.returnedToRu());
		}
	}

	private void figure(Row row, int column, CellKey key, long value) {
		Cell cell = row.createCell(column);
		String marker = this.suppression.marker(key);
		if (marker != null) {
			cell.setCellValue(marker);
			cell.setCellStyle(this.styles.marker);
		}
		else {
			cell.setCellValue((double) value);
			cell.setCellStyle(this.styles.count);
		}
	}

	// Charts

	private void charts(int branchHeader, int stageHeader) {
		XSSFDrawing drawing = this.sheet.createDrawingPatriarch();
		List<StageSummary> stages = this.data.stages();
		if (!stages.isEmpty()) {
			stageChart(drawing.createChart(anchor(drawing, 3, HEADLINE_ROW, LAST_COLUMN + 1, BAND_ROW - 1)),
					stageHeader);
		}
		if (!this.data.branches().isEmpty()) {
			branchChart(drawing.createChart(anchor(drawing, 0, BAND_ROW, 3, BRIEFING_END)), branchHeader);
		}
		if (!stages.isEmpty() && !this.conditions.isEmpty()) {
			conditionsChart(drawing.createChart(anchor(drawing, 3, BAND_ROW, 8, BRIEFING_END)), stageHeader);
		}
		if (!this.data.timeline().isEmpty()) {
			cumulativeChart(drawing.createChart(anchor(drawing, 8, BAND_ROW, LAST_COLUMN + 1, BRIEFING_END)));
		}
	}

	private static XSSFClientAnchor anchor(XSSFDrawing drawing, int column1, int row1, int column2, int row2) {
		// charts right of the headline table keep a gap from it
		int dx = (column1 == 3) ? GAP : 0;
		XSSFClientAnchor anchor = drawing.createAnchor(dx, 0, 0, 0, column1, row1, column2, row2);
		anchor.setAnchorType(org.apache.poi.ss.usermodel.ClientAnchor.AnchorType.DONT_MOVE_AND_RESIZE);
		return anchor;
	}

	private void stageChart(XSSFChart chart, int header) {
		styleChart(chart, STAGE_CHART, true);
		int rows = this.data.stages().size();
		XDDFDataSource<String> categories = XDDFDataSourcesFactory.fromStringCellRange(this.sheet,
				new CellRangeAddress(header + 1, header + rows, 1, 1));
		XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
		x.getOrAddTextProperties().setFontSize(8.0);
		XDDFValueAxis y = valueAxis(chart);
		XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, x, y);
		bars.setVaryColors(false);
		bars.setBarDirection(BarDirection.COL);
		bars.setBarGrouping(BarGrouping.CLUSTERED);
		series(bars, categories, column(header, 2, rows), "Returned to UA", UA_COLOUR);
		series(bars, categories, column(header, 3, rows), "Returned to RU", RU_COLOUR);
		chart.plot(bars);
		countLabels(chart);
	}

	private void branchChart(XSSFChart chart, int header) {
		styleChart(chart, BRANCH_CHART, false);
		int rows = this.data.branches().size();
		XDDFDataSource<String> categories = XDDFDataSourcesFactory.fromStringCellRange(this.sheet,
				new CellRangeAddress(header + 1, header + rows, 0, 0));
		XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.LEFT);
		x.getOrAddTextProperties().setFontSize(8.0);
		// the largest branch at the top, as in the table
		x.setOrientation(AxisOrientation.MAX_MIN);
		XDDFValueAxis y = chart.createValueAxis(AxisPosition.BOTTOM);
		y.getOrAddTextProperties().setFontSize(8.0);
		y.setNumberFormat(WorkbookStyles.COUNT_FORMAT);
		y.setCrosses(AxisCrosses.MAX);
		y.setCrossBetween(AxisCrossBetween.BETWEEN);
		XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, x, y);
		bars.setVaryColors(false);
		bars.setBarDirection(BarDirection.BAR);
		bars.setBarGrouping(BarGrouping.CLUSTERED);
		bars.setGapWidth(40);
		series(bars, categories, column(header, 1, rows), "Returned", UA_COLOUR);
		chart.plot(bars);
		countLabels(chart);
		// the count at the end of each bar
		CTDLbls labels = chart.getCTChart().getPlotArea().getBarChartArray(0).getSerArray(0).addNewDLbls();
		labels.addNewShowLegendKey().setVal(false);
		labels.addNewShowVal().setVal(true);
		labels.addNewShowCatName().setVal(false);
		labels.addNewShowSerName().setVal(false);
		labels.addNewShowPercent().setVal(false);
		labels.addNewShowBubbleSize().setVal(false);
	}

	private void cumulativeChart(XSSFChart chart) {
		styleChart(chart, CUMULATIVE_CHART, true);
		List<TimelineRow> days = this.data.timeline();
		int rows = days.size();
		Double[] dates = new Double[rows];
		for (int i = 0; i < rows; i++) {
			dates[i] = org.apache.poi.ss.usermodel.DateUtil.getExcelDate(days.get(i).exchangeDate());
		}
		String timeline = ExcelReportWriter.TIMELINE_SHEET;
		XDDFNumericalDataSource<Double> categories = XDDFDataSourcesFactory.fromArray(dates,
				range(timeline, 0, 1, rows));
		categories.setFormatCode(WorkbookStyles.DATE_FORMAT);
		XDDFDateAxis x = chart.createDateAxis(AxisPosition.BOTTOM);
		x.getOrAddTextProperties().setFontSize(8.0);
		x.setNumberFormat("mmm yy");
		x.setMajorUnit(1);
		x.setTickLabelPosition(AxisTickLabelPosition.LOW);
		XDDFValueAxis y = valueAxis(chart);
		XDDFLineChartData lines = (XDDFLineChartData) chart.createData(ChartTypes.LINE, x, y);
		lines.setVaryColors(false);
		String[] columns = { "returned_to_ua", "returned_to_ru" };
		String[] titles = { "Returned to UA", "Returned to RU" };
		PresetColor[] colours = { UA_COLOUR, RU_COLOUR };
		for (int s = 0; s < columns.length; s++) {
			Double[] values = new Double[rows];
			long running = 0;
			for (int i = 0; i < rows; i++) {
				TimelineRow day = days.get(i);
				running += columns[s].equals("returned_to_ua") ? day.returnedToUa() : day.returnedToRu();
				boolean shown = this.suppression.shown(CellKey.cumulative(day.exchangeDate(), columns[s]));
				values[i] = shown ? (double) running : null;
			}
			// cumulative columns F and G of the Timeline sheet
			XDDFNumericalDataSource<Double> source = XDDFDataSourcesFactory.fromArray(values,
					range(timeline, 5 + s, 1, rows));
			XDDFLineChartData.Series series = (XDDFLineChartData.Series) lines.addSeries(categories, source);
			series.setTitle(titles[s], null);
			series.setSmooth(false);
			series.setMarkerStyle(MarkerStyle.CIRCLE);
			XDDFShapeProperties shape = new XDDFShapeProperties();
			XDDFLineProperties line = new XDDFLineProperties(new XDDFSolidFillProperties(XDDFColor.from(colours[s])));
			line.setWidth(2.25);
			shape.setLineProperties(line);
			series.setShapeProperties(shape);
		}
		chart.plot(lines);
		countLabels(chart);
		monthlyLabels(chart.getCTChart().getPlotArea().getDateAxArray(0));
	}

	private void conditionsChart(XSSFChart chart, int stageHeader) {
		styleChart(chart, CONDITIONS_CHART, true);
		chart.getOrAddLegend().setPosition(LegendPosition.RIGHT);
		List<StageSummary> stages = this.data.stages();
		int rows = stages.size();
		XDDFDataSource<String> categories = XDDFDataSourcesFactory.fromStringCellRange(this.sheet,
				new CellRangeAddress(stageHeader + 1, stageHeader + rows, 1, 1));
		XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
		x.getOrAddTextProperties().setFontSize(8.0);
		XDDFValueAxis y = valueAxis(chart);
		XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, x, y);
		bars.setVaryColors(false);
		bars.setBarDirection(BarDirection.COL);
		bars.setBarGrouping(BarGrouping.STACKED);
		bars.setGapWidth(50);
		Map<StageKey, Map<String, ConditionCount>> cases = new HashMap<>();
		for (ConditionCount count : this.data.conditions()) {
			cases.computeIfAbsent(count.key(), (key) -> new HashMap<>()).put(count.condition(), count);
		}
		for (int c = 0; c < this.conditions.size(); c++) {
			String condition = this.conditions.get(c);
			Double[] values = new Double[rows];
			for (int i = 0; i < rows; i++) {
				StageKey key = stages.get(i).key();
				ConditionCount count = cases.getOrDefault(key, Map.of()).get(condition);
				boolean shown = count == null || this.suppression.shown(CellKey.condition(key, condition));
				values[i] = !shown ? null : (count != null) ? (double) count.cases() : 0.0;
			}
			// the Medical sheet: conditions from column C, stages from row 2
			XDDFNumericalDataSource<Double> source = XDDFDataSourcesFactory.fromArray(values,
					range(ExcelReportWriter.MEDICAL_SHEET, 2 + c, 1, rows));
			XDDFChartData.Series series = bars.addSeries(categories, source);
			series.setTitle(readable(condition), null);
			fill(series, CONDITION_COLOURS[c % CONDITION_COLOURS.length]);
		}
		chart.plot(bars);
		countLabels(chart);
		fullOverlap(chart.getCTChart().getPlotArea().getBarChartArray(0));
	}

	/**
	 * Stacked bars need full overlap, or Excel draws the segments side by side. Written
	 * through a cursor: POI's schema subset lacks the overlap type.
	 */
	private static void fullOverlap(CTBarChart bar) {
		try (XmlCursor cursor = bar.getAxIdArray(0).newCursor()) {
			cursor.beginElement(new QName(XSSFRelation.NS_CHART, "overlap", "c"));
			cursor.insertAttributeWithValue("val", "100");
		}
	}

	/**
	 * A label a month on the date axis, from the data's dates. Written through a cursor:
	 * POI's schema subset lacks the time unit type.
	 */
	private static void monthlyLabels(CTDateAx axis) {
		axis.getNumFmt().setSourceLinked(false);
		try (XmlCursor cursor = axis.getMajorUnit().newCursor()) {
			cursor.beginElement(new QName(XSSFRelation.NS_CHART, "baseTimeUnit", "c"));
			cursor.insertAttributeWithValue("val", "days");
		}
		try (XmlCursor cursor = axis.newCursor()) {
			cursor.toEndToken();
			cursor.beginElement(new QName(XSSFRelation.NS_CHART, "majorTimeUnit", "c"));
			cursor.insertAttributeWithValue("val", "months");
		}
	}

	/** Value axes show counts as the tables do, whatever the source cells' format. */
	private static void countLabels(XSSFChart chart) {
		for (var axis : chart.getCTChart().getPlotArea().getValAxList()) {
			axis.getNumFmt().setSourceLinked(false);
		}
	}

	private static void styleChart(XSSFChart chart, String title, boolean legend) {
		chart.getCTChartSpace().addNewRoundedCorners().setVal(false);
		chart.setTitleText(title);
		chart.setTitleOverlay(false);
		chart.getTitle().getBody().getParagraph(0).addDefaultRunProperties().setFontSize(11.0);
		chart.getTitle().getBody().getParagraph(0).getDefaultRunProperties().setBold(true);
		if (legend) {
			chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
		}
	}

	private static XDDFValueAxis valueAxis(XSSFChart chart) {
		XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
		y.setCrosses(AxisCrosses.AUTO_ZERO);
		y.setCrossBetween(AxisCrossBetween.BETWEEN);
		y.setNumberFormat(WorkbookStyles.COUNT_FORMAT);
		y.getOrAddTextProperties().setFontSize(8.0);
		y.getOrAddMajorGridProperties()
			.setLineProperties(
					new XDDFLineProperties(new XDDFSolidFillProperties(XDDFColor.from(PresetColor.GAINSBORO))));
		return y;
	}

	private XDDFNumericalDataSource<Double> column(int header, int column, int rows) {
		return XDDFDataSourcesFactory.fromNumericCellRange(this.sheet,
				new CellRangeAddress(header + 1, header + rows, column, column));
	}

	private static void series(XDDFBarChartData bars, XDDFDataSource<String> categories,
			XDDFNumericalDataSource<Double> values, String title, PresetColor colour) {
		XDDFChartData.Series series = bars.addSeries(categories, values);
		series.setTitle(title, null);
		fill(series, colour);
	}

	private static void fill(XDDFChartData.Series series, PresetColor colour) {
		XDDFShapeProperties shape = new XDDFShapeProperties();
		shape.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(colour)));
		series.setShapeProperties(shape);
	}

	/** An absolute reference to {@code rows} cells of one column of another sheet. */
	private static String range(String sheetName, int column, int firstRow, int rows) {
		return new CellRangeAddress(firstRow, firstRow + rows - 1, column, column).formatAsString(sheetName, true);
	}

	private void merge(int row, int from, int to) {
		this.sheet.addMergedRegion(new CellRangeAddress(row, row, from, to));
	}

	private long sum(ToLongFunction<StageSummary> value) {
		return this.data.stages().stream().mapToLong(value).sum();
	}

	// Labels

	/** "Istanbul 2025-06-02, stage 7"; "stage 3" without an agreement. */
	static String stageLabel(StageKey key) {
		return key.agreement().isEmpty() ? "Stage " + key.stage() : key.agreement() + ", stage " + key.stage();
	}

	/**
	 * A stage's label on a chart axis: its first exchange date, short, with the stage
	 * number where two stages start on the same day.
	 */
	static List<String> chartLabels(List<StageSummary> stages) {
		TreeSet<Integer> years = new TreeSet<>();
		Map<LocalDate, Integer> starts = new LinkedHashMap<>();
		for (StageSummary stage : stages) {
			years.add(stage.firstExchangeDate().getYear());
			starts.merge(stage.firstExchangeDate(), 1, Integer::sum);
		}
		DateTimeFormatter format = (years.size() > 1) ? SHORT_DATE_YEAR : SHORT_DATE;
		List<String> labels = new ArrayList<>(stages.size());
		for (StageSummary stage : stages) {
			String label = format.format(stage.firstExchangeDate());
			if (starts.get(stage.firstExchangeDate()) > 1) {
				label += " (" + stage.key().stage() + ")";
			}
			labels.add(label);
		}
		return labels;
	}

	/** A code as words: GROUND_FORCES is "Ground forces". */
	static String readable(String code) {
		if (code == null || code.isEmpty()) {
			return code;
		}
		String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	/** The headline rows: a stage table column, summed over stages or of the latest. */
	enum Headline {

		RETURNED("Returned, both sides", "returned_total", StageSummary::returnedTotal),

		TO_UA("Returned to Ukraine (UA)", "returned_to_ua", StageSummary::returnedToUa),

		TO_RU("Returned to Russia (RU)", "returned_to_ru", StageSummary::returnedToRu),

		BALANCE("Balance, UA minus RU", "balance", StageSummary::balance),

		MILITARY("Military", "military", StageSummary::military),

		CIVILIANS("Civilians", "civilians", StageSummary::civilians),

		REMAINS("Remains of the fallen", "remains", StageSummary::remains),

		SEVERE("Severely wounded or ill", "severe", StageSummary::severe),

		WITH_CONDITIONS("With medical conditions", "with_conditions", StageSummary::withConditions),

		LONGEST("Longest captivity, days", "captivity_days_max", null),

		OVER_3Y("In captivity over 3 years", "captivity_over_3y", StageSummary::captivityOver3y);

		final String label;

		final String column;

		private final ToLongFunction<StageSummary> value;

		Headline(String label, String column, ToLongFunction<StageSummary> value) {
			this.label = label;
			this.column = column;
			this.value = value;
		}

		/** The figure of one stage; {@code null} for a statistic without values. */
		Long of(StageSummary stage) {
			if (this.value == null) {
				return (stage.captivityDaysMax() != null) ? stage.captivityDaysMax().longValue() : null;
			}
			return this.value.applyAsLong(stage);
		}

		/** The figure over all stages. */
		Long total(List<StageSummary> stages) {
			if (this.value == null) {
				return stages.stream()
					.map(StageSummary::captivityDaysMax)
					.filter(java.util.Objects::nonNull)
					.map(Integer::longValue)
					.max(Long::compare)
					.orElse(null);
			}
			return stages.stream().mapToLong(this.value).sum();
		}

	}

}
