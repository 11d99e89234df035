package org.coordination.exchange.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.coordination.exchange.store.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar on a real PostgreSQL store, each test on a new database: the same reports as on
 * H2, byte for byte; kill -9 and the same command again; a second run refused by the run
 * lock; two schedulers on one store; an H2 store migrated to PostgreSQL.
 */
@TestPostgres.Required
class PostgresCliTests {

	static final int ROWS = 10_000;

	/** Every run starts and ends at this instant, so that whole workbooks compare. */
	static final String FIXED_TIME = "-Dexchange.test.fixed-time=2026-11-25T12:00:00Z";

	static final List<String> REPORTS = List.of("stage_summary.csv", "branch_summary.csv", "stage_branch.csv",
			"conditions.csv", "rejected_records.csv", "exchange_report.xlsx");

	@TempDir
	static Path shared;

	static Path input;

	static Path h2Work;

	static Map<String, byte[]> h2Reports;

	static List<String> h2Store;

	@TempDir
	Path work;

	String url;

	@BeforeAll
	static void runOnH2() throws Exception {
		input = Files.createDirectories(shared.resolve("input"));
		JarProcess generate = JarProcess.run(shared, "generate", "--rows", String.valueOf(ROWS), "--seed", "11",
				"--output", input.resolve("a-big.csv").toString());
		assertThat(generate.exitCode()).as(generate.out()).isZero();
		Files.copy(Path.of("src/test/resources/fixtures/stage-1-2.csv"), input.resolve("b-small.csv"));
		h2Work = Files.createDirectories(shared.resolve("h2"));
		JarProcess run = JarProcess.start(h2Work, Map.of(), List.of(FIXED_TIME), "run", "--input", input.toString());
		assertThat(run.waitForExit()).as(run.out() + run.errLines()).isZero();
		h2Reports = reports(h2Work);
		h2Store = new ArrayList<>(CrashRecoveryCliTests.query(h2Work, CrashRecoveryCliTests.VISIBLE_RECORDS));
		h2Store.addAll(CrashRecoveryCliTests.query(h2Work, CrashRecoveryCliTests.REJECTED_ROWS));
		assertThat(h2Store).hasSizeGreaterThan(ROWS / 2);
	}

	@BeforeEach
	void newDatabase() {
		this.url = TestPostgres.newDatabase();
	}

	@Test
	void reportsFromPostgresAreByteIdenticalToThoseFromH2() throws Exception {
		JarProcess run = JarProcess.start(this.work, TestPostgres.credentials(), List.of(FIXED_TIME), "run", "--input",
				input.toString(), "--db", this.url);

		assertThat(run.waitForExit()).as(run.out() + run.errLines()).isZero();
		Map<String, byte[]> reports = reports(this.work);
		for (String name : REPORTS) {
			assertThat(reports.get(name)).as(name).isEqualTo(h2Reports.get(name));
		}
		assertThat(store()).isEqualTo(h2Store);
	}

	@Test
	void secondRunIsRefusedAndAfterKill9TheSameCommandGivesTheSameResult() throws Exception {
		JarProcess killed = JarProcess.start(this.work, TestPostgres.credentials(),
				List.of("-Dexchange.test.checkpoint=chunk-5"), "run", "--input", input.toString(), "--db", this.url);
		killed.awaitLine("checkpoint chunk-5");

		// another host, while the first run holds the run lock
		Path elsewhere = Files.createDirectories(this.work.resolve("other-host"));
		JarProcess second = JarProcess.run(elsewhere, TestPostgres.credentials(), "run", "--input", input.toString(),
				"--db", this.url);
		assertThat(second.exitCode()).isEqualTo(1);
		assertThat(second.errLines()).containsExactly("error: the store " + this.url + " is in use by another process "
				+ "(a run in progress); nothing was done. Try again when it has finished.");
		assertThat(query("SELECT COUNT(*) FROM exchange_run")).containsExactly("1");

		killed.kill();
		JarProcess rerun = JarProcess.run(this.work, TestPostgres.credentials(), "run", "--input", input.toString(),
				"--db", this.url);

		assertThat(rerun.exitCode()).as(rerun.out() + rerun.errLines()).isZero();
		assertThat(rerun.out()).contains("Run 1 was interrupted before it finished; its imports resume now.")
			.contains("a-big.csv: recovered an import left unfinished by a process that died")
			.contains("a-big.csv: restarting an unfinished import, resuming after 4000 rows already imported");
		assertThat(csvReports(this.work)).isEqualTo(csvReports(h2Work));
		assertThat(store()).isEqualTo(h2Store);
		JarProcess history = JarProcess.run(this.work, TestPostgres.credentials(), "history", "--db", this.url);
		assertThat(history.out().lines().filter((line) -> line.startsWith("1 "))).singleElement()
			.asString()
			.contains(" INTERRUPTED ");
		assertThat(history.out()).contains("restarted: " + input.resolve("a-big.csv") + " resumed after 4000 rows");
	}

	@Test
	void twoSchedulersMakeOneRunPerTickAndTheOtherCompletesTheRunOfAKilledOne() throws Exception {
		Path hostA = Files.createDirectories(this.work.resolve("host-a"));
		Path hostB = Files.createDirectories(this.work.resolve("host-b"));
		String[] schedule = { "schedule", "--cron", "*/5 * * * * *", "--zone", "UTC", "--input", input.toString(),
				"--db", this.url };
		// A takes the first tick and is killed in the middle of its import
		JarProcess a = JarProcess.start(hostA, TestPostgres.credentials(),
				List.of("-Dexchange.test.checkpoint=chunk-5"), schedule);
		a.awaitLine("checkpoint chunk-5");
		JarProcess b = JarProcess.start(hostB, TestPostgres.credentials(), List.of(), schedule);
		b.awaitLine((line) -> line.startsWith("Skipped the run at ")
				&& line.endsWith(": the store is in use by another process (a run in progress)."), WAIT);
		a.kill();

		// B's next tick recovers A's import and completes it
		b.awaitLine((line) -> line.startsWith("Run completed in "), WAIT);
		assertThat(b.out()).contains("Run 1 was interrupted before it finished; its imports resume now.")
			.contains("a-big.csv: recovered an import left unfinished by a process that died");
		assertThat(store()).isEqualTo(h2Store);
		assertThat(csvReports(hostB)).isEqualTo(csvReports(h2Work));

		// A again beside B: both fire on every tick, one of them runs it
		JarProcess again = JarProcess.start(hostA, TestPostgres.credentials(), List.of(), schedule);
		// until both have fired on two ticks and A has said what came of the last one
		Set<String> bothFired = new TreeSet<>();
		String lastTick = null;
		for (int ticks = 0; ticks < 8 && bothFired.size() < 2; ticks++) {
			lastTick = tick(again.awaitLine((line) -> line.startsWith("Scheduled run at "), WAIT));
			again.awaitLine((line) -> line.startsWith("Run completed in ") || line.startsWith("Skipped the run at ")
					|| line.startsWith("The run scheduled for "), WAIT);
			bothFired = ticks(b);
			bothFired.retainAll(ticks(again));
			// a tick after A's last one may be fired and stopped before it is claimed
			String last = lastTick;
			bothFired.removeIf((tick) -> tick.compareTo(last) > 0);
		}
		again.terminate();
		b.terminate();
		assertThat(again.waitForExit()).as(again.out() + again.errLines()).isIn(0, 1);
		assertThat(b.waitForExit()).as(b.out() + b.errLines()).isIn(0, 1);

		Map<String, String> runsPerTick = new TreeMap<>();
		for (String row : query("SELECT scheduled_for || ' ' || COUNT(*) FROM exchange_run GROUP BY scheduled_for")) {
			runsPerTick.put(row.substring(0, row.indexOf(' ')), row.substring(row.indexOf(' ') + 1));
		}
		assertThat(runsPerTick.values()).as("runs per tick: " + runsPerTick).containsOnly("1");
		assertThat(bothFired).as("ticks both schedulers fired on").hasSizeGreaterThanOrEqualTo(2);
		assertThat(runsPerTick).as("a tick both fired on has its run").containsKeys(bothFired.toArray(String[]::new));
		assertThat(query("SELECT status FROM exchange_run ORDER BY run_id").get(0)).isEqualTo("INTERRUPTED");
		assertThat(store()).isEqualTo(h2Store);
	}

	static final Duration WAIT = Duration.ofSeconds(120);

	private static final Pattern SCHEDULED = Pattern.compile("Scheduled run at (\\S+ \\S+) UTC");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	/** The ticks a scheduler fired on, as the instants the store records. */
	static Set<String> ticks(JarProcess schedule) {
		Set<String> ticks = new TreeSet<>();
		for (String line : schedule.out().lines().toList()) {
			String tick = tick(line);
			if (tick != null) {
				ticks.add(tick);
			}
		}
		return ticks;
	}

	/** The tick of a "Scheduled run at" line, as the instant the store records. */
	static String tick(String line) {
		Matcher matcher = SCHEDULED.matcher(line);
		if (!matcher.find()) {
			return null;
		}
		return ZonedDateTime.of(LocalDateTime.parse(matcher.group(1), TIME), ZoneOffset.UTC).toInstant().toString();
	}

	@Test
	void migratedH2StoreGoesOnOnPostgresAsOnH2() throws Exception {
		// an H2 store with an import that a killed run left unfinished
		Path host = Files.createDirectories(this.work.resolve("host"));
		JarProcess killed = JarProcess.start(host, List.of("-Dexchange.test.checkpoint=chunk-5"), "run", "--input",
				input.toString());
		killed.awaitLine("checkpoint chunk-5");
		killed.kill();

		JarProcess migrate = JarProcess.run(host, TestPostgres.credentials(), "migrate-store", "--from",
				"data/exchanges", "--to", this.url);

		assertThat(migrate.exitCode()).as(migrate.out() + migrate.errLines()).isZero();
		for (String table : List.of("batch_job_instance", "batch_job_execution", "batch_step_execution",
				"batch_step_execution_context", "exchange_run", "import_file", "exchange_record", "rejected_row")) {
			String rows = CrashRecoveryCliTests.query(host, "SELECT COUNT(*) FROM " + table).get(0);
			assertThat(migrate.out()).containsPattern("(?m)^" + table + " +" + rows + " +" + rows + "$");
			assertThat(query("SELECT COUNT(*) FROM " + table)).containsExactly(rows);
		}
		assertThat(query("SELECT COUNT(*) FROM exchange_record")).doesNotContain("0");
		assertThat(migrate.out().lines().toList()).last()
			.asString()
			.startsWith("Migrated data/exchanges to " + this.url + " in ")
			.endsWith(": every table has the same number of rows.");

		// the same command on PostgreSQL goes on where the killed run stopped, as on H2
		JarProcess resumed = JarProcess.run(host, TestPostgres.credentials(), "run", "--input", input.toString(),
				"--db", this.url);
		assertThat(resumed.exitCode()).as(resumed.out() + resumed.errLines()).isZero();
		assertThat(resumed.out()).contains("Run 1 was interrupted before it finished; its imports resume now.")
			.contains("a-big.csv: restarting an unfinished import, resuming after 4000 rows already imported");
		assertThat(csvReports(host)).isEqualTo(csvReports(h2Work));
		assertThat(store()).isEqualTo(h2Store);
		JarProcess again = JarProcess.run(host, TestPostgres.credentials(), "run", "--input", input.toString(), "--db",
				this.url);
		assertThat(again.out()).contains("a-big.csv: already imported, skipped")
			.contains("b-small.csv: already imported, skipped");
		assertThat(query("SELECT run_id || ' ' || status FROM exchange_run ORDER BY run_id"))
			.containsExactly("1 INTERRUPTED", "2 COMPLETED", "3 COMPLETED");

		JarProcess twice = JarProcess.run(host, TestPostgres.credentials(), "migrate-store", "--from", "data/exchanges",
				"--to", this.url);
		assertThat(twice.exitCode()).isEqualTo(2);
		assertThat(twice.errLines()).singleElement()
			.asString()
			.startsWith("error: --to " + this.url + ": the target store is not empty (")
			.endsWith(" rows); migrate-store copies into an empty store only");
	}

	@Test
	void aDatabaseThatAlreadyHoldsSpringBatchsSchemaIsTakenAsItIs() throws Exception {
		try (Connection connection = TestPostgres.connect(this.url)) {
			ScriptUtils.executeSqlScript(connection,
					new ClassPathResource("org/springframework/batch/core/schema-postgresql.sql"));
		}

		JarProcess run = JarProcess.run(this.work, TestPostgres.credentials(), "run", "--input",
				input.resolve("b-small.csv").toString(), "--db", this.url);

		assertThat(run.exitCode()).as(run.out() + run.errLines()).isZero();
		assertThat(
				query("SELECT version || ' ' || type FROM flyway_schema_history ORDER BY installed_rank").subList(0, 3))
			.containsExactly("0 BASELINE", "1 SQL", "2 SQL");
		assertThat(query("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE")).containsExactly("1");
	}

	@Test
	void aPasswordInTheUrlIsRefused() throws Exception {
		JarProcess run = JarProcess.run(this.work, "run", "--input", input.toString(), "--db",
				this.url + "?user=exchange&password=secret");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.errLines()).containsExactly("error: --db: the URL holds a password; it would be visible to "
				+ "every user of the machine. Put the user and password in EXCHANGE_DB_USER and EXCHANGE_DB_PASSWORD "
				+ "(or a Spring profile's spring.datasource.username and .password) instead");
		assertThat(query("SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public'")).containsExactly("0");
	}

	List<String> store() throws SQLException {
		List<String> rows = new ArrayList<>(query(CrashRecoveryCliTests.VISIBLE_RECORDS));
		rows.addAll(query(CrashRecoveryCliTests.REJECTED_ROWS));
		return rows;
	}

	List<String> query(String sql) throws SQLException {
		return query(this.url, sql);
	}

	static List<String> query(String url, String sql) throws SQLException {
		try (Connection connection = TestPostgres.connect(url)) {
			return CrashRecoveryCliTests.firstColumn(connection, sql);
		}
	}

	static Map<String, byte[]> reports(Path dir) throws IOException {
		Map<String, byte[]> reports = new LinkedHashMap<>();
		for (String name : REPORTS) {
			reports.put(name, Files.readAllBytes(dir.resolve("reports").resolve(name)));
		}
		return reports;
	}

	static Map<String, String> csvReports(Path dir) throws IOException {
		return CrashRecoveryCliTests.reports(dir);
	}

}
