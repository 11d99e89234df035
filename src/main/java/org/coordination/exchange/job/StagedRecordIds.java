package org.coordination.exchange.job;

import java.util.HashSet;
import java.util.Set;

import org.coordination.exchange.store.ImportedRow;
import org.coordination.exchange.store.ImportStore;
import org.coordination.exchange.validation.AcceptedRecordIds;

import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * The ids one import has accepted, for the {@code DUPLICATE_RECORD_ID} rule, in flat
 * memory: a set of every id would take about a gigabyte at ten million rows. A Bloom
 * filter of the accepted ids ({@link RecordIdFilter}, 12 bits per id) answers "certainly
 * new" for nearly every row; a "maybe" is settled exactly against the ids of the chunk
 * being processed and, for earlier chunks, the store (the processor runs in the chunk's
 * transaction, so it sees what the chunk before wrote), so no row is ever rejected for a
 * duplicate it does not have.
 */
class StagedRecordIds implements AcceptedRecordIds, StepExecutionListener, ItemWriteListener<ImportedRow> {

	private final ImportStore store;

	private final long importId;

	private final RecordIdFilter accepted;

	// accepted in the chunk being processed, not yet written
	private final Set<String> chunk = new HashSet<>();

	/**
	 * @param expectedIds an estimate of the file's rows; more are still handled exactly,
	 * only with more checks against the store
	 */
	StagedRecordIds(ImportStore store, long importId, long expectedIds) {
		this.store = store;
		this.importId = importId;
		this.accepted = new RecordIdFilter(expectedIds);
	}

	/** A restarted import still rejects ids accepted by its committed chunks. */
	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.store.forEachAcceptedId(this.importId, this.accepted::add);
	}

	@Override
	public void add(String recordId) {
		this.accepted.add(recordId);
		this.chunk.add(recordId);
	}

	@Override
	public boolean contains(String recordId) {
		if (recordId == null || !this.accepted.mightContain(recordId)) {
			return false;
		}
		return this.chunk.contains(recordId) || this.store.hasAccepted(this.importId, recordId);
	}

	/** The chunk is written: its ids are in the store now. */
	@Override
	public void afterWrite(Chunk<? extends ImportedRow> chunk) {
		this.chunk.clear();
	}

}
