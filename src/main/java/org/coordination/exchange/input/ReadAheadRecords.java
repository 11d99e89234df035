package org.coordination.exchange.input;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * The records of an {@link ExchangeFileReader}, framed and split in a thread of their own
 * ({@link ReadAhead}) while the caller validates the previous ones: two cores for one
 * file. Records are handed over in small batches, bounded in number and in characters, so
 * memory stays flat even for rows of the longest allowed fields. A problem with the file
 * surfaces from {@link #next()} after the records before it.
 */
public final class ReadAheadRecords implements AutoCloseable {

	private static final int BATCH_RECORDS = 128;

	private static final int BATCH_CHARS = 1 << 20;

	private static final int BATCHES_AHEAD = 4;

	private final ReadAhead<List<RawRecord>> batches;

	private Iterator<RawRecord> batch = Collections.emptyIterator();

	// a failure met while a batch was being filled: thrown after that batch is handed
	// over
	private RuntimeException failure;

	public ReadAheadRecords(ExchangeFileReader reader) {
		this.batches = new ReadAhead<>("exchange-read-ahead", BATCHES_AHEAD, () -> nextBatch(reader));
	}

	/**
	 * Up to {@link #BATCH_RECORDS} records or {@link #BATCH_CHARS}; {@code null} at the
	 * end. Runs in the reading thread only.
	 */
	private List<RawRecord> nextBatch(ExchangeFileReader reader) {
		if (this.failure != null) {
			throw this.failure;
		}
		List<RawRecord> records = new ArrayList<>(BATCH_RECORDS);
		long chars = 0;
		try {
			while (records.size() < BATCH_RECORDS && chars < BATCH_CHARS) {
				RawRecord record = reader.next();
				if (record == null) {
					break;
				}
				records.add(record);
				chars += record.raw().length();
			}
		}
		catch (RuntimeException ex) {
			if (records.isEmpty()) {
				throw ex;
			}
			this.failure = ex;
		}
		return records.isEmpty() ? null : records;
	}

	/**
	 * The next record, or {@code null} at the end of the file.
	 * @throws InputFileException for a problem with the file, after the records before it
	 */
	public RawRecord next() {
		while (!this.batch.hasNext()) {
			List<RawRecord> records = this.batches.next();
			if (records == null) {
				return null;
			}
			this.batch = records.iterator();
		}
		return this.batch.next();
	}

	/** Stops reading ahead; the reader itself is closed by its owner, after this. */
	@Override
	public void close() {
		this.batches.close();
	}

}
