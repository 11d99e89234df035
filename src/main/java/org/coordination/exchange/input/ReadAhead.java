package org.coordination.exchange.input;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * Items made ahead in a thread of their own, at most {@code capacity} of them (and, if
 * given, at most a total weight, so that a few large items cannot fill the heap), while
 * the caller uses the previous ones: reading a file on one core while the caller works on
 * another. A failure of the producer surfaces from {@link #next()} after the items made
 * before it, as if the caller had made them.
 *
 * @param <T> the items
 */
public final class ReadAhead<T> implements AutoCloseable {

	private static final Object END = new Object();

	// items, END, or the Throwable that ended the producer
	private final BlockingQueue<Object> ahead;

	private final Thread thread;

	// the weight the items made ahead may still take
	private final Semaphore room;

	private final int maxWeight;

	private final ToIntFunction<T> weight;

	private volatile boolean closed;

	private boolean ended;

	/**
	 * Starts making items at once.
	 * @param name the thread's name
	 * @param capacity items made ahead at most
	 * @param producer the next item, {@code null} at the end
	 */
	public ReadAhead(String name, int capacity, Supplier<T> producer) {
		this(name, capacity, Integer.MAX_VALUE, (item) -> 0, producer);
	}

	/**
	 * Starts making items at once, no more ahead than {@code capacity} items and
	 * {@code maxWeight} in all (an item heavier than that alone goes as if it weighed
	 * {@code maxWeight}).
	 * @param name the thread's name
	 * @param capacity items made ahead at most
	 * @param maxWeight weight of the items made ahead at most
	 * @param weight an item's weight, the same every time it is asked
	 * @param producer the next item, {@code null} at the end
	 */
	public ReadAhead(String name, int capacity, int maxWeight, ToIntFunction<T> weight, Supplier<T> producer) {
		this.room = new Semaphore(maxWeight);
		this.maxWeight = maxWeight;
		this.weight = weight;
		this.ahead = new ArrayBlockingQueue<>(capacity);
		this.thread = new Thread(() -> produce(producer), name);
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void produce(Supplier<T> producer) {
		try {
			for (T item = producer.get(); item != null; item = producer.get()) {
				if (!makeRoom(weightOf(item)) || !handOver(item)) {
					return;
				}
			}
			handOver(END);
		}
		catch (Throwable ex) {
			handOver(ex);
		}
	}

	private int weightOf(T item) {
		return Math.min(this.weight.applyAsInt(item), this.maxWeight);
	}

	/** Waits for room for this weight; {@code false} when closed meanwhile. */
	private boolean makeRoom(int weight) {
		return keepTrying((timeout, unit) -> this.room.tryAcquire(weight, timeout, unit));
	}

	/** Waits for room in the queue; {@code false} when closed meanwhile. */
	private boolean handOver(Object item) {
		return keepTrying((timeout, unit) -> this.ahead.offer(item, timeout, unit));
	}

	// in short tries, so that a close is noticed while waiting
	private boolean keepTrying(TimedAttempt attempt) {
		try {
			while (!attempt.tryFor(100, TimeUnit.MILLISECONDS)) {
				if (this.closed) {
					return false;
				}
			}
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * The next item, or {@code null} at the end.
	 * @throws RuntimeException the producer's failure, after the items before it
	 */
	@SuppressWarnings("unchecked")
	public T next() {
		if (this.ended) {
			return null;
		}
		Object next;
		try {
			next = this.ahead.take();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while reading ahead", ex);
		}
		if (next == END) {
			this.ended = true;
			return null;
		}
		if (next instanceof Throwable failure) {
			this.ended = true;
			if (failure instanceof RuntimeException ex) {
				throw ex;
			}
			if (failure instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(failure);
		}
		T item = (T) next;
		this.room.release(weightOf(item));
		return item;
	}

	/** Stops the producer and waits for its thread to end; what it made is dropped. */
	@Override
	public void close() {
		this.closed = true;
		try {
			this.thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.ahead.clear();
	}

	@FunctionalInterface
	private interface TimedAttempt {

		boolean tryFor(long timeout, TimeUnit unit) throws InterruptedException;

	}

}
