package org.coordination.exchange.job;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.coordination.exchange.input.CsvOptions;
import org.coordination.exchange.report.ImportAggregates;
import org.coordination.exchange.store.ImportStore;
import org.coordination.exchange.store.ImportedRow;
import org.coordination.exchange.store.JdbcExchangeRecordWriter;
import org.coordination.exchange.validation.ExchangeRecordValidator;
import org.coordination.exchange.validation.ReferenceData;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.listener.ExecutionContextPromotionListener;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires the import of one input file: a chunk-oriented step that stages its rows, then a
 * step that publishes them or fails the file. One job instance per file content, so each
 * file is its own restartable unit.
 */
@Configuration(proxyBeanMethods = false)
class ImportJobConfiguration {

	static final String JOB_NAME = "importFileJob";

	// read by the step and by its reader, which keeps a few chunks ahead
	private static final String CHUNK_SIZE = "${exchange.chunk-size:1000}";

	@Bean
	Job importFileJob(JobRepository jobRepository, Step importStep, Step publishStep) {
		return new JobBuilder(JOB_NAME, jobRepository).start(importStep).next(publishStep).build();
	}

	@Bean
	Step importStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ExchangeFileItemReader exchangeFileItemReader, JdbcExchangeRecordWriter jdbcExchangeRecordWriter,
			StepExecutionListener importBeginListener, ImportProgressListener importProgressListener,
			ImportStopListener importStopListener, @Value(CHUNK_SIZE) int chunkSize) {
		ExecutionContextPromotionListener promotion = new ExecutionContextPromotionListener();
		promotion.setKeys(new String[] { ExchangeFileItemReader.RECORDS_READ });
		// the reader validates each record as it reads it (see ExchangeFileItemReader)
		StepBoundReader reader = new StepBoundReader(exchangeFileItemReader);
		return new StepBuilder("importStep", jobRepository).<ImportedRow, ImportedRow>chunk(chunkSize)
			.transactionManager(transactionManager)
			.reader(reader)
			.writer(jdbcExchangeRecordWriter)
			.listener(importBeginListener)
			// to keep duplicate detection in step with the chunks committed
			.listener((ItemWriteListener<ImportedRow>) reader)
			.listener(promotion)
			.listener(importProgressListener)
			// after the progress listener, whose checkpoint a stop signal releases
			.listener(importStopListener)
			.build();
	}

	// step-scoped: files of one run are imported side by side by the same step

	@Bean
	@StepScope
	ImportProgressListener importProgressListener(ExchangeFileItemReader exchangeFileItemReader,
			@Value("${exchange.progress-interval-millis:5000}") long progressIntervalMillis) {
		return new ImportProgressListener(exchangeFileItemReader, System.console() != null, progressIntervalMillis);
	}

	@Bean
	@StepScope
	ImportStopListener importStopListener(ObjectProvider<JobOperator> jobOperator) {
		return new ImportStopListener(jobOperator);
	}

	@Bean
	Step publishStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ImportPublishTasklet importPublishTasklet) {
		return new StepBuilder("publishStep", jobRepository).tasklet(importPublishTasklet, transactionManager).build();
	}

	/** Built-in service branches plus the operator's extension file, if configured. */
	@Bean
	ReferenceData referenceData(@Value("${exchange.branches-file:}") String branchesFile) {
		return branchesFile.isBlank() ? ReferenceData.defaults() : ReferenceData.withExtension(Path.of(branchesFile));
	}

	@Bean
	@StepScope
	ExchangeFileItemReader exchangeFileItemReader(@Value("#{jobParameters['input.file']}") String file,
			@Value("#{jobParameters['input.display-path']}") String displayPath,
			@Value("#{jobParameters['input.encoding']}") String encoding,
			@Value("#{jobParameters['input.separator']}") String separator, ReferenceData referenceData,
			@Value("#{jobParameters['run.date']}") LocalDate runDate, ImportStore importStore,
			@Value("#{stepExecution.jobExecution.jobInstance.instanceId}") long importId,
			@Value("#{jobParameters['run.id']}") Long runId, ImportAggregates importAggregates,
			@Value(CHUNK_SIZE) int chunkSize) {
		Character sep = "detect".equals(separator) ? null : separator.charAt(0);
		return new ExchangeFileItemReader(Path.of(file), displayPath, new CsvOptions(Charset.forName(encoding), sep),
				new ExchangeRecordValidator(referenceData, runDate),
				new StagedRecordIds(importStore, importId, expectedRows(Path.of(file))), importAggregates,
				(runId != null) ? runId : -1, importId, chunkSize);
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

	@Bean
	@StepScope
	StepExecutionListener importBeginListener(ImportStore importStore, ExchangeFileItemReader exchangeFileItemReader,
			@Value("#{jobParameters['input.file']}") String file,
			@Value("#{jobParameters['input.sha256']}") String sha256, @Value("#{jobParameters['run.id']}") Long runId) {
		return new StepExecutionListener() {
			@Override
			public void beforeStep(StepExecution stepExecution) {
				long importId = stepExecution.getJobExecution().getJobInstance().getInstanceId();
				importStore.begin(importId, runId, Path.of(file), sha256);
				// a restarted import still rejects ids accepted by committed chunks
				exchangeFileItemReader.restoreAccepted();
			}
		};
	}

	@Bean
	@StepScope
	JdbcExchangeRecordWriter jdbcExchangeRecordWriter(JdbcTemplate jdbcTemplate,
			@Value("#{stepExecution.jobExecution.jobInstance.instanceId}") long importId) {
		return new JdbcExchangeRecordWriter(jdbcTemplate, importId);
	}

	@Bean
	@StepScope
	ImportPublishTasklet importPublishTasklet(ImportStore importStore,
			@Value("#{stepExecution.jobExecution.jobInstance.instanceId}") long importId,
			@Value("#{jobParameters['max.rejects']}") long maxRejects, PublishTurns publishTurns,
			@Value("#{jobParameters['run.position'] ?: -1}") long position) {
		return new ImportPublishTasklet(importStore, importId, maxRejects, publishTurns, position);
	}

}
