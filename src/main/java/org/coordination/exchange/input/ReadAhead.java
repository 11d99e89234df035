package org.coordination.exchange.input;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Items made ahead in a thread of their own, at most {@code capacity} of them, while the
 * caller uses the previous ones: reading a file on one core while the caller works on
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

	private volatile boolean closed;

	private boolean ended;

	/**
	 * Starts making items at once.
	 * @param name the thread's name
	 * @param capacity items made ahead at most
	 * @param producer the next item, {@code null} at the end
	 */
	public ReadAhead(String name, int capacity, Supplier<T> producer) {
		this.ahead = new ArrayBlockingQueue<>(capacity);
		this.thread = new Thread(() -> produce(producer), name);
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void produce(Supplier<T> producer) {
		try {
			for (T item = producer.get(); item != null; item = producer.get()) {
				if (!handOver(item)) {
					return;
				}
			}
			handOver(END);
		}
		catch (Throwable ex) {
			handOver(ex);
		}
	}

	/** Waits for room; {@code false} when closed meanwhile. */
	private boolean handOver(Object item) {
		try {
			while (!this.ahead.offer(item, 100, TimeUnit.MILLISECONDS)) {
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
		return (T) next;
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

}
