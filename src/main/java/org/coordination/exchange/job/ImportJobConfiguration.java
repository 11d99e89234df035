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

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.listener.ExecutionContextPromotionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
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

	@Bean
	Job importFileJob(JobRepository jobRepository, Step importStep, Step publishStep) {
		return new JobBuilder(JOB_NAME, jobRepository).start(importStep).next(publishStep).build();
	}

	@Bean
	Step importStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ExchangeFileItemReader exchangeFileItemReader, ExchangeRecordProcessor exchangeRecordProcessor,
			JdbcExchangeRecordWriter jdbcExchangeRecordWriter, StagedRecordIds stagedRecordIds,
			ImportBeginListener importBeginListener, ImportProgressListener importProgressListener,
			ImportStopListener importStopListener, @Value("${exchange.chunk-size:1000}") int chunkSize) {
		ExecutionContextPromotionListener promotion = new ExecutionContextPromotionListener();
		promotion.setKeys(new String[] { ExchangeFileItemReader.RECORDS_READ });
		return new StepBuilder("importStep", jobRepository).<RawRecord, ImportedRow>chunk(chunkSize)
			.transactionManager(transactionManager)
			.reader(exchangeFileItemReader)
			.processor(exchangeRecordProcessor)
			.writer(jdbcExchangeRecordWriter)
			.listener(importBeginListener)
			.listener(stagedRecordIds)
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
			@Value("#{jobParameters['input.separator']}") String separator) {
		Character sep = "detect".equals(separator) ? null : separator.charAt(0);
		return new ExchangeFileItemReader(Path.of(file), displayPath, new CsvOptions(Charset.forName(encoding), sep));
	}

	@Bean
	@StepScope
	ExchangeRecordProcessor exchangeRecordProcessor(@Value("#{jobParameters['input.file']}") String file,
			ExchangeFileItemReader exchangeFileItemReader, ReferenceData referenceData,
			@Value("#{jobParameters['run.date']}") LocalDate runDate, StagedRecordIds stagedRecordIds) {
		return ExchangeRecordProcessor.forFile(Path.of(file), exchangeFileItemReader::header,
				new ExchangeRecordValidator(referenceData, runDate), stagedRecordIds);
	}

	@Bean
	@StepScope
	StagedRecordIds stagedRecordIds(@Value("#{jobParameters['input.file']}") String file, ImportStore importStore,
			@Value("#{stepExecution.jobExecution.jobInstance.instanceId}") long importId) {
		return new StagedRecordIds(importStore, importId, expectedRows(Path.of(file)));
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
	ImportBeginListener importBeginListener(ImportStore importStore,
			@Value("#{jobParameters['input.file']}") String file,
			@Value("#{jobParameters['input.sha256']}") String sha256, @Value("#{jobParameters['run.id']}") Long runId) {
		return new ImportBeginListener(importStore, Path.of(file), sha256, runId);
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
