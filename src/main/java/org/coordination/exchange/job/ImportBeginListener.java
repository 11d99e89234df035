package org.coordination.exchange.job;

import java.nio.file.Path;

import org.coordination.exchange.store.ImportStore;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Records in the store that an import has begun (or begun again after a restart, keeping
 * its committed chunks). The job instance's id is the import's id.
 */
class ImportBeginListener implements StepExecutionListener {

	private final ImportStore importStore;

	private final Path file;

	private final String sha256;

	private final Long runId;

	ImportBeginListener(ImportStore importStore, Path file, String sha256, Long runId) {
		this.importStore = importStore;
		this.file = file;
		this.sha256 = sha256;
		this.runId = runId;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		long importId = stepExecution.getJobExecution().getJobInstance().getInstanceId();
		this.importStore.begin(importId, this.runId, this.file, this.sha256);
	}

}
