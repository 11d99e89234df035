package org.coordination.exchange.input;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The records of an {@link ExchangeFileReader}, framed and split in a thread of their own
 * while the caller validates the previous ones: two cores for one file. Records are
 * handed over in small batches, bounded in number and in characters, so memory stays flat
 * even for rows of the longest allowed fields. A problem with the file surfaces from
 * {@link #next()} after the records before it, as if read in the caller's thread.
 */
public final class ReadAheadRecords implements AutoCloseable {

	private static final int BATCH_RECORDS = 128;

	private static final int BATCH_CHARS = 1 << 20;

	private static final int BATCHES_AHEAD = 4;

	private static final Object END = new Object();

	// batches (List<RawRecord>), END, or the Throwable that ended the reading
	private final BlockingQueue<Object> ahead = new ArrayBlockingQueue<>(BATCHES_AHEAD);

	private final Thread thread;

	private volatile boolean closed;

	private Iterator<RawRecord> batch = Collections.emptyIterator();

	private boolean ended;

	public ReadAheadRecords(ExchangeFileReader reader) {
		this.thread = new Thread(() -> readAhead(reader), "exchange-read-ahead");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void readAhead(ExchangeFileReader reader) {
		try {
			List<RawRecord> records = new ArrayList<>(BATCH_RECORDS);
			long chars = 0;
			for (RawRecord record = reader.next(); record != null; record = reader.next()) {
				records.add(record);
				chars += record.raw().length();
				if (records.size() == BATCH_RECORDS || chars >= BATCH_CHARS) {
					if (!handOver(records)) {
						return;
					}
					records = new ArrayList<>(BATCH_RECORDS);
					chars = 0;
				}
			}
			if (!records.isEmpty() && !handOver(records)) {
				return;
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
	 * The next record, or {@code null} at the end of the file.
	 * @throws InputFileException for a problem with the file, after the records before it
	 */
	@SuppressWarnings("unchecked")
	public RawRecord next() {
		while (!this.batch.hasNext()) {
			if (this.ended) {
				return null;
			}
			Object next;
			try {
				next = this.ahead.take();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while reading", ex);
			}
			if (next == END) {
				this.ended = true;
				return null;
			}
			if (next instanceof RuntimeException ex) {
				this.ended = true;
				throw ex;
			}
			if (next instanceof Error error) {
				this.ended = true;
				throw error;
			}
			this.batch = ((List<RawRecord>) next).iterator();
		}
		return this.batch.next();
	}

	/** Stops reading ahead; the reader itself is closed by its owner, after this. */
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
