package org.coordination.exchange.job;

import java.util.ArrayDeque;
import java.util.Deque;

import org.coordination.exchange.store.ImportStore;
import org.coordination.exchange.validation.AcceptedRecordIds;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Duplicate detection for one import in flat memory: a set of every accepted id would
 * take about a gigabyte at ten million rows. A Bloom filter of the accepted ids
 * ({@link RecordIdFilter}, 12 bits per id) answers "certainly new" for nearly every row;
 * a "maybe" is settled exactly against the ids not yet committed and, for those
 * committed, the store, so no row is ever rejected for a duplicate it does not have.
 * <p>
 * Ids are added and checked by the reading thread while the step's thread writes and
 * commits chunks: an id leaves the uncommitted list only after its chunk's commit, so at
 * any moment it is in the list, in the store, or both.
 */
class StagedRecordIds implements AcceptedRecordIds {

	private final ImportStore store;

	private final long importId;

	private final RecordIdFilter accepted;

	// accepted ids not yet committed, in the order they were accepted
	private final Deque<Uncommitted> uncommitted = new ArrayDeque<>();

	// ids accepted so far (since the start or restart of the step), by the reading thread
	private long added;

	// ids written so far, by the step's thread
	private long written;

	/**
	 * @param expectedIds an estimate of the file's rows; more are still handled exactly,
	 * only with more checks against the store
	 */
	StagedRecordIds(ImportStore store, long importId, long expectedIds) {
		this.store = store;
		this.importId = importId;
		this.accepted = new RecordIdFilter(expectedIds);
	}

	/** Takes in the ids of chunks committed before a restart. */
	void restore() {
		this.store.forEachAcceptedId(this.importId, this.accepted::add);
	}

	@Override
	public synchronized void add(String recordId) {
		this.accepted.add(recordId);
		this.uncommitted.addLast(new Uncommitted(++this.added, recordId));
	}

	@Override
	public boolean contains(String recordId) {
		if (recordId == null || !this.accepted.mightContain(recordId)) {
			return false;
		}
		return isUncommitted(recordId) || this.store.hasAccepted(this.importId, recordId);
	}

	private synchronized boolean isUncommitted(String recordId) {
		for (Uncommitted id : this.uncommitted) {
			if (id.recordId().equals(recordId)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Called in a chunk's transaction once its accepted records are written (they are the
	 * next ones in the order they were accepted): their ids leave the uncommitted list
	 * when the transaction commits.
	 */
	void written(int acceptedRecords) {
		this.written += acceptedRecords;
		long upTo = this.written;
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					committed(upTo);
				}
			});
		}
		else {
			committed(upTo);
		}
	}

	private synchronized void committed(long upTo) {
		while (!this.uncommitted.isEmpty() && this.uncommitted.peekFirst().sequence() <= upTo) {
			this.uncommitted.removeFirst();
		}
	}

	private record Uncommitted(long sequence, String recordId) {

	}

}
