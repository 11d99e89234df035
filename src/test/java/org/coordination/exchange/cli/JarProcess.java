package org.coordination.exchange.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar running as a real process, with its output collected line by line so
 * that a test can wait for a line (a readiness signal) instead of sleeping.
 */
final class JarProcess {

	private final Process process;

	private final List<String> out = new ArrayList<>();

	private final List<String> err = new ArrayList<>();

	private final Thread outReader;

	private int cursor;

	private final Thread errReader;

	private JarProcess(Process process) {
		this.process = process;
		this.outReader = collect(process.getInputStream(), this.out);
		this.errReader = collect(process.getErrorStream(), this.err);
	}

	/** Starts the jar in {@code dir} with the given system properties and arguments. */
	static JarProcess start(Path dir, List<String> systemProperties, String... args) throws IOException {
		return start(dir, Map.of(), systemProperties, args);
	}

	/**
	 * Starts the jar in {@code dir} with these environment variables added, system
	 * properties and arguments.
	 */
	static JarProcess start(Path dir, Map<String, String> environment, List<String> systemProperties, String... args)
			throws IOException {
		List<String> jvmOptions = new ArrayList<>();
		jvmOptions.add("-Xmx256m");
		jvmOptions.add("-Djava.io.tmpdir=" + dir.resolve("tmp"));
		jvmOptions.addAll(systemProperties);
		List<String> command = command(jvmOptions);
		command.addAll(List.of(args));
		dir.resolve("tmp").toFile().mkdirs();
		ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
		builder.environment().putAll(environment);
		return new JarProcess(builder.start());
	}

	/**
	 * Starts {@code bin/exchange-reports}, the launcher with a faster start, in
	 * {@code dir} on the jar under test, with these environment variables added and
	 * arguments.
	 */
	static JarProcess startLauncher(Path dir, Map<String, String> environment, String... args) throws IOException {
		List<String> command = new ArrayList<>(
				List.of("bash", Path.of("bin/exchange-reports").toAbsolutePath().toString()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
		builder.environment().put("EXCHANGE_JAR", jar());
		builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
		builder.environment().put("JAVA_OPTS", "-Xmx256m");
		builder.environment().putAll(environment);
		return new JarProcess(builder.start());
	}

	/** Runs the jar to its end. */
	static JarProcess run(Path dir, String... args) throws IOException, InterruptedException {
		return run(dir, Map.of(), args);
	}

	/** Runs the jar to its end with these environment variables added. */
	static JarProcess run(Path dir, Map<String, String> environment, String... args)
			throws IOException, InterruptedException {
		JarProcess process = start(dir, environment, List.of(), args);
		process.waitForExit();
		return process;
	}

	/**
	 * The command that runs the jar with these JVM options, to which a test adds the
	 * jar's arguments. The processes of the tests run for seconds, mostly starting: with
	 * the C1 compiler only they take a quarter less time on two cores, where the C2
	 * compiler's work competes with the run. What the jar does is the same.
	 */
	static List<String> command(List<String> jvmOptions) {
		List<String> options = new ArrayList<>();
		options.add("-XX:TieredStopAtLevel=1");
		options.addAll(jvmOptions);
		return commandForLargeInput(options);
	}

	/**
	 * The command for a test of a large input, which the C2 compiler makes faster: a
	 * million records take a sixth longer with C1 only.
	 */
	static List<String> commandForLargeInput(List<String> jvmOptions) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.add("-jar");
		command.add(jar());
		return command;
	}

	/** The command line that runs the jar, for a shell. */
	static String javaCommand() {
		return String.join(" ", command(List.of("-Xmx256m")));
	}

	static String jar() {
		String jar = System.getProperty("exchange.jar");
		assertThat(jar).as("exchange.jar system property (set by the build)").isNotNull();
		return Path.of(jar).toAbsolutePath().toString();
	}

	/**
	 * Waits for a line on stdout that matches, after the line the previous wait matched,
	 * and returns it.
	 */
	String awaitLine(Predicate<String> line, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.out) {
			while (true) {
				for (; this.cursor < this.out.size(); this.cursor++) {
					if (line.test(this.out.get(this.cursor))) {
						return this.out.get(this.cursor++);
					}
				}
				long left = deadline - System.nanoTime();
				if (left <= 0 || (!this.process.isAlive() && !this.outReader.isAlive())) {
					throw new AssertionError(
							"no such line within " + timeout + "; out: " + this.out + "; err: " + this.err);
				}
				this.out.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(Math.min(left, 200_000_000L))));
			}
		}
	}

	String awaitLine(String startsWith) throws InterruptedException {
		return awaitLine((line) -> line.startsWith(startsWith), Duration.ofSeconds(120));
	}

	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		waitForExit();
	}

	/**
	 * Sends SIGTERM, as an init system or {@code kill} does. Through the process handle:
	 * Process.destroy() would also close the pipes, and the test would miss what the
	 * process says while it stops.
	 */
	void terminate() {
		this.process.toHandle().destroy();
	}

	int waitForExit() throws InterruptedException {
		assertThat(this.process.waitFor(180, TimeUnit.SECONDS)).as("process ended in time").isTrue();
		this.outReader.join(10_000);
		this.errReader.join(10_000);
		return this.process.exitValue();
	}

	int exitCode() {
		return this.process.exitValue();
	}

	long pid() {
		return this.process.pid();
	}

	String out() {
		synchronized (this.out) {
			return String.join("\n", this.out);
		}
	}

	List<String> errLines() {
		synchronized (this.err) {
			return List.copyOf(this.err);
		}
	}

	private static Thread collect(InputStream stream, List<String> lines) {
		Thread thread = new Thread(() -> {
			try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
				for (String line = reader.readLine(); line != null; line = reader.readLine()) {
					synchronized (lines) {
						lines.add(line);
						lines.notifyAll();
					}
				}
			}
			catch (IOException ex) {
				// the process ended
			}
			synchronized (lines) {
				lines.notifyAll();
			}
		});
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

}
