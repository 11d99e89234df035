package org.coordination.exchange.report;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.coordination.exchange.record.Category;
import org.coordination.exchange.record.Condition;
import org.coordination.exchange.record.ExchangeRecord;
import org.coordination.exchange.record.RankGroup;
import org.coordination.exchange.record.Severity;
import org.coordination.exchange.record.Side;

/** Builds accepted records by hand for the report tests. */
final class TestRecords {

	private static int nextId = 1;

	private String agreement = "Istanbul";

	private int stage = 1;

	private LocalDate exchangeDate = LocalDate.of(2025, 6, 10);

	private Side side = Side.UA;

	private Category category = Category.CIVILIAN;

	private String branch;

	private RankGroup rank;

	private Integer age;

	private LocalDate capturedOn;

	private Set<Condition> conditions = Set.of();

	private Severity severity;

	private TestRecords() {
	}

	static TestRecords civilian() {
		return new TestRecords();
	}

	static TestRecords remains() {
		TestRecords records = new TestRecords();
		records.category = Category.REMAINS;
		return records;
	}

	static TestRecords military(String branch, RankGroup rank) {
		TestRecords records = new TestRecords();
		records.category = Category.MILITARY;
		records.branch = branch;
		records.rank = rank;
		return records;
	}

	TestRecords stage(String agreement, int stage) {
		this.agreement = agreement;
		this.stage = stage;
		return this;
	}

	TestRecords on(String exchangeDate) {
		this.exchangeDate = LocalDate.parse(exchangeDate);
		return this;
	}

	TestRecords toRu() {
		this.side = Side.RU;
		return this;
	}

	TestRecords age(int age) {
		this.age = age;
		return this;
	}

	TestRecords captured(String capturedOn) {
		this.capturedOn = LocalDate.parse(capturedOn);
		return this;
	}

	TestRecords conditions(Condition first, Condition... more) {
		this.conditions = EnumSet.of(first, more);
		return this;
	}

	TestRecords severity(Severity severity) {
		this.severity = severity;
		return this;
	}

	/**
	 * Four stages covering every column, added out of order: ("=cmd,x", 1) on 2025-05-01,
	 * ("", 1) and ("Istanbul", 2) and ("Istanbul", 10) all first on 2025-06-10.
	 */
	static List<ExchangeRecord> scenario() {
		return List.of(
				// Istanbul 2, later records first so the first date is found, not assumed
				civilian().stage("Istanbul", 2)
					.on("2025-06-12")
					.toRu()
					.age(26)
					.captured("2025-06-01")
					.conditions(Condition.INFECTION)
					.build(),
				remains().stage("Istanbul", 2).on("2025-06-12").toRu().build(),
				remains().stage("Istanbul", 2).on("2025-06-12").toRu().build(),
				military("GROUND_FORCES", RankGroup.NCO).stage("Istanbul", 2).on("2025-06-11").age(18).build(),
				military("GROUND_FORCES", RankGroup.ENLISTED).stage("Istanbul", 2)
					.on("2025-06-11")
					.toRu()
					.age(17)
					.captured("2024-06-11")
					.severity(Severity.NONE)
					.build(),
				// exactly three years: not over
				military("NAVY", RankGroup.OFFICER).stage("Istanbul", 2)
					.on("2025-06-10")
					.age(24)
					.captured("2022-06-10")
					.conditions(Condition.TRAUMA, Condition.AMPUTATION)
					.severity(Severity.SEVERE)
					.build(),
				// three years and a day: over
				military("NAVY", RankGroup.ENLISTED).stage("Istanbul", 2)
					.on("2025-06-10")
					.age(25)
					.captured("2022-06-09")
					.conditions(Condition.TRAUMA)
					.severity(Severity.MODERATE)
					.build(),
				// Istanbul 10 sorts after Istanbul 2: stage numbers compare as numbers
				military("AIR_FORCE", RankGroup.ENLISTED).stage("Istanbul", 10)
					.on("2025-06-10")
					.conditions(Condition.OTHER)
					.build(),
				military("GROUND_FORCES", RankGroup.ENLISTED).stage("Istanbul", 10).on("2025-06-10").toRu().build(),
				// blank agreement sorts first among stages of the same first date
				civilian().stage("", 1).on("2025-06-10").build(),
				// earliest stage, with a formula-like agreement holding a comma
				military("NAVY", RankGroup.OFFICER).stage("=cmd,x", 1)
					.on("2025-05-01")
					.age(40)
					.captured("2020-02-29")
					.conditions(Condition.HEPATITIS, Condition.ABSCESS)
					.severity(Severity.SEVERE)
					.build());
	}

	ExchangeRecord build() {
		return new ExchangeRecord("R" + (nextId++), this.exchangeDate, this.agreement, this.stage, this.side,
				this.category, this.branch, this.rank, this.age, this.capturedOn, null, this.conditions, this.severity);
	}

}
