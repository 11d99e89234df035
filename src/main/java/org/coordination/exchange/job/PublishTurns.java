package org.coordination.exchange.job;

import java.util.HashSet;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Keeps a run's publishes in the order of its files while their imports run side by side:
 * a later file replaces the records of an earlier one (SPEC §4), so the store ends
 * exactly as after one file at a time. The file at position {@code n} publishes only when
 * every earlier position is finished.
 */
@Component
public class PublishTurns {

	/** The position of an import that is not part of an ordered run. */
	public static final long UNORDERED = -1;

	private long next;

	private final Set<Long> finished = new HashSet<>();

	/** Starts a new run's positions at 0. */
	public synchronized void reset() {
		this.next = 0;
		this.finished.clear();
		notifyAll();
	}

	/** Waits until every position before this one is finished. */
	synchronized void awaitTurn(long position) throws InterruptedException {
		while (position != UNORDERED && position > this.next) {
			wait();
		}
	}

	/** This position's file is done with, whatever came of it. */
	public synchronized void finished(long position) {
		if (position == UNORDERED) {
			return;
		}
		this.finished.add(position);
		while (this.finished.remove(this.next)) {
			this.next++;
		}
		notifyAll();
	}

}
