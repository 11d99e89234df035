package org.coordination.exchange.report;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.coordination.exchange.record.ExchangeRecord;

import org.springframework.stereotype.Component;

/**
 * The report tables of a run's imports, counted while the imports read their rows, so
 * that the reports need not read those rows back from the store (about half of the
 * reports' time at a million rows). The reader thread has a core to spare for it.
 * <p>
 * An import counts its accepted records from its first row ({@link #begin}); once it is
 * published its tables join its run's ({@link #imported}), and any other end drops them
 * ({@link #discard}). The reports then take the run's tables ({@link #take}) and use them
 * only where the store confirms them: see {@link Counted}.
 */
@Component
public class ImportAggregates {

	// imports counting their records, by import id
	private final Map<Long, Pending> reading = new ConcurrentHashMap<>();

	// published imports' tables, by run id
	private final Map<Long, Counted> runs = new ConcurrentHashMap<>();

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

	/** An import counted from its first row was published by its run. */
	public void imported(long runId, long importId) {
		Pending pending = this.reading.remove(importId);
		if (pending != null) {
			this.runs.computeIfAbsent(runId, (id) -> new Counted(new ReportAggregator(), new HashMap<>()))
				.add(importId, pending);
		}
	}

	/**
	 * The tables of a run's published imports; they, and the counts of its imports that
	 * were not published, are forgotten here.
	 */
	public Counted take(long runId) {
		this.reading.values().removeIf((pending) -> pending.runId == runId);
		Counted counted = this.runs.remove(runId);
		return (counted != null) ? counted : Counted.none();
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

	/**
	 * Report tables of whole imports, and how many records each import counted. They
	 * stand for the store's records of those imports only while each import is still
	 * published with exactly that many accepted records, none of them since replaced (a
	 * later file of the same run may have corrected some).
	 */
	public static final class Counted {

		private final ReportAggregator tables;

		private final Map<Long, Long> records;

		private Counted(ReportAggregator tables, Map<Long, Long> records) {
			this.tables = tables;
			this.records = records;
		}

		/** No imports counted. */
		public static Counted none() {
			return new Counted(new ReportAggregator(), Map.of());
		}

		private synchronized void add(long importId, Pending pending) {
			this.tables.merge(pending.tables);
			this.records.put(importId, pending.records);
		}

		/** Records counted, by import id. */
		public synchronized Map<Long, Long> records() {
			return Map.copyOf(this.records);
		}

		/** The tables; they are taken over by whoever merges them, once. */
		synchronized ReportAggregator tables() {
			return this.tables;
		}

	}

}
