package org.coordination.exchange.job;

import org.coordination.exchange.run.GracefulShutdown;
import org.coordination.exchange.store.ImportStore;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.core.scope.context.ChunkContext;

/**
 * Ends a file's import: over the reject limit the file fails and nothing of it becomes
 * visible; otherwise all its records become visible at once (SPEC §3, §4). Files of one
 * run publish in their order ({@link PublishTurns}); a stop signal that comes while a
 * file waits for its turn stops it before it publishes, to publish in order on restart.
 */
class ImportPublishTasklet implements Tasklet {

	private final ImportStore store;

	private final long importId;

	private final long maxRejects;

	private final PublishTurns turns;

	private final long position;

	ImportPublishTasklet(ImportStore store, long importId, long maxRejects, PublishTurns turns, long position) {
		this.store = store;
		this.importId = importId;
		this.maxRejects = maxRejects;
		this.turns = turns;
		this.position = position;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		StepExecution step = chunkContext.getStepContext().getStepExecution();
		this.turns.awaitTurn(this.position);
		if (GracefulShutdown.current().requested()) {
			step.setTerminateOnly();
			return RepeatStatus.FINISHED;
		}
		long rowsRead = rowsRead(step);
		long rejected = this.store.rejectedCount(this.importId);
		if (rejected > this.maxRejects) {
			String message = rejected + " rejected rows exceed the reject limit of " + this.maxRejects;
			this.store.fail(this.importId, rowsRead, message);
			throw new RejectLimitExceededException(message);
		}
		this.store.publish(this.importId, rowsRead);
		return RepeatStatus.FINISHED;
	}

	private long rowsRead(StepExecution publishStep) {
		ExecutionContext jobContext = publishStep.getJobExecution().getExecutionContext();
		return jobContext.getLong(ExchangeFileItemReader.RECORDS_READ, 0L);
	}

}
