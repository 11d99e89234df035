package org.coordination.exchange.job;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.coordination.exchange.input.CsvOptions;
import org.coordination.exchange.input.RawRecord;
import org.coordination.exchange.store.ImportStore;
import org.coordination.exchange.store.ImportedRow;
import org.coordination.exchange.store.JdbcExchangeRecordWriter;
import org.coordination.exchange.validation.ExchangeRecordValidator;
import org.coordination.exchange.validation.ReferenceData;

import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.core.task.support.TaskExecutorAdapter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires the import of one input file: a chunk-oriented step that reads its raw records,
 * validates them and checks duplicates, and stages them in the store, none visible yet.
 * One job instance per file content (its id is the import's id), so each file is its own
 * restartable unit; the run publishes staged imports in file order
 * ({@link ImportPublisher}).
 */
@Configuration(proxyBeanMethods = false)
class ImportJobConfiguration {

	static final String JOB_NAME = "importFileJob";

	@Bean
	Job importFileJob(JobRepository jobRepository, Step importStep) {
		return new JobBuilder(JOB_NAME, jobRepository).start(importStep).build();
	}

	/**
	 * The import step of one file, built for each job execution (each file's import) from
	 * its job parameters: its reader, processor, writer and listeners are plain objects
	 * of that import, called directly, not through step-scoped proxies for every row.
	 */
	@Bean
	@JobScope
	Step importStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, ImportStore importStore,
			JdbcTemplate jdbcTemplate, ReferenceData referenceData, ObjectProvider<JobOperator> jobOperator,
			@Value("#{jobParameters['input.file']}") String file,
			@Value("#{jobParameters['input.display-path']}") String displayPath,
			@Value("#{jobParameters['input.encoding']}") String encoding,
			@Value("#{jobParameters['input.separator']}") String separator,
			@Value("#{jobParameters['input.sha256']}") String sha256, @Value("#{jobParameters['run.id']}") Long runId,
			@Value("#{jobParameters['run.date']}") LocalDate runDate,
			@Value("#{jobExecution.jobInstance.instanceId}") long importId,
			@Value("${exchange.chunk-size:1000}") int chunkSize,
			@Value("${exchange.progress-interval-millis:5000}") long progressIntervalMillis) {
		Path path = Path.of(file);
		Character sep = "detect".equals(separator) ? null : separator.charAt(0);
		ExchangeFileItemReader reader = new ExchangeFileItemReader(path, displayPath,
				new CsvOptions(Charset.forName(encoding), sep));
		StagedRecordIds acceptedIds = new StagedRecordIds(importStore, importId, expectedRows(path));
		ExchangeRecordProcessor processor = ExchangeRecordProcessor.forFile(path, reader::header,
				new ExchangeRecordValidator(referenceData, runDate), acceptedIds);
		return new StepBuilder("importStep", jobRepository).<RawRecord, ImportedRow>chunk(chunkSize)
			.transactionManager(transactionManager)
			// each record is processed as soon as it is read, in file order on the step's
			// thread (Batch 6 keeps a chunk's records until it is written either way):
			// the
			// duplicate rule sees rows in file order, and checks the store in the chunk's
			// transaction
			.taskExecutor(new TaskExecutorAdapter(new SyncTaskExecutor()))
			.reader(reader)
			.processor(processor)
			.writer(new JdbcExchangeRecordWriter(jdbcTemplate, importId))
			.listener(new ReleaseProcessedFields())
			.listener(new ImportBeginListener(importStore, path, sha256, runId))
			.listener(acceptedIds)
			.listener(new ImportProgressListener(reader, System.console() != null, progressIntervalMillis))
			// after the progress listener, whose checkpoint a stop signal releases
			.listener(new ImportStopListener(jobOperator))
			.build();
	}

	/** An estimate of a file's rows (real rows are about a hundred bytes). */
	private static long expectedRows(Path file) {
		try {
			return Files.size(file) / 64;
		}
		catch (IOException ex) {
			// the reader reports the file's problem
			return 0;
		}
	}

	/** Built-in service branches plus the operator's extension file, if configured. */
	@Bean
	ReferenceData referenceData(@Value("${exchange.branches-file:}") String branchesFile) {
		return branchesFile.isBlank() ? ReferenceData.defaults() : ReferenceData.withExtension(Path.of(branchesFile));
	}

}
