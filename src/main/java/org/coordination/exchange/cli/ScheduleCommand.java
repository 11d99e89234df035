package org.coordination.exchange.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.coordination.exchange.run.ExchangeRunner;
import org.coordination.exchange.job.GracefulShutdown;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.springframework.scheduling.support.CronExpression;

/**
 * {@code schedule}: stays up and performs {@code run} on a cron schedule, one run at a
 * time. Each run opens the store and releases it when done, so {@code history} and manual
 * runs work between scheduled runs.
 */
@Command(name = "schedule", mixinStandardHelpOptions = true,
		description = { "Stays up and performs 'run' on a cron schedule, one run at a time, until stopped.",
				"A tick that comes while a run is going is skipped and logged; a failed run does not stop the "
						+ "schedule. SIGTERM or Ctrl-C lets a running chunk finish, then exits "
						+ "(0 when idle, 1 when a run had to be stopped)." })
class ScheduleCommand implements Callable<Integer>, StoreCommand {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Option(names = "--cron", paramLabel = "EXPR", required = true,
			description = "Spring cron expression with seconds: 'sec min hour day month weekday', "
					+ "e.g. '0 0 6 * * *', or a macro: @yearly, @monthly, @weekly, @daily, @hourly.")
	String cron;

	@Option(names = "--zone", paramLabel = "ZONE",
			description = "Time zone of the schedule, e.g. Europe/Kyiv (default: the machine's).")
	ZoneId zone;

	@Mixin
	RunOptions options;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition wake = this.lock.newCondition();

	@Override
	public StoreOptions store() {
		return this.options.store;
	}

	@Override
	public Integer call() {
		CommandLine commandLine = this.spec.commandLine();
		CronExpression expression = parse(commandLine);
		this.options.check(commandLine);
		ZoneId zoneId = (this.zone != null) ? this.zone : ZoneId.systemDefault();
		PrintWriter out = commandLine.getOut();
		PrintWriter err = commandLine.getErr();
		GracefulShutdown shutdown = GracefulShutdown.current();
		shutdown.onStop(this::wakeUp);
		ZonedDateTime next = expression.next(ZonedDateTime.now(zoneId));
		out.printf("Schedule '%s' (%s): next run at %s. Stop with SIGTERM or Ctrl-C.%n", this.cron, zoneId,
				describe(next));
		out.flush();
		int exitCode = 0;
		while (next != null && !shutdown.requested()) {
			if (!sleepUntil(next, shutdown)) {
				break;
			}
			out.println("Scheduled run at " + describe(next));
			out.flush();
			int runExit = runOnce(next, out, err);
			if (shutdown.requested()) {
				exitCode = (runExit == ExchangeRunner.OK) ? 0 : 1;
				break;
			}
			ZonedDateTime now = ZonedDateTime.now(zoneId);
			ZonedDateTime following = expression.next(next);
			int skipped = 0;
			ZonedDateTime firstSkipped = following;
			while (following != null && !following.isAfter(now)) {
				skipped++;
				following = expression.next(following);
			}
			if (skipped > 0) {
				out.printf("Skipped %d tick(s) from %s: a run was still going.%n", skipped, describe(firstSkipped));
			}
			next = following;
			if (next != null) {
				out.println("Next run at " + describe(next));
			}
			out.flush();
		}
		out.println("Schedule stopped.");
		out.flush();
		return exitCode;
	}

	// A failed run is reported like a manual one and the schedule goes on.
	// The tick names the run: on a store shared by several schedulers one of them makes
	// it.
	private int runOnce(ZonedDateTime tick, PrintWriter out, PrintWriter err) {
		try {
			return this.options.runOnce(tick.toInstant(), out, err);
		}
		catch (RuntimeException ex) {
			if (Failures.storeInUse(ex)) {
				// another process is running on the store: another scheduler making this
				// tick's run, or a manual run; the schedule goes on
				out.println("Skipped the run at " + describe(tick)
						+ ": the store is in use by another process (a run in progress).");
				out.flush();
				return ExchangeRunner.OK;
			}
			Failures.Failure failure = Failures.of(ex, this.options.store.db);
			err.println("error: " + failure.message());
			err.flush();
			return failure.exitCode();
		}
	}

	private CronExpression parse(CommandLine commandLine) {
		try {
			return CronExpression.parse(this.cron);
		}
		catch (IllegalArgumentException ex) {
			throw new CommandLine.ParameterException(commandLine,
					"--cron '" + this.cron + "' is not a cron expression: " + ex.getMessage());
		}
	}

	/** Waits until the time comes; false when a stop signal came first. */
	private boolean sleepUntil(ZonedDateTime time, GracefulShutdown shutdown) {
		this.lock.lock();
		try {
			while (!shutdown.requested()) {
				long millis = Duration.between(ZonedDateTime.now(time.getZone()), time).toMillis();
				if (millis <= 0) {
					return true;
				}
				this.wake.await(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
			}
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		finally {
			this.lock.unlock();
		}
	}

	private void wakeUp() {
		this.lock.lock();
		try {
			this.wake.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	private static String describe(ZonedDateTime time) {
		return (time != null) ? TIME.format(time) : "never";
	}

}
