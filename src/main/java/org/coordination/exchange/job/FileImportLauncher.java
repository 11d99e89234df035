package org.coordination.exchange.job;

import org.coordination.exchange.input.InputFileException;
import org.coordination.exchange.store.ImportStore;
import org.coordination.exchange.store.ImportStore.ImportCounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Imports one file by starting its job instance, or restarting it where an earlier run
 * failed, stopped or died, and tells what came of it.
 */
@Component
public class FileImportLauncher {

	private static final Logger logger = LoggerFactory.getLogger(FileImportLauncher.class);

	// a failure message is one line on the terminal and fits the store's message column
	private static final int MAX_MESSAGE = 300;

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job importFileJob;

	private final ImportStore importStore;

	FileImportLauncher(JobOperator jobOperator, JobRepository jobRepository, Job importFileJob,
			ImportStore importStore) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.importFileJob = importFileJob;
		this.importStore = importStore;
	}

	/**
	 * Stages one file's rows: starts its job instance, or restarts it where an earlier
	 * run failed, stopped or died. An instance that already completed was staged by an
	 * earlier run that ended before publishing it (or withdrew it when its reports could
	 * not be written): it is staged as it is, not read again.
	 */
	public ImportOutcome importFile(ImportJobParameters parameters) {
		JobParameters jobParameters = parameters.toJobParameters();
		long resumedAfter = prepareRestart(parameters, jobParameters);
		JobExecution execution;
		try {
			execution = this.jobOperator.start(this.importFileJob, jobParameters);
		}
		catch (JobInstanceAlreadyCompleteException ex) {
			JobExecution last = this.jobRepository.getLastJobExecution(ImportJobConfiguration.JOB_NAME, jobParameters);
			long staged = recordsRead(last);
			logger.info("{}: publishing the {} rows an earlier run staged; the file is not read again",
					parameters.file(), staged);
			return ImportOutcome.staged(last.getJobInstanceId(), staged, staged);
		}
		catch (Exception ex) {
			return ImportOutcome.failed(describe(ex), null);
		}
		long importId = execution.getJobInstanceId();
		if (execution.getStatus() == BatchStatus.COMPLETED) {
			return ImportOutcome.staged(importId, recordsRead(execution), resumedAfter);
		}
		if (execution.getStatus() == BatchStatus.STOPPED) {
			return ImportOutcome.stopped(recordsRead(execution));
		}
		Throwable cause = rootCause(execution);
		String message = (cause != null) ? describe(cause) : "import ended with status " + execution.getStatus();
		ImportCounts counts = this.importStore.fail(importId, 0, message);
		if (cause instanceof InputFileException) {
			return ImportOutcome.unusable(message);
		}
		return ImportOutcome.failed(message, counts);
	}

	/**
	 * An import that a dead process left STARTED is marked failed so that it can be
	 * restarted; returns how many records a restart skips over, or -1 for a fresh start.
	 */
	private long prepareRestart(ImportJobParameters parameters, JobParameters jobParameters) {
		JobExecution last = this.jobRepository.getLastJobExecution(ImportJobConfiguration.JOB_NAME, jobParameters);
		if (last == null || last.getStatus() == BatchStatus.COMPLETED) {
			return -1;
		}
		boolean recovered = last.getStatus().isRunning();
		if (recovered) {
			this.jobOperator.recover(last);
			logger.info("{}: recovered an import left unfinished by a process that died (job execution {})",
					parameters.file(), last.getId());
		}
		long resumeAfter = recordsRead(last);
		if (!recovered && resumeAfter == 0) {
			// it failed before reading anything (such as a missing column): simply tried
			// again
			return -1;
		}
		logger.info("{}: restarting an unfinished import, resuming after {} rows already imported", parameters.file(),
				resumeAfter);
		return resumeAfter;
	}

	/** Records read by the import step's committed chunks. */
	private long recordsRead(JobExecution execution) {
		StepExecution step = this.jobRepository.getLastStepExecution(execution.getJobInstance(), "importStep");
		return (step != null) ? step.getExecutionContext().getLong(ExchangeFileItemReader.RECORDS_READ, 0L) : 0;
	}

	/**
	 * One short line for the user: a file-level problem says it all; for anything else
	 * the innermost cause says most ("Java heap space", a database error), not the
	 * framework's "Unable to process chunk". Spring Batch logs the whole trace to the log
	 * file.
	 */
	static String describe(Throwable cause) {
		if (cause instanceof InputFileException) {
			return cause.getMessage();
		}
		Throwable describe = cause;
		while (describe.getCause() != null && describe.getCause() != describe) {
			describe = describe.getCause();
		}
		String message = describe.getMessage();
		if (message == null || message.isBlank()) {
			message = describe.getClass().getSimpleName();
		}
		message = message.lines().findFirst().orElse(message);
		return (message.length() > MAX_MESSAGE) ? message.substring(0, MAX_MESSAGE) + "…" : message;
	}

	private static Throwable rootCause(JobExecution execution) {
		for (Throwable failure : execution.getAllFailureExceptions()) {
			for (Throwable t = failure; t != null; t = t.getCause()) {
				if (t instanceof InputFileException) {
					return t;
				}
			}
		}
		return execution.getAllFailureExceptions().stream().findFirst().orElse(null);
	}

}
