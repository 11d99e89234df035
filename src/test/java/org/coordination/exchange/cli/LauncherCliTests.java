package org.coordination.exchange.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bin/exchange-reports}, the launcher with a faster start, as real processes: it
 * prepares its cache once (the extracted jar and a class-data archive), even when two
 * runs start at once; runs then load their classes from the archive; commands, output,
 * exit codes and signals are the jar's own; the JVM uses the parallel collector unless
 * its options choose one; folders of earlier builds, and of other jars unused for a week,
 * are removed unless a run holds them; and when the archive cannot be made, runs use the
 * extracted jar.
 */
class LauncherCliTests {

	static final Path FIXTURES = Path.of("src/test/resources/fixtures").toAbsolutePath();

	static final String PREPARING = "exchange-reports: preparing a faster start for this jar and JVM, once (about 15 s)";

	/** A cache prepared once and shared by the tests that do not test the preparing. */
	@TempDir
	static Path sharedCache;

	@TempDir
	Path work;

	@BeforeAll
	static void prepareSharedCache() throws Exception {
		JarProcess process = JarProcess.startLauncher(sharedCache, Map.of("EXCHANGE_CACHE", sharedCache().toString()),
				"--version");
		assertThat(process.waitForExit()).isZero();
		assertThat(process.errLines()).containsExactly(PREPARING);
	}

	@Test
	void twoFirstRunsPrepareTheCacheOnceWriteTheJarsReportsAndLaterRunsUseTheArchive() throws Exception {
		Path cache = this.work.resolve("cache");
		Path first = inputDirectory("first");
		Path second = inputDirectory("second");
		JarProcess one = JarProcess.startLauncher(first, Map.of("EXCHANGE_CACHE", cache.toString()), "run");
		JarProcess two = JarProcess.startLauncher(second, Map.of("EXCHANGE_CACHE", cache.toString()), "run");
		assertThat(one.waitForExit()).as(one.out() + one.errLines()).isZero();
		assertThat(two.waitForExit()).as(two.out() + two.errLines()).isZero();
		// one prepares, the other waits for it
		assertThat(Stream.concat(one.errLines().stream(), two.errLines().stream())).containsExactly(PREPARING);
		assertThat(one.out()).contains("stage-1-2.csv: imported 9 rows: 6 accepted (0 updated), 3 rejected");

		Path plain = inputDirectory("plain");
		JarProcess jar = JarProcess.run(plain, "run");
		assertThat(jar.exitCode()).isZero();
		for (String report : List.of("stage_summary.csv", "branch_summary.csv", "stage_branch.csv", "conditions.csv",
				"rejected_records.csv")) {
			assertThat(first.resolve("reports").resolve(report)).as(report)
				.hasSameBinaryContentAs(plain.resolve("reports").resolve(report));
			assertThat(second.resolve("reports").resolve(report)).as(report)
				.hasSameBinaryContentAs(plain.resolve("reports").resolve(report));
		}
		assertThat(first.resolve("reports/exchange_report.xlsx")).isNotEmptyFile();

		Path folder = onlyFolder(cache);
		assertThat(folder.resolve("app").resolve(Path.of(JarProcess.jar()).getFileName())).isRegularFile();
		assertThat(folder.resolve("app.jsa")).isNotEmptyFile();
		assertThat(folder.resolve("untrained")).doesNotExist();
		assertThat(folder.resolve("serves")).hasContent(Path.of(JarProcess.jar()).toRealPath() + " "
				+ Path.of(System.getProperty("java.home"), "bin", "java").toRealPath());
		try (Stream<Path> files = Files.list(folder)) {
			assertThat(files.map((file) -> file.getFileName().toString())).as("no work folder left")
				.noneMatch((name) -> name.startsWith("work."));
		}

		assertThat(runAgainLoggingClasses(first, cache))
			.anyMatch((line) -> line
				.endsWith(" org.coordination.exchange.ExchangeReportsApplication source: shared objects file (top)"))
			.anyMatch((line) -> line
				.contains(" org.apache.poi.xssf.usermodel.XSSFWorkbook source: shared objects file (top)"));
	}

	@Test
	void failuresAndExitCodesAreTheJarsOwn() throws Exception {
		JarProcess launched = launch("run", "--input", "nowhere");
		JarProcess jar = JarProcess.run(this.work, "run", "--input", "nowhere");
		assertThat(launched.exitCode()).isEqualTo(jar.exitCode()).isEqualTo(2);
		assertThat(launched.errLines()).isEqualTo(jar.errLines()).hasSize(1);
		assertThat(launch("--no-such-option").exitCode()).isEqualTo(2);
		JarProcess version = launch("--version");
		assertThat(version.exitCode()).isZero();
		assertThat(version.out()).startsWith("exchange-reports ");
	}

	@Test
	void theJvmReplacesTheLauncherSoAStopSignalReachesTheRunItself() throws Exception {
		JarProcess schedule = JarProcess.startLauncher(this.work, Map.of("EXCHANGE_CACHE", sharedCache().toString()),
				"schedule", "--cron", "0 0 0 1 1 *", "--zone", "UTC");
		schedule.awaitLine("Schedule '0 0 0 1 1 *' (UTC): next run at ");
		assertThat(ProcessHandle.of(schedule.pid()).flatMap((process) -> process.info().command()))
			.hasValueSatisfying((command) -> assertThat(Path.of(command).getFileName()).hasToString("java"));
		schedule.terminate();
		assertThat(schedule.waitForExit()).as(schedule.out() + schedule.errLines()).isZero();
		assertThat(schedule.out()).endsWith("Schedule stopped.");
	}

	@Test
	void foldersOfEarlierBuildsAndOfOtherJarsUnusedForAWeekAreRemovedUnlessARunHoldsThem() throws Exception {
		Path cache = sharedCache();
		String thisJar = Path.of(JarProcess.jar()).toRealPath() + " "
				+ Path.of(System.getProperty("java.home"), "bin", "java").toRealPath();
		Path earlierBuild = folder(cache, "earlier-build", Duration.ofHours(1), thisJar);
		Path earlierBuildHeld = folder(cache, "earlier-build-held", Duration.ofHours(1), thisJar);
		Path unused = folder(cache, "unused", Duration.ofDays(8), "/other/exchange-reports.jar /usr/bin/java");
		Path unusedHeld = folder(cache, "unused-held", Duration.ofDays(8), "/other/exchange-reports.jar /usr/bin/java");
		Path recent = folder(cache, "recent", Duration.ofDays(6), "/other/exchange-reports.jar /usr/bin/java");
		// running processes hold their folders' locks shared, as the launcher's JVM does
		List<Process> holders = List.of(hold(earlierBuildHeld), hold(unusedHeld));
		try {
			assertThat(launch("--version").exitCode()).isZero();
			assertThat(earlierBuild).doesNotExist();
			assertThat(unused).doesNotExist();
			assertThat(earlierBuildHeld).isDirectory();
			assertThat(unusedHeld).isDirectory();
			assertThat(recent).isDirectory();
		}
		finally {
			for (Process holder : holders) {
				holder.descendants().forEach(ProcessHandle::destroyForcibly);
				holder.destroyForcibly().waitFor();
			}
		}
	}

	@Test
	void theJvmUsesTheParallelCollectorUnlessItsOptionsChooseOne() throws Exception {
		assertThat(collector(Map.of())).isEqualTo("Parallel");
		// two collectors on one command line would be an error: the operator's choice
		// wins
		assertThat(collector(Map.of("JAVA_OPTS", "-Xmx256m -XX:+UseSerialGC"))).isEqualTo("Serial");
		assertThat(collector(Map.of("JAVA_TOOL_OPTIONS", "-XX:+UseG1GC"))).isEqualTo("G1");
		assertThat(collector(Map.of("JDK_JAVA_OPTIONS", "-XX:+UseSerialGC"))).isEqualTo("Serial");
		Path options = Files.writeString(this.work.resolve("jvm.options"), "-Xmx256m\n-XX:+UseSerialGC\n");
		assertThat(collector(Map.of("JAVA_OPTS", "@" + options))).isEqualTo("Serial");
		// and when the jar runs as it is, without a cache
		Path notAFolder = Files.writeString(this.work.resolve("file"), "");
		assertThat(collector(Map.of("EXCHANGE_CACHE", notAFolder.resolve("cache").toString()))).isEqualTo("Parallel");
	}

	@Test
	void withoutAUsableCacheTheJarRunsAsItIs() throws Exception {
		Path notAFolder = Files.writeString(this.work.resolve("file"), "");
		JarProcess version = JarProcess.startLauncher(this.work,
				Map.of("EXCHANGE_CACHE", notAFolder.resolve("cache").toString()), "--version");
		assertThat(version.waitForExit()).isZero();
		assertThat(version.out()).startsWith("exchange-reports ");
		assertThat(version.errLines()).isEmpty();
	}

	@Test
	void whenTrainingFailsRunsUseTheExtractedJarAndTrainingIsNotRetried() throws Exception {
		Path cache = this.work.resolve("cache");
		// every JVM of the launcher takes a base archive that does not exist, so
		// its training run cannot archive the application's classes
		Map<String, String> environment = Map.of("EXCHANGE_CACHE", cache.toString(), "JAVA_TOOL_OPTIONS",
				"-XX:SharedArchiveFile=" + this.work.resolve("no-such.jsa"));
		Path dir = inputDirectory("untrained");
		JarProcess first = JarProcess.startLauncher(dir, environment, "run");
		assertThat(first.waitForExit()).as(first.out() + first.errLines()).isZero();
		assertThat(first.errLines()).contains(PREPARING);
		Path folder = onlyFolder(cache);
		assertThat(folder.resolve("untrained")).isRegularFile();
		assertThat(folder.resolve("app.jsa")).doesNotExist();

		assertThat(runAgainLoggingClasses(dir, cache)).anyMatch((line) -> line
			.matches(".* org\\.coordination\\.exchange\\.ExchangeReportsApplication source: .*/app/[^/]+\\.jar"));
	}

	/**
	 * Runs {@code run} again in a folder whose input is imported, through the launcher on
	 * this cache, quietly and without training; the JVM's class-load log, where each
	 * class names its source.
	 */
	private List<String> runAgainLoggingClasses(Path dir, Path cache) throws Exception {
		Path classes = Files.createTempFile(this.work, "classes", ".log");
		JarProcess again = JarProcess.startLauncher(dir,
				Map.of("EXCHANGE_CACHE", cache.toString(), "JAVA_OPTS", "-Xmx256m -Xlog:class+load:file=" + classes),
				"run");
		assertThat(again.waitForExit()).as(again.out() + again.errLines()).isZero();
		assertThat(again.errLines()).isEmpty();
		assertThat(again.out()).contains("stage-1-2.csv: already imported, skipped");
		return Files.readAllLines(classes);
	}

	/**
	 * The collector the JVM of {@code --version} through the launcher used, from its GC
	 * log, with these environment variables (JAVA_OPTS gets the log option added).
	 */
	private String collector(Map<String, String> environment) throws Exception {
		Path log = Files.createTempFile(this.work, "gc", ".log");
		Map<String, String> all = new HashMap<>(Map.of("EXCHANGE_CACHE", sharedCache().toString()));
		all.putAll(environment);
		all.put("JAVA_OPTS", all.getOrDefault("JAVA_OPTS", "-Xmx256m") + " -Xlog:gc:file=" + log);
		JarProcess version = JarProcess.startLauncher(this.work, all, "--version");
		assertThat(version.waitForExit()).as(version.out() + version.errLines()).isZero();
		assertThat(version.out()).startsWith("exchange-reports ");
		return Files.readAllLines(log)
			.stream()
			.filter((line) -> line.contains("Using "))
			.map((line) -> line.substring(line.indexOf("Using ") + "Using ".length()).strip())
			.findFirst()
			.orElseThrow();
	}

	private JarProcess launch(String... args) throws Exception {
		JarProcess process = JarProcess.startLauncher(this.work, Map.of("EXCHANGE_CACHE", sharedCache().toString()),
				args);
		process.waitForExit();
		return process;
	}

	private static Path sharedCache() {
		return sharedCache.resolve("cache");
	}

	/**
	 * A folder with the input fixtures in input/, where the launcher's defaults find
	 * them.
	 */
	private Path inputDirectory(String name) throws IOException {
		Path dir = Files.createDirectories(this.work.resolve(name).resolve("input"));
		Files.copy(FIXTURES.resolve("stage-1-2.csv"), dir.resolve("stage-1-2.csv"));
		Files.copy(FIXTURES.resolve("stage-3.csv"), dir.resolve("stage-3.csv"));
		return dir.getParent();
	}

	private static Path onlyFolder(Path cache) throws IOException {
		try (Stream<Path> folders = Files.list(cache)) {
			List<Path> all = folders.toList();
			assertThat(all).hasSize(1);
			return all.get(0);
		}
	}

	/** A cache folder of a jar and JVM ({@code serves}), last used {@code age} ago. */
	private static Path folder(Path cache, String name, Duration age, String serves) throws IOException {
		Path folder = Files.createDirectories(cache.resolve(name));
		Files.createDirectories(folder.resolve("app"));
		Files.writeString(folder.resolve(".lock"), "");
		Files.writeString(folder.resolve("serves"), serves + "\n");
		Files.setLastModifiedTime(folder, FileTime.from(Instant.now().minus(age)));
		return folder;
	}

	/** A process holding the folder's lock shared until it is killed. */
	private static Process hold(Path folder) throws IOException {
		Process holder = new ProcessBuilder("flock", "-s", folder.resolve(".lock").toString(), "-c",
				"echo held; exec sleep 120")
			.start();
		assertThat(new String(holder.getInputStream().readNBytes(5))).isEqualTo("held\n");
		return holder;
	}

}
