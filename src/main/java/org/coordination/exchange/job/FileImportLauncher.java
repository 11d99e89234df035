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
import org.springframework.stereotype.Component;

/**
 * Imports one file by starting its job instance, or restarting it where an earlier run
 * failed or was interrupted, and tells what came of it.
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

	public ImportOutcome importFile(ImportJobParameters parameters) {
		JobParameters jobParameters = parameters.toJobParameters();
		recoverInterrupted(jobParameters);
		JobExecution execution;
		try {
			execution = this.jobOperator.start(this.importFileJob, jobParameters);
		}
		catch (JobInstanceAlreadyCompleteException ex) {
			JobExecution last = this.jobRepository.getLastJobExecution(ImportJobConfiguration.JOB_NAME, jobParameters);
			return ImportOutcome.imported(this.importStore.counts(last.getJobInstanceId()).orElseThrow());
		}
		catch (Exception ex) {
			return ImportOutcome.failed(ex.getMessage(), null);
		}
		long importId = execution.getJobInstanceId();
		if (execution.getStatus() == BatchStatus.COMPLETED) {
			return ImportOutcome.imported(this.importStore.counts(importId).orElseThrow());
		}
		Throwable cause = rootCause(execution);
		if (cause instanceof RejectLimitExceededException) {
			return ImportOutcome.failed(cause.getMessage(), this.importStore.counts(importId).orElse(null));
		}
		String message = (cause != null) ? describe(cause) : "import ended with status " + execution.getStatus();
		ImportCounts counts = this.importStore.fail(importId, 0, message);
		if (cause instanceof InputFileException) {
			return ImportOutcome.unusable(message);
		}
		return ImportOutcome.failed(message, counts);
	}

	// A process that died mid-import leaves its execution STARTED; mark it failed so the
	// same instance can be restarted from its last committed chunk.
	private void recoverInterrupted(JobParameters jobParameters) {
		JobExecution last = this.jobRepository.getLastJobExecution(ImportJobConfiguration.JOB_NAME, jobParameters);
		if (last != null && last.getStatus().isRunning()) {
			logger.info("Recovering an import interrupted in an earlier run (execution {})", last.getId());
			this.jobOperator.recover(last);
		}
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
				if (t instanceof InputFileException || t instanceof RejectLimitExceededException) {
					return t;
				}
			}
		}
		return execution.getAllFailureExceptions().stream().findFirst().orElse(null);
	}

	/**
	 * What came of one file's import.
	 *
	 * @param status {@code IMPORTED}, {@code FAILED}, or {@code UNUSABLE} (a file-level
	 * problem with the input itself)
	 * @param message why it failed, {@code null} when imported
	 * @param counts the import's counts, {@code null} when nothing was read
	 */
	public record ImportOutcome(String status, String message, ImportCounts counts) {

		static ImportOutcome imported(ImportCounts counts) {
			return new ImportOutcome("IMPORTED", null, counts);
		}

		static ImportOutcome failed(String message, ImportCounts counts) {
			return new ImportOutcome("FAILED", message, counts);
		}

		static ImportOutcome unusable(String message) {
			return new ImportOutcome("UNUSABLE", message, null);
		}

	}

}
