package org.coordination.exchange.sample;

import java.time.LocalDate;

import org.coordination.exchange.record.Category;
import org.coordination.exchange.record.Column;
import org.coordination.exchange.sample.Row.Shape;
import org.coordination.exchange.sample.SampleStage.Profile;

/**
 * Spoils a valid row so that the importer rejects it, and gives the row the reason codes
 * the importer will give it.
 */
final class Spoiler {

	private static final String MALFORMED = "MALFORMED_ROW";

	private final SplitMix random;

	private final Spellings spellings;

	private final BadDates dates;

	private final Duplicates duplicates;

	Spoiler(SplitMix random, DateTexts dates, LocalDate today, Duplicates duplicates) {
		this.random = random;
		this.spellings = new Spellings(random);
		this.dates = new BadDates(random, dates, today);
		this.duplicates = duplicates;
	}

	void spoil(InvalidKind kind, Row row) {
		switch (kind) {
			case MISSING_RECORD_ID -> missing(row, Column.RECORD_ID);
			case BAD_RECORD_ID -> {
				String id = row.get(Column.RECORD_ID);
				row.set(Column.RECORD_ID, switch (this.random.nextInt(4)) {
					case 0 -> id + "/1";
					case 1 -> id.replace('-', ' ');
					case 2 -> id.substring(0, 8) + "№" + id.substring(8);
					default -> id + "#";
				});
				row.badValue(Column.RECORD_ID);
			}
			case LONG_RECORD_ID -> {
				StringBuilder id = new StringBuilder(row.get(Column.RECORD_ID)).append("-R");
				while (id.length() < 65) {
					id.append('0');
				}
				row.set(Column.RECORD_ID, id.toString());
				row.badValue(Column.RECORD_ID);
			}
			case MISSING_EXCHANGE_DATE -> missing(row, Column.EXCHANGE_DATE);
			case BAD_EXCHANGE_DATE, FUTURE_EXCHANGE_DATE, BAD_CAPTURED_ON, FUTURE_CAPTURED_ON, CAPTURE_AFTER_EXCHANGE ->
				this.dates.spoil(kind, row);
			case BAD_AGREEMENT -> tooLong(row, Column.AGREEMENT, SampleData.LONG_AGREEMENT);
			case MISSING_STAGE -> missing(row, Column.STAGE);
			case BAD_STAGE -> badStage(row);
			case MISSING_SIDE -> missing(row, Column.SIDE);
			case BAD_SIDE -> bad(row, Column.SIDE, "UKR", "RF", "Ukraine", "U A");
			case MISSING_CATEGORY -> missing(row, Column.CATEGORY);
			case BAD_CATEGORY -> bad(row, Column.CATEGORY, "POW", "SOLDIER", "BODY", "prisoner");
			case MISSING_SERVICE_BRANCH -> {
				forceMilitary(row);
				missing(row, Column.SERVICE_BRANCH);
			}
			case BAD_SERVICE_BRANCH -> {
				forceMilitary(row);
				bad(row, Column.SERVICE_BRANCH, "Space Forces", "Cyber Command", "Strategic Missile Forces");
			}
			case MISSING_RANK_GROUP -> {
				forceMilitary(row);
				missing(row, Column.RANK_GROUP);
			}
			case BAD_RANK_GROUP -> {
				forceMilitary(row);
				bad(row, Column.RANK_GROUP, "CADET", "captain", "GENERAL");
			}
			case BAD_AGE -> bad(row, Column.AGE, "13", "101", "0", "35.5", "n/a");
			case BAD_CAPTURE_PLACE -> tooLong(row, Column.CAPTURE_PLACE, SampleData.LONG_PLACE);
			case BAD_CONDITIONS ->
				bad(row, Column.CONDITIONS, row.quoteFree ? new String[] { "PTSD", "TRAUMA|FROSTBITE" }
						: new String[] { "TRAUMA;FRACTURE", "PTSD", "burns", "SHRAPNEL_WOUND|FROSTBITE" });
			case BAD_SEVERITY -> badSeverity(row);
			case DUPLICATE_RECORD_ID -> {
				if (this.duplicates.any()) {
					this.duplicates.copyLast(row);
				}
				else {
					missing(row, Column.RECORD_ID);
				}
			}
			case SEVERAL_WITH_DUPLICATE -> {
				badStage(row);
				badSeverity(row);
				this.duplicates.reuseId(row);
			}
			case MALFORMED_FEW_FIELDS -> {
				row.drop(Column.values()[this.random.nextInt(Row.FIELDS)]);
				row.reasons.add(MALFORMED);
			}
			case MALFORMED_EXTRA_FIELD -> {
				row.set(Column.CAPTURE_PLACE, this.random.pick(new String[] { "Mariupol, Azovstal", "Kursk, Sudzha" }));
				row.spoil(Shape.PLACE_UNQUOTED);
				row.reasons.add(MALFORMED);
			}
			case MALFORMED_STRAY_QUOTE -> {
				// the importer gives up on a quote still open after ten lines
				String place = row.get(Column.CAPTURE_PLACE);
				row.set(Column.CAPTURE_PLACE, "\"" + (place.isEmpty() ? "Kherson" : place));
				row.spoil(Shape.STRAY_QUOTE);
				row.reasons.add(MALFORMED);
			}
		}
	}

	/** Empty, or blank as an export pads it. */
	private void missing(Row row, Column column) {
		row.set(column, this.random.chance(0.8) ? "" : "  ");
		row.reasons.add("MISSING_VALUE:" + column.header());
	}

	private void bad(Row row, Column column, String... values) {
		row.set(column, this.random.pick(values));
		row.badValue(column);
	}

	/** Over 200 characters; without commas where the row must hold no quote. */
	private static void tooLong(Row row, Column column, String text) {
		row.set(column, row.quoteFree ? text.replace(",", "").replace(";", "") : text);
		row.badValue(column);
	}

	private void badStage(Row row) {
		int stage = Integer.parseInt(row.get(Column.STAGE).strip());
		row.set(Column.STAGE, switch (this.random.nextInt(5)) {
			case 0 -> "0";
			case 1 -> "1000";
			case 2 -> stage + ".0";
			case 3 -> "-" + stage;
			default -> "II";
		});
		row.badValue(Column.STAGE);
	}

	private void badSeverity(Row row) {
		bad(row, Column.SEVERITY, "CRITICAL", "high", "3", "mild");
	}

	/** The kinds about branch and rank need a serviceman: only his are checked. */
	private void forceMilitary(Row row) {
		if (row.category != Category.MILITARY) {
			row.category = Category.MILITARY;
			row.set(Column.CATEGORY, Category.MILITARY.name());
			row.set(Column.SERVICE_BRANCH, this.spellings.branch(row.side));
			row.set(Column.RANK_GROUP, this.spellings.rank(Profile.REGULAR));
		}
	}

}
