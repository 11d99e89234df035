package org.coordination.exchange.sample;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.opencsv.RFC4180Parser;
import com.opencsv.RFC4180ParserBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.coordination.exchange.record.Category;
import org.coordination.exchange.record.Condition;
import org.coordination.exchange.record.Names;
import org.coordination.exchange.record.RankGroup;
import org.coordination.exchange.record.Severity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link SampleGenerator}: the generated rows are read back with an independent
 * reading of SPEC §2–3, which must agree with what the generator says it wrote.
 */
class SampleGeneratorTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

	private static final String HEADER = "record_id,exchange_date,agreement,stage,side,category,service_branch,"
			+ "rank_group,age,captured_on,capture_place,conditions,severity";

	private static final Set<String> ALL_REASONS = Set.of("MALFORMED_ROW", "MISSING_VALUE:record_id",
			"MISSING_VALUE:exchange_date", "MISSING_VALUE:stage", "MISSING_VALUE:side", "MISSING_VALUE:category",
			"MISSING_VALUE:service_branch", "MISSING_VALUE:rank_group", "BAD_VALUE:record_id",
			"BAD_VALUE:exchange_date", "BAD_VALUE:agreement", "BAD_VALUE:stage", "BAD_VALUE:side", "BAD_VALUE:category",
			"BAD_VALUE:service_branch", "BAD_VALUE:rank_group", "BAD_VALUE:age", "BAD_VALUE:captured_on",
			"BAD_VALUE:capture_place", "BAD_VALUE:conditions", "BAD_VALUE:severity", "FUTURE_DATE:exchange_date",
			"FUTURE_DATE:captured_on", "CAPTURE_AFTER_EXCHANGE", "DUPLICATE_RECORD_ID");

	/** SPEC §2 branch codes and aliases, by matching key. */
	private static final Map<String, String> BRANCHES = branches();

	private static final Map<String, RankGroup> RANKS = Map.of(Names.key("OFFICER"), RankGroup.OFFICER,
			Names.key("NCO"), RankGroup.NCO, Names.key("non-commissioned officer"), RankGroup.NCO,
			Names.key("sergeant"), RankGroup.NCO, Names.key("ENLISTED"), RankGroup.ENLISTED, Names.key("soldier"),
			RankGroup.ENLISTED, Names.key("private"), RankGroup.ENLISTED);

	private static final Pattern RECORD_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

	private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

	private static final Pattern DOTTED_DATE = Pattern.compile("(\\d{2})\\.(\\d{2})\\.(\\d{4})");

	private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");

	@TempDir
	Path tempDir;

	@Test
	void sameSeedGivesSameBytes() {
		SampleGenerator generator = new SampleGenerator(42, 0.02);
		String first = write(generator, 3000);
		GeneratedCounts firstCounts = generator.counts();
		assertThat(write(generator, 3000)).isEqualTo(first);
		assertThat(generator.counts()).isEqualTo(firstCounts);
		assertThat(write(new SampleGenerator(42, 0.02), 3000)).isEqualTo(first);
		assertThat(write(new SampleGenerator(43, 0.02), 3000)).isNotEqualTo(first);
	}

	@Test
	void headerHasTheThirteenColumnsInSpecOrder() {
		String text = write(new SampleGenerator(1, 0.01), 10);
		assertThat(text).startsWith(HEADER + "\n");
		assertThat(write(new SampleGenerator(1, 0.01), 0)).isEqualTo(HEADER + "\n");
	}

	@Test
	void writesTheRowsAskedForOnePhysicalLineEach() {
		SampleGenerator generator = new SampleGenerator(7, 0.01);
		String text = write(generator, 1234);
		assertThat(text).endsWith("\n").doesNotContain("\r");
		assertThat(text.split("\n", -1)).hasSize(1 + 1234 + 1);
		assertThat(generator.counts().rows()).isEqualTo(1234);
		assertThat(generator.counts().valid() + generator.counts().invalid()).isEqualTo(1234);
	}

	@Test
	void everyReasonCodeAppearsAndTheImporterWouldAgree() {
		SampleGenerator generator = new SampleGenerator(2025, 0.01);
		String text = write(generator, 5000);
		GeneratedCounts counts = generator.counts();
		Checked checked = check(text, TODAY);
		assertThat(counts.invalid()).isBetween(49, 51);
		assertThat(counts.reasons().keySet()).containsExactlyInAnyOrderElementsOf(ALL_REASONS);
		assertThat(checked.reasons()).isEqualTo(counts.reasons());
		assertThat(checked.valid()).isEqualTo(counts.valid());
		assertThat(checked.invalid()).isEqualTo(counts.invalid());
		assertThat(counts.reason("MALFORMED_ROW")).isGreaterThanOrEqualTo(3);
		assertThat(counts.reason("NO_SUCH_CODE")).isZero();
	}

	@Test
	void invalidShareIsKeptForOtherSeedsAndShares() {
		for (long seed = 1; seed <= 5; seed++) {
			for (double share : new double[] { 0.003, 0.05, 0.3 }) {
				SampleGenerator generator = new SampleGenerator(seed, share);
				String text = write(generator, 4000);
				Checked checked = check(text, TODAY);
				assertThat(generator.counts().invalid()).isBetween((int) (4000 * share) - 1, (int) (4000 * share) + 1);
				assertThat(checked.reasons()).isEqualTo(generator.counts().reasons());
				assertThat(checked.valid()).isEqualTo(generator.counts().valid());
			}
		}
	}

	@Test
	void everyRowInvalidAndNoneInvalid() {
		SampleGenerator all = new SampleGenerator(3, 1.0);
		Checked checked = check(write(all, 600), TODAY);
		assertThat(all.counts().invalid()).isEqualTo(600);
		assertThat(checked.valid()).isZero();
		assertThat(checked.reasons()).isEqualTo(all.counts().reasons());

		SampleGenerator none = new SampleGenerator(3, 0.0);
		checked = check(write(none, 3000), TODAY);
		assertThat(none.counts().invalid()).isZero();
		assertThat(none.counts().reasons()).isEmpty();
		assertThat(checked.valid()).isEqualTo(3000);
	}

	@Test
	void atMostOneStrayQuoteAndNoQuoteInTheTenLinesAfterIt() {
		String[] lines = write(new SampleGenerator(11, 0.05), 20000).split("\n");
		List<Integer> unbalanced = new ArrayList<>();
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].chars().filter((c) -> c == '"').count() % 2 == 1) {
				unbalanced.add(i);
			}
		}
		assertThat(unbalanced).hasSize(1);
		for (int i = unbalanced.get(0) + 1; i <= unbalanced.get(0) + 10; i++) {
			assertThat(lines[i]).doesNotContain("\"");
		}
	}

	@Test
	void quotesTheFieldsWithACommaSemicolonOrQuoteAndNoOthers() throws IOException {
		String[] lines = write(new SampleGenerator(6, 0.0), 5000).split("\n");
		RFC4180Parser parser = new RFC4180ParserBuilder().build();
		int quoted = 0;
		for (int i = 1; i < lines.length; i++) {
			StringJoiner expected = new StringJoiner(",");
			for (String field : parser.parseLine(lines[i])) {
				boolean quote = field.contains(",") || field.contains(";") || field.contains("\"");
				expected.add(quote ? "\"" + field.replace("\"", "\"\"") + "\"" : field);
			}
			assertThat(lines[i]).isEqualTo(expected.toString());
			quoted += lines[i].contains("\"") ? 1 : 0;
		}
		// conditions listed with ';' are quoted too, as office exports do
		assertThat(quoted).isGreaterThan(lines.length / 5);
	}

	@Test
	void validRowsLookLikeTheExchangesOf2025() {
		SampleGenerator generator = new SampleGenerator(5, 0.0);
		String text = write(generator, 20000);
		Checked checked = check(text, TODAY);
		List<String[]> rows = checked.validRows();
		assertThat(rows).hasSize(20000);
		Map<String, Long> categories = count(rows, 5, (v) -> Category.valueOf(Names.key(v)).name());
		assertThat(categories.keySet()).containsExactlyInAnyOrder("MILITARY", "CIVILIAN", "REMAINS");
		assertThat(categories.get("MILITARY")).isGreaterThan(rows.size() * 3 / 4);
		Map<String, Long> branches = count(rows, 6, (v) -> v.isBlank() ? "" : BRANCHES.get(Names.key(v)));
		assertThat(branches.keySet()).containsAll(Set.copyOf(BRANCHES.values()));
		assertThat(rows).anyMatch((r) -> r[6].equals("ВМС"))
			.anyMatch((r) -> r[6].equals("НГУ"))
			.anyMatch((r) -> r[6].equals("ДШВ"))
			.anyMatch((r) -> r[6].equals("Naval Forces"))
			.anyMatch((r) -> r[6].equals("Marine-Corps"))
			.anyMatch((r) -> r[7].equals("sergeant"))
			.anyMatch((r) -> r[7].equals("private"))
			.anyMatch((r) -> r[10].equals("Mariupol, Azovstal"))
			.anyMatch((r) -> r[10].contains("\""))
			.anyMatch((r) -> DOTTED_DATE.matcher(r[1]).matches())
			.anyMatch((r) -> r[11].contains("|"))
			.anyMatch((r) -> r[12].isEmpty());
		Map<String, Long> agreements = count(rows, 2, String::strip);
		assertThat(agreements.keySet()).contains("", "Istanbul 2025-05-16", SampleStage.ISTANBUL_JUNE);
		Set<String> istanbulStages = rows.stream()
			.filter((r) -> r[2].strip().equals(SampleStage.ISTANBUL_JUNE))
			.map((r) -> String.valueOf(Integer.parseInt(r[3].strip())))
			.collect(Collectors.toSet());
		assertThat(istanbulStages).containsExactlyInAnyOrder("1", "2", "3", "4", "5", "6", "7");
		// equal exchanges: the sides of stage 4 balance (to one, for an odd count)
		Map<String, Long> stage4 = rows.stream()
			.filter((r) -> r[2].strip().equals(SampleStage.ISTANBUL_JUNE) && Integer.parseInt(r[3].strip()) == 4)
			.collect(Collectors.groupingBy((r) -> Names.key(r[4]), TreeMap::new, Collectors.counting()));
		assertThat(stage4.get("UA")).isCloseTo(stage4.get("RU"), within(1L));
		// some spent more than three years in captivity
		assertThat(rows).anyMatch((r) -> !r[9].isEmpty() && date(r[9]).plusYears(3).isBefore(date(r[1])));
		long ages = rows.stream().filter((r) -> !r[8].isEmpty()).count();
		long ages25to40 = rows.stream()
			.filter((r) -> !r[8].isEmpty() && Integer.parseInt(r[8]) >= 25 && Integer.parseInt(r[8]) <= 40)
			.count();
		assertThat(ages25to40).isGreaterThan(ages / 2);
		assertThat(rows)
			.allMatch((r) -> r[8].isEmpty() || (Integer.parseInt(r[8]) >= 18 && Integer.parseInt(r[8]) <= 82));
		assertThat(rows).allMatch((r) -> r[9].isEmpty() || !date(r[9]).isBefore(LocalDate.of(2022, 2, 24)));
	}

	@Test
	void recordIdsAreNumberedAndUniqueAcrossASet() throws IOException {
		List<SampleFiles.SampleFile> files = SampleFiles.writeSample(this.tempDir, TODAY);
		assertThat(files).extracting((f) -> f.path().getFileName().toString())
			.containsExactly("2025-01-to-05-exchanges.csv", "2025-06-stage1-3.csv", "2025-06-stage4-5.csv",
					"2025-06-stage6-7.csv");
		Set<String> ids = new HashSet<>();
		Map<String, Integer> reasons = new HashMap<>();
		for (SampleFiles.SampleFile file : files) {
			Checked checked = check(Files.readString(file.path()), TODAY);
			assertThat(checked.reasons()).isEqualTo(file.counts().reasons());
			for (String[] row : checked.validRows()) {
				assertThat(row[0]).matches("(UA|RU)-2025-\\d{6}");
				assertThat(ids.add(row[0])).as(row[0]).isTrue();
			}
			file.counts().reasons().forEach((code, n) -> reasons.merge(code, n, Integer::sum));
		}
		assertThat(reasons.keySet()).containsExactlyInAnyOrderElementsOf(ALL_REASONS);
	}

	@Test
	void shippedSampleIsWhatTheGeneratorWrites() throws IOException {
		Path shipped = Path.of("input");
		for (SampleFiles.SampleFile file : SampleFiles.writeSample(this.tempDir, TODAY)) {
			Path committed = shipped.resolve(file.path().getFileName());
			assertThat(committed).exists();
			assertThat(Files.readAllBytes(file.path())).as(committed.toString())
				.isEqualTo(Files.readAllBytes(committed));
		}
	}

	@Test
	void leavesOutStagesAfterToday() {
		LocalDate today = LocalDate.of(2025, 6, 13);
		SampleGenerator generator = new SampleGenerator(9, 0.01);
		Checked checked = check(write(generator, 3000, today), today);
		assertThat(checked.reasons()).isEqualTo(generator.counts().reasons());
		assertThat(checked.validRows()).allMatch((r) -> !date(r[1]).isAfter(today));
		assertThat(checked.validRows()).anyMatch((r) -> date(r[1]).equals(LocalDate.of(2025, 6, 12)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> write(new SampleGenerator(9, 0.01), 10, LocalDate.of(2024, 12, 31)));
	}

	@Test
	void stagesCanBeChosen() {
		SampleGenerator generator = new SampleGenerator(4, 0.0).withStages(SampleStage.istanbulJune2025(6, 6))
			.withFirstSequence(500000);
		Checked checked = check(write(generator, 100), TODAY);
		assertThat(checked.validRows())
			.allMatch((r) -> r[2].strip().equals(SampleStage.ISTANBUL_JUNE) && Integer.parseInt(r[3].strip()) == 6
					&& (date(r[1]).equals(LocalDate.of(2025, 6, 19)) || date(r[1]).equals(LocalDate.of(2025, 6, 20))));
		assertThat(checked.validRows().get(0)[0]).endsWith("-500000");
	}

	@Test
	void rejectsBadSettings() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SampleGenerator(1, 1.5));
		assertThatIllegalArgumentException().isThrownBy(() -> new SampleGenerator(1, -0.1));
		assertThatIllegalArgumentException().isThrownBy(() -> write(new SampleGenerator(1, 0.1), -1));
	}

	// ---- an independent reading of SPEC §2–3

	private static String write(SampleGenerator generator, int rows) {
		return write(generator, rows, TODAY);
	}

	private static String write(SampleGenerator generator, int rows, LocalDate today) {
		StringWriter out = new StringWriter();
		generator.write(out, rows, today);
		return out.toString();
	}

	private record Checked(int valid, int invalid, Map<String, Integer> reasons, List<String[]> validRows) {

	}

	/** Reads rows line by line (the generator never breaks a field across lines). */
	private static Checked check(String text, LocalDate today) {
		RFC4180Parser parser = new RFC4180ParserBuilder().build();
		String[] lines = text.split("\n");
		assertThat(lines[0]).isEqualTo(HEADER);
		Set<String> acceptedIds = new HashSet<>();
		Map<String, Integer> tally = new TreeMap<>();
		List<String[]> validRows = new ArrayList<>();
		int invalid = 0;
		for (int i = 1; i < lines.length; i++) {
			List<String> reasons = new ArrayList<>();
			String[] fields = parse(parser, lines[i]);
			if (fields == null || fields.length != 13) {
				reasons.add("MALFORMED_ROW");
			}
			else {
				for (int f = 0; f < fields.length; f++) {
					fields[f] = fields[f].strip();
				}
				validate(fields, today, reasons);
				if (RECORD_ID.matcher(fields[0]).matches() && acceptedIds.contains(fields[0])) {
					reasons.add("DUPLICATE_RECORD_ID");
				}
			}
			if (reasons.isEmpty()) {
				acceptedIds.add(fields[0]);
				validRows.add(fields);
			}
			else {
				invalid++;
				reasons.forEach((r) -> tally.merge(r, 1, Integer::sum));
			}
		}
		return new Checked(validRows.size(), invalid, tally, validRows);
	}

	private static String[] parse(RFC4180Parser parser, String line) {
		if (line.chars().filter((c) -> c == '"').count() % 2 == 1) {
			return null; // a quote not closed on this line: the generator never breaks
							// fields
		}
		try {
			return parser.parseLine(line);
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static void validate(String[] f, LocalDate today, List<String> reasons) {
		required(f[0], "record_id", reasons, () -> RECORD_ID.matcher(f[0]).matches());
		LocalDate exchange = parseDate(f[1]);
		required(f[1], "exchange_date", reasons, () -> exchange != null);
		if (exchange != null && exchange.isAfter(today)) {
			reasons.add("FUTURE_DATE:exchange_date");
		}
		if (f[2].length() > 200) {
			reasons.add("BAD_VALUE:agreement");
		}
		required(f[3], "stage", reasons,
				() -> DIGITS.matcher(f[3]).matches() && Integer.parseInt(f[3]) >= 1 && Integer.parseInt(f[3]) <= 999);
		required(f[4], "side", reasons, () -> Set.of("UA", "RU").contains(Names.key(f[4])));
		required(f[5], "category", reasons, () -> isCode(Category.values(), f[5]));
		boolean military = !f[5].isEmpty() && Names.key(f[5]).equals("MILITARY");
		optional(f[6], "service_branch", military, reasons, () -> BRANCHES.containsKey(Names.key(f[6])));
		optional(f[7], "rank_group", military, reasons, () -> RANKS.containsKey(Names.key(f[7])));
		optional(f[8], "age", false, reasons,
				() -> DIGITS.matcher(f[8]).matches() && Integer.parseInt(f[8]) >= 14 && Integer.parseInt(f[8]) <= 100);
		LocalDate captured = parseDate(f[9]);
		optional(f[9], "captured_on", false, reasons, () -> captured != null);
		if (captured != null && captured.isAfter(today)) {
			reasons.add("FUTURE_DATE:captured_on");
		}
		if (f[10].length() > 200) {
			reasons.add("BAD_VALUE:capture_place");
		}
		optional(f[11], "conditions", false, reasons,
				() -> Arrays.stream(f[11].split("[;|]"))
					.map(String::strip)
					.filter((c) -> !c.isEmpty())
					.allMatch((c) -> isCode(Condition.values(), c)));
		optional(f[12], "severity", false, reasons, () -> isCode(Severity.values(), f[12]));
		if (captured != null && exchange != null && captured.isAfter(exchange)) {
			reasons.add("CAPTURE_AFTER_EXCHANGE");
		}
	}

	private static void required(String value, String column, List<String> reasons, Check check) {
		optional(value, column, true, reasons, check);
	}

	private static void optional(String value, String column, boolean required, List<String> reasons, Check check) {
		if (value.isEmpty()) {
			if (required) {
				reasons.add("MISSING_VALUE:" + column);
			}
		}
		else if (!check.ok()) {
			reasons.add("BAD_VALUE:" + column);
		}
	}

	private interface Check {

		boolean ok();

	}

	private static boolean isCode(Enum<?>[] codes, String value) {
		return Arrays.stream(codes).anyMatch((c) -> c.name().equals(Names.key(value)));
	}

	private static LocalDate parseDate(String text) {
		var iso = ISO_DATE.matcher(text);
		var dotted = DOTTED_DATE.matcher(text);
		try {
			if (iso.matches()) {
				return LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
						Integer.parseInt(iso.group(3)));
			}
			if (dotted.matches()) {
				return LocalDate.of(Integer.parseInt(dotted.group(3)), Integer.parseInt(dotted.group(2)),
						Integer.parseInt(dotted.group(1)));
			}
		}
		catch (DateTimeException ex) {
			return null;
		}
		return null;
	}

	private static LocalDate date(String text) {
		LocalDate date = parseDate(text.strip());
		assertThat(date).as(text).isNotNull();
		return date;
	}

	private static Map<String, Long> count(List<String[]> rows, int field,
			java.util.function.Function<String, String> key) {
		return rows.stream()
			.collect(Collectors.groupingBy((r) -> key.apply(r[field]), TreeMap::new, Collectors.counting()));
	}

	private static Map<String, String> branches() {
		String[][] spec = { { "NAVY", "Naval Forces", "ВМС" }, { "GROUND_FORCES", "Land Forces", "СВ" },
				{ "NATIONAL_GUARD", "НГУ" }, { "UNMANNED_SYSTEMS_FORCES", "USF" }, { "AIR_ASSAULT_FORCES", "ДШВ" },
				{ "BORDER_GUARD_SERVICE", "State Border Guard Service", "ДПСУ" },
				{ "TERRITORIAL_DEFENSE", "Territorial Defense Forces", "ТрО" }, { "STATE_SPECIAL_TRANSPORT_SERVICE" },
				{ "AIR_FORCE" }, { "MARINE_CORPS" }, { "SPECIAL_OPERATIONS_FORCES" }, { "OTHER" }, { "UNKNOWN" } };
		Map<String, String> keys = new HashMap<>();
		for (String[] branch : spec) {
			for (String name : branch) {
				keys.put(Names.key(name), branch[0]);
			}
		}
		return Map.copyOf(keys);
	}

}
