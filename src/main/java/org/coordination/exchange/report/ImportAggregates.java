package org.coordination.exchange.report;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.coordination.exchange.Checkpoints;
import org.coordination.exchange.record.ExchangeRecord;
import org.coordination.exchange.store.ImportStore;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The report tables of each import, counted while the import reads its rows and kept in
 * the store beside it once it is published, so that no report, of this run or a later
 * one, reads those rows back (reading a million records was about half the reports'
 * time). The reader thread has a core to spare for it.
 * <p>
 * An import counts its accepted records from its first row ({@link #begin}); once it is
 * published its tables are kept ({@link #imported}), and any other end drops them
 * ({@link #discard}, {@link #end}). The reports use kept tables only while the store
 * confirms them (see {@link ReportPublisher}).
 */
@Component
public class ImportAggregates {

	// imports counting their records, by import id
	private final Map<Long, Pending> reading = new ConcurrentHashMap<>();

	private final ImportStore importStore;

	public ImportAggregates(ImportStore importStore) {
		this.importStore = importStore;
	}

	/**
	 * Starts counting an import that reads its file from the first row: each accepted
	 * record goes to the returned action, from one thread.
	 */
	public Consumer<ExchangeRecord> begin(long runId, long importId) {
		Pending pending = new Pending(runId);
		this.reading.put(importId, pending);
		return pending;
	}

	/** Drops an import's count: it did not read, or was not published from, all rows. */
	public void discard(long importId) {
		this.reading.remove(importId);
	}

	/** An import counted from its first row was published: its tables are kept. */
	public void imported(long importId) {
		Pending pending = this.reading.remove(importId);
		if (pending == null) {
			return;
		}
		Checkpoints.reach("tables");
		try {
			this.importStore.saveTables(importId, pending.records, ReportTablesCodec.write(pending.tables));
		}
		catch (DataAccessException ex) {
			// only a loss of speed: the reports read this import's records instead
			LoggerFactory.getLogger(ImportAggregates.class)
				.warn("Cannot keep the report tables of import {}; the reports read its records instead", importId, ex);
		}
	}

	/** A run ended: the counts of its imports that were not published are dropped. */
	public void end(long runId) {
		this.reading.values().removeIf((pending) -> pending.runId == runId);
	}

	private static final class Pending implements Consumer<ExchangeRecord> {

		private final long runId;

		private final ReportAggregator tables = new ReportAggregator();

		private long records;

		Pending(long runId) {
			this.runId = runId;
		}

		@Override
		public void accept(ExchangeRecord record) {
			this.tables.add(record);
			this.records++;
		}

	}

}
