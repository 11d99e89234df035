package org.coordination.exchange.job;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.coordination.exchange.Checkpoints;

/**
 * What a stop signal (SIGTERM, Ctrl-C) does to a command at work: the JVM's shutdown
 * starts, this hook tells the run to stop (Spring Batch's own hook stops the running job
 * execution after its current chunk), waits until the run has recorded how it ended, and
 * then ends the process with the run's exit status instead of the signal's.
 */
public final class GracefulShutdown {

	/** How long a stopping run may take to finish its chunk and record its end. */
	private static final long GRACE_SECONDS = 120;

	private static volatile GracefulShutdown installed = new GracefulShutdown();

	private final Thread hook = new Thread(this::onSignal, "graceful-shutdown");

	private final List<Runnable> stopActions = new CopyOnWriteArrayList<>();

	private final CountDownLatch finished = new CountDownLatch(1);

	private volatile boolean requested;

	private volatile int exitCode = 1;

	private GracefulShutdown() {
	}

	/** Installs the hook for this process; commands ask {@link #current()} for it. */
	public static GracefulShutdown install() {
		GracefulShutdown shutdown = new GracefulShutdown();
		Runtime.getRuntime().addShutdownHook(shutdown.hook);
		installed = shutdown;
		return shutdown;
	}

	/** The installed hook, or one that never fires (in tests that run in-process). */
	public static GracefulShutdown current() {
		return installed;
	}

	/** Whether a stop signal has come. */
	public boolean requested() {
		return this.requested;
	}

	/**
	 * Something to do at once when a stop signal comes, such as waking a sleeping loop.
	 */
	public void onStop(Runnable action) {
		this.stopActions.add(action);
		if (this.requested) {
			action.run();
		}
	}

	/**
	 * Ends the command: returns when no signal came (the caller exits as usual); after a
	 * signal, hands the exit status to the hook and waits for it to end the process.
	 */
	public void exit(int code) {
		try {
			Runtime.getRuntime().removeShutdownHook(this.hook);
		}
		catch (IllegalStateException shuttingDown) {
			this.exitCode = code;
			this.finished.countDown();
			while (true) {
				try {
					Thread.sleep(Long.MAX_VALUE);
				}
				catch (InterruptedException ex) {
					// the hook halts the process
				}
			}
		}
	}

	private void onSignal() {
		this.requested = true;
		Checkpoints.release();
		this.stopActions.forEach(Runnable::run);
		try {
			this.finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		System.out.flush();
		System.err.flush();
		Runtime.getRuntime().halt(this.exitCode);
	}

}
