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

	@Bean
	Step importStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ExchangeFileItemReader exchangeFileItemReader, ExchangeRecordProcessor exchangeRecordProcessor,
			JdbcExchangeRecordWriter jdbcExchangeRecordWriter, StagedRecordIds stagedRecordIds,
			ImportBeginListener importBeginListener, ImportProgressListener importProgressListener,
			ImportStopListener importStopListener, @Value("${exchange.chunk-size:1000}") int chunkSize) {
		return new StepBuilder("importStep", jobRepository).<RawRecord, ImportedRow>chunk(chunkSize)
			.transactionManager(transactionManager)
			.reader(exchangeFileItemReader)
			.processor(exchangeRecordProcessor)
			.writer(jdbcExchangeRecordWriter)
			.listener(importBeginListener)
			.listener(stagedRecordIds)
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

}
