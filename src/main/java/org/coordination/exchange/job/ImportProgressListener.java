package org.coordination.exchange.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Shows that a long import is alive: one line every few seconds with rows read and the
 * rate. Short imports print nothing.
 */
class ImportProgressListener implements ChunkListener<Object, Object>, StepExecutionListener {

	private static final Logger logger = LoggerFactory.getLogger(ImportProgressListener.class);

	private static final long INTERVAL_NANOS = 5_000_000_000L;

	private String fileName = "";

	private long startNanos;

	private long lastReportNanos;

	private long rows;

	@Override
	public void beforeStep(StepExecution stepExecution) {
		String file = stepExecution.getJobExecution().getJobParameters().getString(ImportJobParameters.FILE);
		this.fileName = (file != null) ? java.nio.file.Path.of(file).getFileName().toString() : "";
		this.startNanos = System.nanoTime();
		this.lastReportNanos = this.startNanos;
		this.rows = 0;
	}

	@Override
	public void afterChunk(Chunk<Object> chunk) {
		this.rows += chunk.size();
		long now = System.nanoTime();
		if (now - this.lastReportNanos >= INTERVAL_NANOS) {
			this.lastReportNanos = now;
			double seconds = (now - this.startNanos) / 1e9;
			logger.info("{}: {} rows read ({} rows/s)", this.fileName, this.rows, Math.round(this.rows / seconds));
		}
	}

}
