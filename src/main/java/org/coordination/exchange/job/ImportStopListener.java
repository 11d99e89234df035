package org.coordination.exchange.job;

import org.coordination.exchange.store.ImportedRow;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.support.JobExecutionShutdownHook;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Applies Spring Batch 6's shutdown handling ({@link JobExecutionShutdownHook}, which
 * Boot does not register) when a stop signal has come: the job execution becomes STOPPING
 * and the step STOPPED after the chunk in progress, ready to be restarted.
 * <p>
 * It runs in the step's own thread, at the end of a chunk, not in a JVM shutdown hook:
 * run from another thread, {@code JobOperator.stop} updates the running step's execution
 * while its chunk is still being read and written, and the step could fail instead of
 * stopping. The JVM hook ({@code GracefulShutdown}) only raises the flag read here.
 */
class ImportStopListener implements ItemWriteListener<ImportedRow>, StepExecutionListener {

	private final ObjectProvider<JobOperator> jobOperator;

	private JobExecution jobExecution;

	private boolean stopped;

	ImportStopListener(ObjectProvider<JobOperator> jobOperator) {
		this.jobOperator = jobOperator;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.jobExecution = stepExecution.getJobExecution();
		this.stopped = false;
	}

	@Override
	public void afterWrite(Chunk<? extends ImportedRow> chunk) {
		if (!this.stopped && GracefulShutdown.current().requested()) {
			this.stopped = true;
			new JobExecutionShutdownHook(this.jobExecution, this.jobOperator.getObject()).run();
		}
	}

}
