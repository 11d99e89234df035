package org.coordination.exchange.job;

import org.coordination.exchange.input.RawRecord;
import org.coordination.exchange.store.ImportedRow;

import org.springframework.batch.core.listener.ItemProcessListener;

/**
 * Lets go of each record's fields once it is processed. Spring Batch keeps a chunk's
 * records until the chunk is written; a chunk of rows whose fields hold up to 10,000
 * characters each (SPEC §2) would then take hundreds of megabytes, while what the chunk
 * needs of them is in the processed rows.
 */
class ReleaseProcessedFields implements ItemProcessListener<RawRecord, ImportedRow> {

	@Override
	public void afterProcess(RawRecord item, ImportedRow result) {
		item.releaseFields();
	}

}
