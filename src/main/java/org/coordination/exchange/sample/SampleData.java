package org.coordination.exchange.sample;

import java.time.LocalDate;
import java.util.List;

import org.coordination.exchange.record.Condition;
import org.coordination.exchange.record.RankGroup;
import org.coordination.exchange.record.Severity;
import org.coordination.exchange.record.Side;

/**
 * Reference data the generator draws from: spellings as they occur in exports, and the
 * places and periods in which people were captured.
 */
final class SampleData {

	private SampleData() {
	}

	static final LocalDate WAR_START = LocalDate.of(2022, 2, 24);

	/** Branch codes of SPEC §2, each followed by spellings the importer must accept. */
	static final String[][] BRANCHES = { { "NAVY", "Naval Forces", "ВМС", "Navy" },
			{ "GROUND_FORCES", "Land Forces", "СВ", "Ground Forces", "ground-forces" },
			{ "NATIONAL_GUARD", "НГУ", "national guard", "National Guard" },
			{ "UNMANNED_SYSTEMS_FORCES", "USF", "Unmanned Systems Forces" },
			{ "AIR_ASSAULT_FORCES", "ДШВ", "Air Assault Forces" },
			{ "BORDER_GUARD_SERVICE", "State Border Guard Service", "ДПСУ", "border guard service" },
			{ "TERRITORIAL_DEFENSE", "Territorial Defense Forces", "ТрО", "territorial defense" },
			{ "STATE_SPECIAL_TRANSPORT_SERVICE", "State Special Transport Service" },
			{ "AIR_FORCE", "Air Force", "air_force" }, { "MARINE_CORPS", "Marine-Corps", "Marine Corps" },
			{ "SPECIAL_OPERATIONS_FORCES", "Special Operations Forces" }, { "OTHER", "other" },
			{ "UNKNOWN", "unknown", "Unknown" } };

	/** Indexes into {@link #BRANCHES}: servicemen returned to Ukraine. */
	static final Weighted<String[]> UA_BRANCHES = branches(5, 28, 14, 3, 7, 6, 10, 2, 2, 10, 2, 4, 3);

	/**
	 * Servicemen returned to Russia: the receiving side often did not disclose the
	 * branch.
	 */
	static final Weighted<String[]> RU_BRANCHES = branches(2, 30, 6, 1, 10, 5, 1, 1, 1, 6, 1, 8, 28);

	static final String[][] RANKS = { { "OFFICER", "officer", "Officer" },
			{ "NCO", "sergeant", "non-commissioned officer", "Sergeant" },
			{ "ENLISTED", "private", "soldier", "Private" } };

	static final Weighted<String[]> RANKS_YOUNG = new Weighted<String[]>().add(rank(RankGroup.OFFICER), 2)
		.add(rank(RankGroup.NCO), 18)
		.add(rank(RankGroup.ENLISTED), 80);

	static final Weighted<String[]> RANKS_ALL = new Weighted<String[]>().add(rank(RankGroup.OFFICER), 11)
		.add(rank(RankGroup.NCO), 27)
		.add(rank(RankGroup.ENLISTED), 62);

	/** Condition codes with the spellings people type: {@code shrapnel wound}. */
	static final String[][] CONDITIONS = conditionSpellings();

	static final Weighted<Condition> CONDITIONS_USUAL = new Weighted<Condition>().add(Condition.TRAUMA, 20)
		.add(Condition.SHRAPNEL_WOUND, 18)
		.add(Condition.INFECTION, 14)
		.add(Condition.CHRONIC_DISEASE, 14)
		.add(Condition.ABSCESS, 8)
		.add(Condition.HEPATITIS, 5)
		.add(Condition.TUBERCULOSIS, 5)
		.add(Condition.AMPUTATION, 4)
		.add(Condition.VISION_LOSS, 4)
		.add(Condition.OTHER, 8);

	static final Weighted<Condition> CONDITIONS_WOUNDED = new Weighted<Condition>().add(Condition.AMPUTATION, 14)
		.add(Condition.VISION_LOSS, 10)
		.add(Condition.SHRAPNEL_WOUND, 18)
		.add(Condition.TRAUMA, 16)
		.add(Condition.INFECTION, 12)
		.add(Condition.CHRONIC_DISEASE, 10)
		.add(Condition.TUBERCULOSIS, 6)
		.add(Condition.HEPATITIS, 5)
		.add(Condition.ABSCESS, 5)
		.add(Condition.OTHER, 4);

	static final String[][] SEVERITIES = { { "NONE", "none", "None" }, { "MODERATE", "moderate", "Moderate" },
			{ "SEVERE", "severe", "Severe" } };

	static final String[] SEVERITY_NONE = SEVERITIES[Severity.NONE.ordinal()];

	static final String[] SEVERITY_MODERATE = SEVERITIES[Severity.MODERATE.ordinal()];

	static final String[] SEVERITY_SEVERE = SEVERITIES[Severity.SEVERE.ordinal()];

	/**
	 * Where and when servicemen returned to {@code UA} were captured. Texts with a comma
	 * need quoting, and one holds doubled quotes.
	 */
	static final List<Place> UA_MILITARY_PLACES = List.of(place("Mariupol", "2022-03-01", "2022-05-20", 10),
			place("Mariupol, Azovstal", "2022-04-15", "2022-05-20", 8),
			place("Azovstal", "2022-05-16", "2022-05-20", 4),
			place("Mariupol, \"Illich\" plant", "2022-03-20", "2022-04-12", 1),
			place("Zmiinyi Island", "2022-02-24", "2022-02-25", 1),
			place("Kherson region", "2022-02-24", "2022-04-30", 4), place("Kharkiv", "2022-02-24", "2022-09-30", 3),
			place("Sievierodonetsk", "2022-05-15", "2022-06-25", 3), place("Lysychansk", "2022-06-20", "2022-07-03", 2),
			place("Bakhmut", "2022-08-01", "2023-05-20", 6), place("Soledar", "2022-12-20", "2023-01-16", 2),
			place("Zaporizhzhia, Robotyne", "2023-06-04", "2023-11-30", 3),
			place("Avdiivka", "2023-10-10", "2024-02-17", 6), place("Krynky", "2023-10-15", "2024-07-15", 2),
			place("Vovchansk", "2024-05-10", "2024-12-31", 3), place("Vuhledar", "2024-08-01", "2024-10-02", 3),
			place("Kursk region", "2024-08-06", "2025-03-20", 5), place("Pokrovsk", "2024-07-01", "2025-05-31", 5),
			place("Chasiv Yar", "2024-04-01", "2025-05-31", 3), place("Kurakhove", "2024-10-01", "2025-01-10", 3),
			place("Toretsk", "2024-06-18", "2025-05-31", 2));

	/** Where and when servicemen returned to {@code RU} were captured. */
	static final List<Place> RU_MILITARY_PLACES = List.of(place("Kyiv region", "2022-02-24", "2022-04-02", 4),
			place("Kharkiv region", "2022-02-24", "2022-09-30", 4), place("Kherson", "2022-08-29", "2022-11-11", 3),
			place("Bakhmut", "2022-08-01", "2023-05-20", 4), place("Zaporizhzhia", "2023-06-04", "2023-11-30", 3),
			place("Avdiivka", "2023-10-10", "2024-02-17", 3), place("Vovchansk", "2024-05-10", "2024-12-31", 3),
			place("Kursk region", "2024-08-06", "2025-03-20", 12),
			place("Kursk, Sudzha", "2024-08-06", "2024-08-31", 4), place("Pokrovsk", "2024-07-01", "2025-05-31", 3),
			place("Belgorod region", "2025-03-18", "2025-05-31", 1));

	/** Where and when civilians returned to {@code UA} were detained. */
	static final List<Place> UA_CIVILIAN_PLACES = List.of(place("Kherson", "2022-03-01", "2022-11-10", 5),
			place("Mariupol", "2022-03-01", "2022-05-20", 4), place("Melitopol", "2022-03-01", "2025-05-31", 4),
			place("Nova Kakhovka", "2022-03-01", "2022-11-10", 2), place("Enerhodar", "2022-03-04", "2025-05-31", 2),
			place("Bucha, Kyiv region", "2022-02-27", "2022-03-30", 1));

	/** Where and when civilians returned to {@code RU} were taken. */
	static final List<Place> RU_CIVILIAN_PLACES = List.of(place("Kursk region, Sudzha", "2024-08-06", "2025-03-15", 6),
			place("Kursk region", "2024-08-06", "2025-03-15", 3));

	static List<Place> places(Side side, boolean civilian) {
		if (side == Side.UA) {
			return civilian ? UA_CIVILIAN_PLACES : UA_MILITARY_PLACES;
		}
		return civilian ? RU_CIVILIAN_PLACES : RU_MILITARY_PLACES;
	}

	/** Over 200 characters: too long for {@code agreement}. */
	static final String LONG_AGREEMENT = "Memorandum on the exchange of prisoners of war and the repatriation of the"
			+ " bodies of the fallen, agreed at the second round of direct talks in Istanbul on 2025-06-02;"
			+ " annex 1: lists of persons to be returned, the severely wounded and seriously ill first, then those"
			+ " under 25";

	/** Over 200 characters: too long for {@code capture_place}. */
	static final String LONG_PLACE = "Mariupol, Azovstal iron and steel works, shelters under workshop 17; held"
			+ " afterwards in Olenivka, then in the pre-trial detention centre No. 2 in Taganrog, then in a penal"
			+ " colony in Mordovia, transferred twice more before the exchange";

	/**
	 * A place of capture and the period in which captures there happened.
	 *
	 * @param text as written in the column
	 * @param from first day
	 * @param to last day
	 * @param weight relative frequency
	 */
	record Place(String text, LocalDate from, LocalDate to, int weight) {

		/** The text without a part after a comma, for rows that must not need quotes. */
		String plainText() {
			int comma = this.text.indexOf(',');
			return (comma < 0) ? this.text : this.text.substring(0, comma);
		}

		/**
		 * The last day of capture here that fits an exchange on {@code exchange}: three
		 * weeks before it at the latest, as no one is exchanged straight after capture.
		 */
		LocalDate latestCapture(LocalDate exchange) {
			LocalDate latest = exchange.minusDays(21);
			return this.to.isBefore(latest) ? this.to : latest;
		}

	}

	private static Place place(String text, String from, String to, int weight) {
		return new Place(text, LocalDate.parse(from), LocalDate.parse(to), weight);
	}

	private static Weighted<String[]> branches(int... weights) {
		Weighted<String[]> weighted = new Weighted<>();
		for (int i = 0; i < weights.length; i++) {
			weighted.add(BRANCHES[i], weights[i]);
		}
		return weighted;
	}

	private static String[] rank(RankGroup group) {
		return RANKS[group.ordinal()];
	}

	private static String[][] conditionSpellings() {
		Condition[] conditions = Condition.values();
		String[][] spellings = new String[conditions.length][];
		for (Condition condition : conditions) {
			String code = condition.name();
			String lower = code.toLowerCase(java.util.Locale.ROOT);
			StringBuilder title = new StringBuilder(code.length());
			boolean start = true;
			for (char c : lower.toCharArray()) {
				title.append((c == '_') ? '-' : (start ? Character.toUpperCase(c) : c));
				start = (c == '_');
			}
			spellings[condition.ordinal()] = new String[] { code, lower.replace('_', ' '), title.toString() };
		}
		return spellings;
	}

}
