package org.coordination.exchange.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Hostile input, filesystem faults and store protection as a user meets them: the
 * packaged jar in its own process (with a small heap where memory is the point), its exit
 * status and its one-line messages.
 */
class HostileInputCliTests {

	static final Path HOSTILE = Path.of("src/test/resources/hostile").toAbsolutePath();

	static final Path FIXTURES = Path.of("src/test/resources/fixtures").toAbsolutePath();

	static final String HEADER = "record_id,exchange_date,agreement,stage,side,category,service_branch,rank_group,age,"
			+ "captured_on,capture_place,conditions,severity";

	static final String UTF8_HINT = " (if the file is not UTF-8, give its encoding with --encoding, e.g. windows-1251)";

	static final String KEY = "EXCHANGE_DB_KEY";

	@TempDir
	Path work;

	private final List<Path> mounts = new ArrayList<>();

	@AfterEach
	void unmount() throws Exception {
		for (Path mount : this.mounts) {
			new ProcessBuilder("umount", mount.toString()).start().waitFor(30, TimeUnit.SECONDS);
		}
	}

	// broken files

	@Test
	void binaryEmptyAndUndecodableFilesExitTwoWithOneLineEach() throws Exception {
		Result result = exchange(Map.of(), List.of(), "run", "--input", HOSTILE.resolve("picture.csv").toString(),
				HOSTILE.resolve("workbook.csv").toString(), HOSTILE.resolve("empty.csv").toString(),
				HOSTILE.resolve("bom-only.csv").toString(), HOSTILE.resolve("invalid-utf8.csv").toString());

		assertThat(result.exit()).isEqualTo(2);
		assertThat(result.err().lines()).containsExactly("error: " + HOSTILE
			.resolve("picture.csv") + ": not a CSV text file: it looks like a PNG image", "error: "
					+ HOSTILE.resolve("workbook.csv")
					+ ": not a CSV text file: it looks like a ZIP archive (an .xlsx workbook is one: save it as CSV first)",
				"error: " + HOSTILE.resolve("empty.csv") + ": file is empty (no header)",
				"error: " + HOSTILE.resolve("bom-only.csv") + ": file is empty (no header)",
				"error: " + HOSTILE.resolve("invalid-utf8.csv") + ": line 4, column 17: invalid UTF-8 byte sequence"
						+ UTF8_HINT);
		assertThat(result.out()).contains("0 file(s) imported, 0 skipped as already imported, 5 failed");
	}

	@Test
	void windows1251FileNeedsItsEncoding() throws Exception {
		String file = HOSTILE.resolve("windows-1251.csv").toString();

		Result asUtf8 = exchange(Map.of(), List.of(), "run", "--input", file);
		assertThat(asUtf8.exit()).isEqualTo(2);
		assertThat(asUtf8.err().lines())
			.containsExactly("error: " + file + ": line 2, column 16: invalid UTF-8 byte sequence" + UTF8_HINT);

		Result asCp1251 = exchange(Map.of(), List.of(), "run", "--input", file, "--encoding", "windows-1251");
		assertThat(asCp1251.exit()).as(asCp1251.err()).isZero();
		// every Cyrillic alias found its branch; the agreement reads as written
		assertThat(Files.readString(this.work.resolve("reports/branch_summary.csv"))).isEqualTo("""
				service_branch,returned,officers,ncos,enlisted,severe,with_conditions,captivity_days_avg,\
				captivity_days_median,captivity_days_max,captivity_over_3y
				AIR_ASSAULT_FORCES,1,0,0,1,0,0,,,,0
				BORDER_GUARD_SERVICE,1,0,0,1,0,0,,,,0
				GROUND_FORCES,1,0,1,0,0,0,,,,0
				NATIONAL_GUARD,1,0,0,1,0,0,,,,0
				NAVY,1,1,0,0,0,0,1109.0,1109.0,1109,1
				TERRITORIAL_DEFENSE,1,0,0,1,0,0,,,,0
				""");
		assertThat(Files.readString(this.work.resolve("reports/stage_summary.csv")))
			.endsWith("\nСтамбул,1,2025-06-02,2025-06-02,6,6,0,6,6,0,0,1,1,4,0,0,0,1109.0,1109.0,1109,1\n");
	}

	@Test
	void fiftyMegabyteQuotedFieldIsOneRejectedRowWithin256Megabytes() throws Exception {
		Path file = this.work.resolve("huge-field.csv");
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write(HEADER + "\nZ-1,2025-06-10,\"");
			char[] chunk = "0123456789".repeat(100_000).toCharArray();
			for (int i = 0; i < 50; i++) {
				out.write(chunk);
			}
			out.write("\",1,UA,CIVILIAN,,,,,,,\nZ-2,2025-06-10,Istanbul,1,UA,CIVILIAN,,,,,,,\n");
		}

		Result result = exchange(Map.of(), List.of("-Xmx256m"), "run", "--input", file.toString());

		assertThat(result.exit()).as(result.err()).isZero();
		assertThat(result.out()).contains("huge-field.csv: imported 2 rows: 1 accepted (0 updated), 1 rejected");
		String raw = ("Z-1,2025-06-10,\"" + "0123456789".repeat(1_000)).substring(0, 10_000) + "…";
		assertThat(Files.readString(this.work.resolve("reports/rejected_records.csv")))
			.isEqualTo("source_file,line_number,record_id,reasons,raw\nhuge-field.csv,2,,MALFORMED_ROW,\""
					+ raw.replace("\"", "\"\"") + "\"\n");
	}

	@Test
	void aThousandLongRowsStayWithin128Megabytes() throws Exception {
		// 80 MB of rows whose fields are each at the 10,000-character limit: valid CSV,
		// invalid values; a chunk of them as read would not fit this heap
		String big = "ж".repeat(10_000);
		Path file = rows("long-rows.csv", 1000, (i) -> "W-" + i + ",2025-06-10," + big + ",1,UA,MILITARY," + big
				+ ",NCO,30,2022-01-01," + big + "," + big + ",");

		Result result = exchange(Map.of(), List.of("-Xmx128m"), "run", "--input", file.toString());

		assertThat(result.exit()).as(result.err()).isZero();
		assertThat(result.out()).contains("long-rows.csv: imported 1000 rows: 0 accepted (0 updated), 1000 rejected");
		List<String> lines = Files.readAllLines(this.work.resolve("reports/rejected_records.csv"));
		assertThat(lines).hasSize(1001);
		assertThat(lines.get(1)).isEqualTo("long-rows.csv,2,W-0,BAD_VALUE:agreement;BAD_VALUE:service_branch;"
				+ "BAD_VALUE:capture_place;BAD_VALUE:conditions,\"" + ("W-0,2025-06-10," + big).substring(0, 10_000)
				+ "…\"");
	}

	@Test
	void sixThousandLongRejectedRowsAreReportedWithin128Megabytes() throws Exception {
		// each kept raw line is 10,000 characters (20 KB in the heap); H2 sorts up to
		// 5,000 rows in memory at this heap and spills more to disk in a buffer that does
		// not fit either, so the report must not ask it to sort them
		String big = "ж".repeat(10_000);
		Path file = rows("long-rejects.csv", 6000, (i) -> "L-" + i + ",2025-06-10," + big + ",1,UA,CIVILIAN,,,,,,,");

		Result result = exchange(Map.of(), List.of("-Xmx128m"), "run", "--input", file.toString(), "--max-rejects",
				"6000");

		assertThat(result.exit()).as(result.err()).isZero();
		assertThat(result.out())
			.contains("long-rejects.csv: imported 6000 rows: 0 accepted (0 updated), 6000 rejected");
		List<String> lines = Files.readAllLines(this.work.resolve("reports/rejected_records.csv"));
		assertThat(lines).hasSize(6001);
		String raw = ("L-5999,2025-06-10," + big).substring(0, 10_000) + "…";
		assertThat(lines.get(6000)).isEqualTo("long-rejects.csv,6001,L-5999,BAD_VALUE:agreement,\"" + raw + "\"");
	}

	// filesystem faults

	@Test
	void outputThatIsAFileExitsOneAndLeavesTheStoreUnchanged() throws Exception {
		Files.writeString(this.work.resolve("reports.txt"), "mine");

		Result result = exchange(Map.of(), List.of(), "run", "--input", FIXTURES.resolve("stage-3.csv").toString(),
				"--output", "reports.txt");

		assertThat(result.exit()).isEqualTo(1);
		assertThat(result.err().lines())
			.containsExactly("error: cannot write reports to reports.txt: not a folder; nothing was imported");
		assertThat(this.work.resolve("reports.txt")).hasContent("mine");
		Result history = exchange(Map.of(), List.of(), "history");
		assertThat(history.out()).isEqualTo("No runs yet.\n");

		Result validate = exchange(Map.of(), List.of(), "validate", "--input",
				FIXTURES.resolve("stage-3.csv").toString(), "--output", "reports.txt");
		assertThat(validate.exit()).isEqualTo(1);
		assertThat(validate.err().lines()).containsExactly("error: cannot write reports to reports.txt: not a folder");
	}

	@Test
	void readOnlyOutputFolderExitsOneBeforeImporting() throws Exception {
		Path reports = Files.createDirectory(this.work.resolve("reports"));
		String reason;
		if (isRoot()) {
			assumeTrue(mount(reports, "ro,size=64k"), "mounting a read-only tmpfs is permitted");
			reason = "Read-only file system";
		}
		else {
			Files.setPosixFilePermissions(reports, PosixFilePermissions.fromString("r-xr-xr-x"));
			reason = "permission denied";
		}

		Result result = exchange(Map.of(), List.of(), "run", "--input", FIXTURES.resolve("stage-3.csv").toString());

		assertThat(result.exit()).isEqualTo(1);
		assertThat(result.err().lines())
			.containsExactly("error: cannot write reports to reports: " + reason + "; nothing was imported");
		assertThat(exchange(Map.of(), List.of(), "history").out()).isEqualTo("No runs yet.\n");
	}

	@Test
	void diskFullWhileWritingReportsExitsOneAndKeepsThePreviousReports() throws Exception {
		Path reports = Files.createDirectory(this.work.resolve("reports"));
		assumeTrue(isRoot() && mount(reports, "size=256k"), "mounting a small tmpfs is permitted");
		Result first = exchange(Map.of(), List.of(), "run", "--input", FIXTURES.resolve("stage-3.csv").toString());
		assertThat(first.exit()).as(first.err()).isZero();
		Map<String, byte[]> before = contents(reports);
		assertThat(before).hasSize(6);
		// 4,000 rejected rows of 500 characters: far more than the folder holds
		Path big = rows("big.csv", 4000, (i) -> "B-" + i + ",2025-06-10," + "x".repeat(500) + ",0,UA,CIVILIAN,,,,,,,");

		Result result = exchange(Map.of(), List.of(), "run", "--input", big.toString(), "--max-rejects", "10000");

		assertThat(result.exit()).isEqualTo(1);
		assertThat(result.err().lines()).containsExactly("error: cannot write reports to reports: No space left on "
				+ "device; the previous reports are unchanged; this run's imports were withdrawn from the store and "
				+ "the next run publishes them again");
		Map<String, byte[]> after = contents(reports);
		assertThat(after.keySet()).isEqualTo(before.keySet());
		after.forEach((name, bytes) -> assertThat(bytes).as(name).isEqualTo(before.get(name)));
		// the store shows what the previous reports show: stage-3.csv's records only
		assertThat(CrashRecoveryCliTests.query(this.work,
				"SELECT f.file_name || ' ' || COUNT(*) FROM exchange_record r "
						+ "JOIN import_file f ON f.import_id = r.import_id WHERE f.status = 'COMPLETED' "
						+ "AND NOT EXISTS (SELECT 1 FROM superseded_record s WHERE s.row_key = r.row_key) "
						+ "GROUP BY f.file_name"))
			.containsExactly("stage-3.csv 3");
	}

	// the store

	@Test
	void storeIsOwnerOnlyEncryptedWithTheKeyAndRefusesAWrongOrMissingKey() throws Exception {
		Result run = exchange(Map.of(KEY, "correct-horse-battery"), List.of(), "run", "--input",
				FIXTURES.resolve("stage-3.csv").toString());
		assertThat(run.exit()).as(run.err()).isZero();
		Path data = this.work.resolve("data");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("exchanges.mv.db"))))
			.isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("exchange-reports.log"))))
			.isEqualTo("rw-------");
		try (InputStream in = Files.newInputStream(data.resolve("exchanges.mv.db"))) {
			assertThat(in.readNBytes(10)).isEqualTo("H2encrypt\n".getBytes(StandardCharsets.US_ASCII));
		}
		// a plain store holds its values as text (the branch code, for one)
		assertThat(new String(Files.readAllBytes(data.resolve("exchanges.mv.db")), StandardCharsets.ISO_8859_1))
			.doesNotContain("AIR_ASSAULT_FORCES");

		Result wrong = exchange(Map.of(KEY, "wrong-horse"), List.of(), "history");
		assertThat(wrong.exit()).isEqualTo(2);
		assertThat(wrong.err().lines())
			.containsExactly("error: data/exchanges: cannot open the store: wrong key in EXCHANGE_DB_KEY");

		Result missing = exchange(Map.of(), List.of(), "history");
		assertThat(missing.exit()).isEqualTo(2);
		assertThat(missing.err().lines())
			.containsExactly("error: data/exchanges: the store is encrypted: set EXCHANGE_DB_KEY to its key");

		Result right = exchange(Map.of(KEY, "correct-horse-battery"), List.of(), "history");
		assertThat(right.exit()).as(right.err()).isZero();
		assertThat(right.out().lines()).hasSize(2).last().asString().contains(" COMPLETED ");
	}

	// helpers

	private Map<String, byte[]> contents(Path dir) throws IOException {
		Map<String, byte[]> contents = new LinkedHashMap<>();
		try (Stream<Path> files = Files.list(dir)) {
			for (Path file : files.sorted().toList()) {
				contents.put(file.getFileName().toString(), Files.readAllBytes(file));
			}
		}
		return contents;
	}

	private static boolean isRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	private boolean mount(Path dir, String options) {
		try {
			Process process = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", dir.toString())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0) {
				this.mounts.add(dir);
				return true;
			}
			return false;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * A UTF-8 input file in the work folder: the header, then {@code count} made rows.
	 */
	private Path rows(String name, int count, IntFunction<String> row) throws IOException {
		Path file = this.work.resolve(name);
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write(HEADER + "\n");
			for (int i = 0; i < count; i++) {
				out.write(row.apply(i) + "\n");
			}
		}
		return file;
	}

	private Result exchange(Map<String, String> environment, List<String> jvmOptions, String... args)
			throws IOException, InterruptedException {
		List<String> command = JarProcess.command(jvmOptions);
		command.addAll(List.of(args));
		Path out = Files.createTempFile(this.work, "out", ".txt");
		Path err = Files.createTempFile(this.work, "err", ".txt");
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.work.toFile())
			.redirectOutput(out.toFile())
			.redirectError(err.toFile());
		builder.environment().remove(KEY);
		builder.environment().putAll(environment);
		Process process = builder.start();
		assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("finished in time").isTrue();
		Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
				Files.readString(err, StandardCharsets.UTF_8));
		Files.delete(out);
		Files.delete(err);
		return result;
	}

	record Result(int exit, String out, String err) {

	}

}
