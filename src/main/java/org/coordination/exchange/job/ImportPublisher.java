package org.coordination.exchange.job;

import org.coordination.exchange.store.ImportStore;
import org.coordination.exchange.store.ImportStore.ImportCounts;

import org.springframework.stereotype.Component;

/**
 * Ends a staged import (SPEC §3, §4): over the reject limit the file fails and nothing of
 * it becomes visible; otherwise all its records become visible at once, replacing earlier
 * records with the same ids. A run publishes its files in their order, so the store ends
 * as if they had been imported one after the other.
 */
@Component
public class ImportPublisher {

	private final ImportStore store;

	ImportPublisher(ImportStore store) {
		this.store = store;
	}

	/**
	 * @param staged a {@link ImportOutcome.Status#STAGED} import
	 * @param runId the run that publishes it
	 * @param maxRejects the reject limit (SPEC §3: the limit itself is allowed)
	 * @return {@code IMPORTED} with its counts, or {@code FAILED} over the limit
	 */
	public ImportOutcome publish(ImportOutcome staged, long runId, long maxRejects) {
		long rejected = this.store.rejectedCount(staged.importId());
		if (rejected > maxRejects) {
			String message = rejected + " rejected rows exceed the reject limit of " + maxRejects;
			ImportCounts counts = this.store.fail(staged.importId(), staged.rowsRead(), message);
			return ImportOutcome.failed(message, counts);
		}
		return ImportOutcome.imported(this.store.publish(staged.importId(), runId, staged.rowsRead()),
				staged.resumedAfter());
	}

}
