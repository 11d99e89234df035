package org.coordination.exchange.job;

import org.coordination.exchange.run.GracefulShutdown;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.support.JobExecutionShutdownHook;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Registers Spring Batch's shutdown hook for each running import (Boot does not), so that
 * a stop signal lets the current chunk finish and leaves the execution STOPPED, ready to
 * be restarted, never STARTED.
 */
class ImportShutdownListener implements JobExecutionListener {

	private final ObjectProvider<JobOperator> jobOperator;

	private Thread hook;

	ImportShutdownListener(ObjectProvider<JobOperator> jobOperator) {
		this.jobOperator = jobOperator;
	}

	@Override
	public void beforeJob(JobExecution jobExecution) {
		this.hook = new JobExecutionShutdownHook(jobExecution, this.jobOperator.getObject());
		try {
			if (GracefulShutdown.current().requested()) {
				throw new IllegalStateException("shutting down");
			}
			Runtime.getRuntime().addShutdownHook(this.hook);
		}
		catch (IllegalStateException shuttingDown) {
			// the signal came before this job started: stop it at its first chunk
			this.hook.run();
			this.hook = null;
		}
	}

	@Override
	public void afterJob(JobExecution jobExecution) {
		if (this.hook != null) {
			try {
				Runtime.getRuntime().removeShutdownHook(this.hook);
			}
			catch (IllegalStateException shuttingDown) {
				// the hook is running or has run; nothing to undo
			}
			this.hook = null;
		}
	}

}
