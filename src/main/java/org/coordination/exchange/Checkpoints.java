package org.coordination.exchange;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Named points in a run where a crash test can stop the process: with the system property
 * {@code exchange.test.checkpoint} set to a point's name, the process prints
 * {@code checkpoint <name>} when it gets there and waits — for the file named by
 * {@code exchange.test.resume-file} to appear, for a stop signal, or to be killed. Tests
 * of kill -9 and SIGTERM use it as a readiness signal instead of guessing with sleeps.
 * Without the property it does nothing.
 */
public final class Checkpoints {

	private static final String CHECKPOINT = System.getProperty("exchange.test.checkpoint");

	private static final String RESUME_FILE = System.getProperty("exchange.test.resume-file");

	private static final CountDownLatch released = new CountDownLatch(1);

	private Checkpoints() {
	}

	/** Marks that the run got to the named point. */
	public static void reach(String name) {
		if (CHECKPOINT == null || !CHECKPOINT.equals(name)) {
			return;
		}
		PrintStream out = System.out;
		out.println("checkpoint " + name);
		out.flush();
		try {
			while (released.getCount() > 0) {
				if (RESUME_FILE != null && Files.exists(Path.of(RESUME_FILE))) {
					return;
				}
				released.await(20, TimeUnit.MILLISECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Lets a waiting run go on, as a stop signal does. */
	public static void release() {
		released.countDown();
	}

}
