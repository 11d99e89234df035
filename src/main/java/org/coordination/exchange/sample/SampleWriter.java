package org.coordination.exchange.sample;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.coordination.exchange.record.Category;
import org.coordination.exchange.record.Column;
import org.coordination.exchange.record.Condition;
import org.coordination.exchange.record.Side;
import org.coordination.exchange.sample.SampleData.Place;
import org.coordination.exchange.sample.SampleStage.Profile;

/**
 * One run of {@link SampleGenerator#write}: streams the rows, keeping only the current
 * row and the last accepted one.
 */
final class SampleWriter {

	private static final int ID = 0;

	private static final int DATE = 1;

	private static final int AGREEMENT = 2;

	private static final int STAGE = 3;

	private static final int SIDE = 4;

	private static final int CATEGORY = 5;

	private static final int BRANCH = 6;

	private static final int RANK = 7;

	private static final int AGE = 8;

	private static final int CAPTURED = 9;

	private static final int PLACE = 10;

	private static final int CONDITIONS = 11;

	private static final int SEVERITY = 12;

	private static final int FIELDS = Column.values().length;

	/** Rows after a stray quote that hold no quote, so that the quote stays unclosed. */
	private static final int QUOTE_FREE_ROWS = 10;

	private static final int FLUSH_AT = 1 << 15;

	private static final String MALFORMED = "MALFORMED_ROW";

	private static final String CAPTURE_AFTER_EXCHANGE = "CAPTURE_AFTER_EXCHANGE";

	private static final String DUPLICATE = "DUPLICATE_RECORD_ID";

	private static final String[] NUMBERS = new String[101];

	static {
		for (int i = 0; i < NUMBERS.length; i++) {
			NUMBERS[i] = Integer.toString(i);
		}
	}

	/**
	 * Small numbers as text, made once: ages and stages are written millions of times.
	 */
	private static String number(int value) {
		return (value >= 0 && value < NUMBERS.length) ? NUMBERS[value] : Integer.toString(value);
	}

	private final Writer out;

	private final int rows;

	private final LocalDate today;

	private final double invalidShare;

	private final SplitMix random;

	private final List<StagePlan> plans;

	private final DateTexts dates;

	private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 1024);

	private final StringBuilder line = new StringBuilder(256);

	private final StringBuilder lastValidLine = new StringBuilder(256);

	private final String[] fields = new String[FIELDS];

	private final List<String> reasons = new ArrayList<>(4);

	private final Map<String, Integer> reasonCounts = new TreeMap<>();

	private char[] chars = new char[FLUSH_AT + 1024];

	private long sequence;

	private int invalidCycle;

	private String lastValidId;

	private String[] correction;

	private boolean strayQuoteWritten;

	private int quoteFreeRows;

	private int dropField;

	private int rawField;

	private long block;

	private long blockEnd;

	private long invalidTarget = -1;

	private int valid;

	private int invalid;

	// the row being built
	private Side side;

	private Category category;

	private LocalDate date;

	private boolean dotted;

	SampleWriter(Writer out, int rows, LocalDate today, long seed, double invalidShare, List<SampleStage> stages,
			long firstSequence, int invalidCycleOffset) {
		this.out = out;
		this.rows = rows;
		this.today = today;
		this.invalidShare = invalidShare;
		this.random = new SplitMix(seed);
		this.sequence = firstSequence;
		this.invalidCycle = invalidCycleOffset;
		this.plans = plan(stages, rows, today);
		LocalDate first = SampleData.WAR_START;
		for (StagePlan plan : this.plans) {
			first = plan.dates.get(0).isBefore(first) ? plan.dates.get(0) : first;
		}
		this.dates = new DateTexts(first, today);
	}

	GeneratedCounts write() throws IOException {
		for (int i = 0; i < FIELDS; i++) {
			this.buffer.append((i > 0) ? "," : "").append(Column.values()[i].header());
		}
		this.buffer.append('\n');
		long index = 0;
		for (StagePlan plan : this.plans) {
			// a stage's sides follow its share exactly, a fraction rounded either way at
			// random
			double uaRows = plan.rows * plan.stage.uaShare();
			int uaLeft = (int) uaRows + (this.random.chance(uaRows - Math.floor(uaRows)) ? 1 : 0);
			for (int j = 0; j < plan.rows; j++, index++) {
				// sides drawn without replacement: the balance holds however rows fall
				boolean ua = this.random.nextInt(plan.rows - j) < uaLeft;
				this.side = ua ? Side.UA : Side.RU;
				uaLeft -= ua ? 1 : 0;
				int dateIndex = (int) ((long) j * plan.dates.size() / plan.rows);
				writeRow(plan, dateIndex, isInvalid(index));
				if (this.buffer.length() >= FLUSH_AT) {
					flush();
				}
			}
		}
		flush();
		this.out.flush();
		return new GeneratedCounts(this.rows, this.valid, this.invalid, this.reasonCounts);
	}

	private void flush() throws IOException {
		int length = this.buffer.length();
		if (this.chars.length < length) {
			this.chars = new char[length];
		}
		this.buffer.getChars(0, length, this.chars, 0);
		this.out.write(this.chars, 0, length);
		this.buffer.setLength(0);
	}

	/**
	 * One invalid row at a random place in every block of {@code 1 / invalidShare} rows:
	 * the share is kept closely while the places look random.
	 */
	private boolean isInvalid(long index) {
		if (this.invalidShare <= 0) {
			return false;
		}
		while (index >= this.blockEnd) {
			long start = blockBoundary(this.block);
			this.blockEnd = blockBoundary(++this.block);
			this.invalidTarget = start + (long) (this.random.nextDouble() * (this.blockEnd - start));
		}
		return index == this.invalidTarget;
	}

	private long blockBoundary(long block) {
		return (long) Math.floor(block / this.invalidShare + 1e-9);
	}

	private void writeRow(StagePlan plan, int dateIndex, boolean invalidRow) {
		this.dropField = -1;
		this.rawField = -1;
		this.reasons.clear();
		if (!invalidRow && this.correction != null) {
			// the corrected version of a row rejected a little earlier: now accepted
			System.arraycopy(this.correction, 0, this.fields, 0, FIELDS);
			this.correction = null;
			emit();
			accepted();
		}
		else if (!invalidRow) {
			fillValid(plan, dateIndex);
			emit();
			accepted();
		}
		else {
			InvalidKind kind = nextKind();
			if (kind == InvalidKind.MALFORMED_STRAY_QUOTE) {
				this.correction = null;
				this.quoteFreeRows = QUOTE_FREE_ROWS + 1;
			}
			fillValid(plan, dateIndex);
			String[] validVersion = kind.correctable ? this.fields.clone() : null;
			spoil(kind);
			emit();
			rejected();
			if (validVersion != null && this.random.chance(0.25)) {
				this.correction = validVersion;
			}
		}
		if (this.quoteFreeRows > 0) {
			if (this.quoteFreeRows <= QUOTE_FREE_ROWS && this.line.indexOf("\"") >= 0) {
				throw new IllegalStateException("a quote within " + QUOTE_FREE_ROWS + " rows of the stray one");
			}
			this.quoteFreeRows--;
		}
	}

	private InvalidKind nextKind() {
		InvalidKind[] kinds = InvalidKind.values();
		InvalidKind kind = kinds[Math.floorMod(this.invalidCycle++, kinds.length)];
		if (kind == InvalidKind.MALFORMED_STRAY_QUOTE) {
			// at most one per file: each costs ten rows that must hold no quote
			if (this.strayQuoteWritten) {
				return InvalidKind.MALFORMED_FEW_FIELDS;
			}
			this.strayQuoteWritten = true;
		}
		return kind;
	}

	private boolean quoteFree() {
		return this.quoteFreeRows > 0;
	}

	private void accepted() {
		this.valid++;
		this.lastValidId = this.fields[ID].strip();
		this.lastValidLine.setLength(0);
		this.lastValidLine.append(this.line);
	}

	private void rejected() {
		this.invalid++;
		for (String reason : this.reasons) {
			this.reasonCounts.merge(reason, 1, Integer::sum);
		}
	}

	private void emit() {
		this.line.setLength(0);
		boolean first = true;
		for (int i = 0; i < FIELDS; i++) {
			if (i == this.dropField) {
				continue;
			}
			if (!first) {
				this.line.append(',');
			}
			first = false;
			if (i == this.rawField) {
				this.line.append(this.fields[i]);
			}
			else {
				appendField(this.line, this.fields[i]);
			}
		}
		this.buffer.append(this.line).append('\n');
	}

	/** RFC 4180 quoting; also quotes {@code ;} as office exports do. */
	private static void appendField(StringBuilder target, String value) {
		boolean quote = false;
		for (int i = 0; i < value.length() && !quote; i++) {
			char c = value.charAt(i);
			quote = c == ',' || c == ';' || c == '"' || c == '\n' || c == '\r';
		}
		if (!quote) {
			target.append(value);
			return;
		}
		target.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '"') {
				target.append('"');
			}
			target.append(c);
		}
		target.append('"');
	}

	// ---- valid rows

	private void fillValid(StagePlan plan, int dateIndex) {
		SampleStage stage = plan.stage;
		Profile profile = stage.profile();
		this.date = plan.dates.get(dateIndex);
		this.category = category(profile);
		this.dotted = this.random.chance(0.08);
		this.fields[ID] = id(this.side, this.date.getYear(), this.sequence++);
		this.fields[DATE] = this.dates.text(this.date, this.dotted);
		this.fields[AGREEMENT] = (!stage.agreement().isEmpty() && this.random.chance(0.005))
				? " " + stage.agreement() + " " : stage.agreement();
		this.fields[STAGE] = (stage.stage() < 10 && this.random.chance(0.02)) ? "0" + stage.stage()
				: number(stage.stage());
		this.fields[SIDE] = spell(this.side.name(), 0.03);
		this.fields[CATEGORY] = spell(this.category.name(), 0.04);
		fillBranchAndRank(profile);
		this.fields[AGE] = age(profile);
		fillCapture(plan, dateIndex);
		fillConditions(profile);
	}

	private Category category(Profile profile) {
		double r = this.random.nextDouble();
		return switch (profile) {
			case REMAINS -> Category.REMAINS;
			case YOUNG -> Category.MILITARY;
			case WOUNDED -> (r < 0.96) ? Category.MILITARY : Category.CIVILIAN;
			case CIVILIANS -> (r < 0.72) ? Category.MILITARY : Category.CIVILIAN;
			case REGULAR -> (r < 0.95) ? Category.MILITARY : Category.CIVILIAN;
		};
	}

	/** {@code UA-2025-000123}: side, year of the exchange, sequence. */
	private static String id(Side side, int year, long sequence) {
		StringBuilder id = new StringBuilder(16).append(side.name()).append('-').append(year).append('-');
		String number = Long.toString(sequence);
		for (int i = number.length(); i < 6; i++) {
			id.append('0');
		}
		return id.append(number).toString();
	}

	/** A code as written: mostly canonical, sometimes lower case or padded. */
	private String spell(String code, double variantShare) {
		if (!this.random.chance(variantShare)) {
			return code;
		}
		return switch (this.random.nextInt(3)) {
			case 0 -> code.toLowerCase(Locale.ROOT);
			case 1 -> code.charAt(0) + code.substring(1).toLowerCase(Locale.ROOT);
			default -> " " + code + " ";
		};
	}

	private String spelling(String[] spellings, double variantShare) {
		if (spellings.length == 1 || !this.random.chance(variantShare)) {
			return spellings[0];
		}
		return spellings[1 + this.random.nextInt(spellings.length - 1)];
	}

	private void fillBranchAndRank(Profile profile) {
		this.fields[BRANCH] = "";
		this.fields[RANK] = "";
		if (this.category == Category.MILITARY) {
			this.fields[BRANCH] = branch();
			this.fields[RANK] = rank(profile);
		}
		else if (this.category == Category.REMAINS && this.random.chance(0.12)) {
			// identified remains sometimes carry the branch and rank
			this.fields[BRANCH] = branch();
			this.fields[RANK] = this.random.chance(0.5) ? rank(profile) : "";
		}
	}

	private String branch() {
		return spelling(((this.side == Side.UA) ? SampleData.UA_BRANCHES : SampleData.RU_BRANCHES).pick(this.random),
				0.15);
	}

	private String rank(Profile profile) {
		return spelling(((profile == Profile.YOUNG) ? SampleData.RANKS_YOUNG : SampleData.RANKS_ALL).pick(this.random),
				0.12);
	}

	private String age(Profile profile) {
		double mean;
		double deviation;
		int min = 18;
		int max = 65;
		switch (this.category) {
			case REMAINS -> {
				if (!this.random.chance(0.1)) {
					return "";
				}
				mean = 32;
				deviation = 8;
			}
			case CIVILIAN -> {
				mean = 48;
				deviation = 15;
				max = 82;
			}
			default -> {
				if (profile == Profile.YOUNG) {
					return NUMBERS[18 + this.random.nextInt(8)];
				}
				mean = (profile == Profile.WOUNDED) ? 36 : 33;
				deviation = (profile == Profile.WOUNDED) ? 9 : 8;
			}
		}
		if (this.random.chance(0.04)) {
			return "";
		}
		long age = Math.round(mean + deviation * this.random.nextGaussian());
		return NUMBERS[(int) Math.max(min, Math.min(max, age))];
	}

	private void fillCapture(StagePlan plan, int dateIndex) {
		this.fields[CAPTURED] = "";
		this.fields[PLACE] = "";
		boolean civilian = this.category == Category.CIVILIAN;
		Weighted<Place> places = plan.places[dateIndex][(this.side == Side.UA ? 0 : 2) + (civilian ? 1 : 0)];
		if (places.isEmpty()) {
			return;
		}
		if (this.category == Category.REMAINS) {
			// where the body was found, sometimes; never a date
			if (this.random.chance(0.25)) {
				this.fields[PLACE] = placeText(places.pick(this.random));
			}
			return;
		}
		if (this.random.chance(civilian ? 0.1 : 0.06)) {
			return;
		}
		Place place = places.pick(this.random);
		LocalDate last = latestCapture(place, this.date);
		long days = last.toEpochDay() - place.from().toEpochDay() + 1;
		LocalDate captured = place.from().plusDays((long) (this.random.nextDouble() * days));
		this.fields[CAPTURED] = this.dates.text(captured, this.dotted);
		this.fields[PLACE] = this.random.chance(0.08) ? "" : placeText(place);
	}

	private String placeText(Place place) {
		return quoteFree() ? place.plainText() : place.text();
	}

	private static LocalDate latestCapture(Place place, LocalDate exchange) {
		LocalDate latest = exchange.minusDays(21);
		return place.to().isBefore(latest) ? place.to() : latest;
	}

	private void fillConditions(Profile profile) {
		this.fields[CONDITIONS] = "";
		this.fields[SEVERITY] = "";
		if (this.category == Category.REMAINS) {
			return;
		}
		boolean wounded = profile == Profile.WOUNDED;
		double r = this.random.nextDouble();
		int count;
		if (wounded) {
			count = (r < 0.05) ? 0 : (r < 0.4) ? 1 : (r < 0.75) ? 2 : 3;
		}
		else if (profile == Profile.YOUNG) {
			count = (r < 0.6) ? 0 : (r < 0.87) ? 1 : (r < 0.97) ? 2 : 3;
		}
		else {
			count = (r < 0.5) ? 0 : (r < 0.78) ? 1 : (r < 0.93) ? 2 : 3;
		}
		Weighted<Condition> weights = wounded ? SampleData.CONDITIONS_WOUNDED : SampleData.CONDITIONS_USUAL;
		Condition[] chosen = new Condition[count];
		boolean grave = false;
		for (int i = 0; i < count; i++) {
			Condition condition = weights.pick(this.random);
			for (int j = 0; j < i; j++) {
				if (chosen[j] == condition) {
					condition = weights.pick(this.random);
					j = -1;
				}
			}
			chosen[i] = condition;
			grave |= condition == Condition.AMPUTATION || condition == Condition.VISION_LOSS
					|| condition == Condition.TUBERCULOSIS;
		}
		this.fields[CONDITIONS] = conditionsText(chosen);
		this.fields[SEVERITY] = severity(count, wounded, grave);
	}

	private String conditionsText(Condition[] chosen) {
		if (chosen.length == 0) {
			return "";
		}
		double r = this.random.nextDouble();
		String separator = (quoteFree() || r < 0.06) ? "|" : (r < 0.12) ? "; " : ";";
		StringBuilder text = new StringBuilder(48);
		for (int i = 0; i < chosen.length; i++) {
			text.append((i > 0) ? separator : "").append(spelling(SampleData.CONDITIONS[chosen[i].ordinal()], 0.04));
		}
		if (this.random.chance(0.01)) {
			// listed twice: counts once
			text.append(separator).append(chosen[0].name());
		}
		if (this.random.chance(0.01)) {
			// an empty code, ignored
			text.append(separator.strip());
		}
		return text.toString();
	}

	private String severity(int conditions, boolean wounded, boolean grave) {
		double r = this.random.nextDouble();
		String[] severity;
		if (conditions == 0) {
			severity = (r < 0.7) ? SampleData.SEVERITY_NONE : null;
		}
		else if (wounded) {
			severity = (r < 0.75) ? SampleData.SEVERITY_SEVERE : (r < 0.95) ? SampleData.SEVERITY_MODERATE : null;
		}
		else if (grave) {
			severity = (r < 0.6) ? SampleData.SEVERITY_SEVERE : (r < 0.9) ? SampleData.SEVERITY_MODERATE : null;
		}
		else {
			severity = (r < 0.15) ? SampleData.SEVERITY_SEVERE
					: (r < 0.65) ? SampleData.SEVERITY_MODERATE : (r < 0.7) ? SampleData.SEVERITY_NONE : null;
		}
		return (severity != null) ? spelling(severity, 0.03) : "";
	}

	// ---- invalid rows

	private void spoil(InvalidKind kind) {
		switch (kind) {
			case MISSING_RECORD_ID -> missing(Column.RECORD_ID, ID);
			case BAD_RECORD_ID -> {
				String id = this.fields[ID];
				this.fields[ID] = switch (this.random.nextInt(4)) {
					case 0 -> id + "/1";
					case 1 -> id.replace('-', ' ');
					case 2 -> id.substring(0, 8) + "№" + id.substring(8);
					default -> id + "#";
				};
				bad(Column.RECORD_ID);
			}
			case LONG_RECORD_ID -> {
				StringBuilder id = new StringBuilder(this.fields[ID]).append("-R");
				while (id.length() < 65) {
					id.append('0');
				}
				this.fields[ID] = id.toString();
				bad(Column.RECORD_ID);
			}
			case MISSING_EXCHANGE_DATE -> missing(Column.EXCHANGE_DATE, DATE);
			case BAD_EXCHANGE_DATE -> {
				this.fields[DATE] = badDate(this.date);
				bad(Column.EXCHANGE_DATE);
			}
			case FUTURE_EXCHANGE_DATE -> {
				this.fields[DATE] = this.dates.text(future(this.date), this.dotted);
				this.reasons.add("FUTURE_DATE:" + Column.EXCHANGE_DATE.header());
			}
			case BAD_AGREEMENT -> {
				this.fields[AGREEMENT] = quoteFree() ? plain(SampleData.LONG_AGREEMENT) : SampleData.LONG_AGREEMENT;
				bad(Column.AGREEMENT);
			}
			case MISSING_STAGE -> missing(Column.STAGE, STAGE);
			case BAD_STAGE -> badStage();
			case MISSING_SIDE -> missing(Column.SIDE, SIDE);
			case BAD_SIDE -> {
				this.fields[SIDE] = this.random.pick(new String[] { "UKR", "RF", "Ukraine", "U A" });
				bad(Column.SIDE);
			}
			case MISSING_CATEGORY -> missing(Column.CATEGORY, CATEGORY);
			case BAD_CATEGORY -> {
				this.fields[CATEGORY] = this.random.pick(new String[] { "POW", "SOLDIER", "BODY", "prisoner" });
				bad(Column.CATEGORY);
			}
			case MISSING_SERVICE_BRANCH -> {
				forceMilitary();
				missing(Column.SERVICE_BRANCH, BRANCH);
			}
			case BAD_SERVICE_BRANCH -> {
				forceMilitary();
				this.fields[BRANCH] = this.random
					.pick(new String[] { "Space Forces", "Cyber Command", "Strategic Missile Forces" });
				bad(Column.SERVICE_BRANCH);
			}
			case MISSING_RANK_GROUP -> {
				forceMilitary();
				missing(Column.RANK_GROUP, RANK);
			}
			case BAD_RANK_GROUP -> {
				forceMilitary();
				this.fields[RANK] = this.random.pick(new String[] { "CADET", "captain", "GENERAL" });
				bad(Column.RANK_GROUP);
			}
			case BAD_AGE -> {
				this.fields[AGE] = this.random.pick(new String[] { "13", "101", "0", "35.5", "n/a" });
				bad(Column.AGE);
			}
			case BAD_CAPTURED_ON -> {
				this.fields[CAPTURED] = this.random
					.pick(new String[] { "2023-02-29", "31.04.2023", "2023-13-05", "5.3.2023", "2023/05/01" });
				bad(Column.CAPTURED_ON);
			}
			case FUTURE_CAPTURED_ON -> captureAfter(future(this.date));
			case CAPTURE_AFTER_EXCHANGE -> {
				long gap = this.today.toEpochDay() - this.date.toEpochDay();
				captureAfter(this.date.plusDays(1 + ((gap > 1) ? this.random.nextInt((int) Math.min(gap, 90)) : 0)));
			}
			case BAD_CAPTURE_PLACE -> {
				this.fields[PLACE] = quoteFree() ? plain(SampleData.LONG_PLACE) : SampleData.LONG_PLACE;
				bad(Column.CAPTURE_PLACE);
			}
			case BAD_CONDITIONS -> {
				this.fields[CONDITIONS] = this.random.pick(quoteFree() ? new String[] { "PTSD", "TRAUMA|FROSTBITE" }
						: new String[] { "TRAUMA;FRACTURE", "PTSD", "burns", "SHRAPNEL_WOUND|FROSTBITE" });
				bad(Column.CONDITIONS);
			}
			case BAD_SEVERITY -> badSeverity();
			case DUPLICATE_RECORD_ID -> duplicate();
			case SEVERAL_WITH_DUPLICATE -> {
				badStage();
				badSeverity();
				if (this.lastValidId != null) {
					this.fields[ID] = this.lastValidId;
					this.reasons.add(DUPLICATE);
				}
			}
			case MALFORMED_FEW_FIELDS -> {
				this.dropField = this.random.nextInt(FIELDS);
				this.reasons.add(MALFORMED);
			}
			case MALFORMED_EXTRA_FIELD -> {
				// a place with a comma that the export forgot to quote
				this.fields[PLACE] = this.random.pick(new String[] { "Mariupol, Azovstal", "Kursk, Sudzha" });
				this.rawField = PLACE;
				this.reasons.add(MALFORMED);
			}
			case MALFORMED_STRAY_QUOTE -> {
				// an opening quote that is never closed: the importer gives up after ten
				// lines
				this.fields[PLACE] = "\"" + (this.fields[PLACE].isEmpty() ? "Kherson" : this.fields[PLACE]);
				this.rawField = PLACE;
				this.reasons.add(MALFORMED);
			}
		}
	}

	private void missing(Column column, int field) {
		this.fields[field] = this.random.chance(0.8) ? "" : "  ";
		this.reasons.add("MISSING_VALUE:" + column.header());
	}

	private void bad(Column column) {
		this.reasons.add("BAD_VALUE:" + column.header());
	}

	private void badStage() {
		int stage = Integer.parseInt(this.fields[STAGE].strip());
		this.fields[STAGE] = switch (this.random.nextInt(5)) {
			case 0 -> "0";
			case 1 -> "1000";
			case 2 -> stage + ".0";
			case 3 -> "-" + stage;
			default -> "II";
		};
		bad(Column.STAGE);
	}

	private void badSeverity() {
		this.fields[SEVERITY] = this.random.pick(new String[] { "CRITICAL", "high", "3", "mild" });
		bad(Column.SEVERITY);
	}

	private void duplicate() {
		if (this.lastValidId == null) {
			missing(Column.RECORD_ID, ID);
			return;
		}
		if (this.random.chance(0.5) && !(quoteFree() && this.lastValidLine.indexOf("\"") >= 0)) {
			// the same line exported twice
			String[] copy = lastValidFields();
			System.arraycopy(copy, 0, this.fields, 0, FIELDS);
		}
		else {
			this.fields[ID] = this.lastValidId;
		}
		this.reasons.add(DUPLICATE);
	}

	/** Splits the last accepted line back into fields (it was written by this class). */
	private String[] lastValidFields() {
		String[] result = new String[FIELDS];
		StringBuilder value = new StringBuilder();
		int field = 0;
		boolean quoted = false;
		for (int i = 0; i < this.lastValidLine.length(); i++) {
			char c = this.lastValidLine.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < this.lastValidLine.length() && this.lastValidLine.charAt(i + 1) == '"') {
					value.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					value.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				result[field++] = value.toString();
				value.setLength(0);
			}
			else {
				value.append(c);
			}
		}
		result[field] = value.toString();
		return result;
	}

	private void captureAfter(LocalDate captured) {
		this.fields[CAPTURED] = this.dates.text(captured, this.dotted);
		if (captured.isAfter(this.today)) {
			this.reasons.add("FUTURE_DATE:" + Column.CAPTURED_ON.header());
		}
		this.reasons.add(CAPTURE_AFTER_EXCHANGE);
	}

	private void forceMilitary() {
		if (this.category != Category.MILITARY) {
			this.category = Category.MILITARY;
			this.fields[CATEGORY] = Category.MILITARY.name();
			this.fields[BRANCH] = branch();
			this.fields[RANK] = rank(Profile.REGULAR);
		}
	}

	/** A date that does not exist or is not in an accepted format. */
	private String badDate(LocalDate date) {
		int variant = this.random.nextInt(4);
		if (variant == 1 && date.getDayOfMonth() >= 10 && date.getMonthValue() >= 10) {
			variant = 0;
		}
		return switch (variant) {
			case 0 -> date.getYear() + "-02-30";
			case 1 -> date.getDayOfMonth() + "." + date.getMonthValue() + "." + date.getYear();
			case 2 -> date.toString().replace('-', '/');
			default -> date.toString().substring(0, 8) + "32";
		};
	}

	/** A year typed with its last two digits swapped (2025 as 2052), if that is ahead. */
	private LocalDate future(LocalDate date) {
		int year = date.getYear();
		int swapped = year - year % 100 + (year % 10) * 10 + (year / 10) % 10;
		LocalDate typo = date.withYear(swapped);
		return typo.isAfter(this.today) ? typo : this.today.plusDays(1 + this.random.nextInt(365));
	}

	private static String plain(String text) {
		return text.replace(",", "").replace(";", "");
	}

	// ---- planning

	private static List<StagePlan> plan(List<SampleStage> stages, int rows, LocalDate today) {
		List<SampleStage> kept = new ArrayList<>();
		List<List<LocalDate>> keptDates = new ArrayList<>();
		long totalWeight = 0;
		for (SampleStage stage : stages) {
			List<LocalDate> dates = stage.dates().stream().filter((d) -> !d.isAfter(today)).toList();
			if (!dates.isEmpty()) {
				kept.add(stage);
				keptDates.add(dates);
				totalWeight += stage.weight();
			}
		}
		if (kept.isEmpty() && rows > 0) {
			throw new IllegalArgumentException("no stage takes place on or before " + today);
		}
		List<StagePlan> plans = new ArrayList<>();
		long cumulative = 0;
		for (int i = 0; i < kept.size(); i++) {
			long from = rows * cumulative / totalWeight;
			cumulative += kept.get(i).weight();
			long to = rows * cumulative / totalWeight;
			plans.add(new StagePlan(kept.get(i), keptDates.get(i), (int) (to - from)));
		}
		return plans;
	}

	/**
	 * A stage with the dates kept, its share of the rows and where capture places fit.
	 */
	private static final class StagePlan {

		private final SampleStage stage;

		private final List<LocalDate> dates;

		private final int rows;

		/** By date index, then UA military, UA civilian, RU military, RU civilian. */
		private final Weighted<Place>[][] places;

		@SuppressWarnings("unchecked")
		StagePlan(SampleStage stage, List<LocalDate> dates, int rows) {
			this.stage = stage;
			this.dates = dates;
			this.rows = rows;
			this.places = new Weighted[dates.size()][4];
			for (int d = 0; d < dates.size(); d++) {
				int table = 0;
				for (Side side : new Side[] { Side.UA, Side.RU }) {
					for (boolean civilian : new boolean[] { false, true }) {
						Weighted<Place> weighted = new Weighted<>();
						for (Place place : SampleData.places(side, civilian)) {
							if (!latestCapture(place, dates.get(d)).isBefore(place.from())) {
								weighted.add(place, place.weight());
							}
						}
						this.places[d][table++] = weighted;
					}
				}
			}
		}

	}

	/** Date texts of both formats, computed once per day. */
	private static final class DateTexts {

		private final long first;

		private final String[] iso;

		private final String[] dotted;

		DateTexts(LocalDate first, LocalDate last) {
			this.first = first.toEpochDay();
			int days = (int) Math.max(0, last.toEpochDay() - this.first + 1);
			this.iso = new String[days];
			this.dotted = new String[days];
		}

		String text(LocalDate date, boolean dotted) {
			long index = date.toEpochDay() - this.first;
			if (index < 0 || index >= this.iso.length) {
				return format(date, dotted);
			}
			String[] cache = dotted ? this.dotted : this.iso;
			String text = cache[(int) index];
			if (text == null) {
				text = format(date, dotted);
				cache[(int) index] = text;
			}
			return text;
		}

		private static String format(LocalDate date, boolean dotted) {
			if (!dotted) {
				return date.toString();
			}
			int day = date.getDayOfMonth();
			int month = date.getMonthValue();
			return ((day < 10) ? "0" : "") + day + ((month < 10) ? ".0" : ".") + month + "." + date.getYear();
		}

	}

	/**
	 * The kinds of invalid rows, in the order they are used (cyclically, so that every
	 * reason code of SPEC §3 appears).
	 */
	enum InvalidKind {

		MISSING_RECORD_ID(false), BAD_EXCHANGE_DATE(true), MALFORMED_FEW_FIELDS(false), BAD_STAGE(true),
		MISSING_SIDE(true), BAD_SERVICE_BRANCH(true), FUTURE_EXCHANGE_DATE(true), BAD_AGE(true),
		DUPLICATE_RECORD_ID(false), MISSING_RANK_GROUP(true), BAD_CONDITIONS(true), CAPTURE_AFTER_EXCHANGE(true),
		BAD_RECORD_ID(false), MISSING_CATEGORY(true), BAD_SIDE(true), MALFORMED_STRAY_QUOTE(false),
		BAD_CAPTURED_ON(true), MISSING_EXCHANGE_DATE(true), BAD_CATEGORY(true), BAD_RANK_GROUP(true),
		FUTURE_CAPTURED_ON(true), BAD_SEVERITY(true), MISSING_STAGE(true), BAD_AGREEMENT(true),
		MISSING_SERVICE_BRANCH(true), MALFORMED_EXTRA_FIELD(false), BAD_CAPTURE_PLACE(true), LONG_RECORD_ID(false),
		SEVERAL_WITH_DUPLICATE(false);

		/** Whether its row has a fresh valid id, so a corrected copy may follow. */
		private final boolean correctable;

		InvalidKind(boolean correctable) {
			this.correctable = correctable;
		}

	}

}
