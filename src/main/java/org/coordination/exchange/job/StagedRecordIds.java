package org.coordination.exchange.job;

import java.util.HashSet;
import java.util.Set;

import org.coordination.exchange.store.ImportStore;
import org.coordination.exchange.store.ImportedRow;
import org.coordination.exchange.validation.AcceptedRecordIds;

import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Duplicate detection for one import in flat memory: a set of every accepted id would
 * take about a gigabyte at ten million rows. A Bloom filter of the accepted ids (two
 * bytes per id, {@link RecordIdFilter}) answers "certainly new" for nearly every row; a
 * "maybe" is settled exactly against the ids of the chunk not yet written and, for
 * earlier chunks, the store, so no row is ever rejected for a duplicate it does not have.
 */
class StagedRecordIds implements AcceptedRecordIds, ItemWriteListener<ImportedRow> {

	private final ImportStore store;

	private final long importId;

	private final RecordIdFilter accepted;

	// accepted since the last write, so not yet in the store
	private final Set<String> unwritten = new HashSet<>();

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
	public void add(String recordId) {
		this.accepted.add(recordId);
		this.unwritten.add(recordId);
	}

	@Override
	public boolean contains(String recordId) {
		if (recordId == null || !this.accepted.mightContain(recordId)) {
			return false;
		}
		return this.unwritten.contains(recordId) || this.store.hasAccepted(this.importId, recordId);
	}

	@Override
	public void afterWrite(Chunk<? extends ImportedRow> items) {
		this.unwritten.clear();
	}

}
