package org.coordination.exchange.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.coordination.exchange.store.ImportedRow;
import org.coordination.exchange.Checkpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Shows that a long import is alive: a progress bar with rate and ETA on an interactive
 * terminal, otherwise one log line every few seconds. Progress is measured in bytes of
 * the file, so the ETA holds from the first chunk.
 */
class ImportProgressListener implements ItemWriteListener<ImportedRow>, StepExecutionListener {

	private static final Logger logger = LoggerFactory.getLogger(ImportProgressListener.class);

	private final ExchangeFileItemReader reader;

	private final boolean interactive;

	private final long logIntervalNanos;

	private String fileName = "";

	private long fileBytes;

	private long startNanos;

	private long startBytes;

	private long lastLogNanos;

	private long rows;

	private long chunks;

	private ProgressBar bar;

	ImportProgressListener(ExchangeFileItemReader reader, boolean interactive, long logIntervalMillis) {
		this.reader = reader;
		this.interactive = interactive;
		this.logIntervalNanos = logIntervalMillis * 1_000_000L;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		String file = stepExecution.getJobExecution().getJobParameters().getString(ImportJobParameters.FILE);
		Path path = Path.of(file);
		this.fileName = path.getFileName().toString();
		try {
			this.fileBytes = Files.size(path);
		}
		catch (IOException ex) {
			this.fileBytes = 0;
		}
		this.startNanos = System.nanoTime();
		this.lastLogNanos = this.startNanos;
		this.startBytes = -1;
		this.rows = 0;
		this.chunks = 0;
	}

	@Override
	public void afterWrite(Chunk<? extends ImportedRow> chunk) {
		this.rows += chunk.size();
		this.chunks++;
		long bytes = this.reader.bytesRead();
		if (this.startBytes < 0) {
			this.startBytes = bytes;
			if (this.interactive) {
				this.bar = new ProgressBarBuilder().setTaskName(this.fileName)
					.setInitialMax(Math.max(this.fileBytes, 1))
					.setUnit(" MB", 1_000_000)
					.setStyle(ProgressBarStyle.ASCII)
					.showSpeed()
					.build();
			}
		}
		if (this.bar != null) {
			this.bar.stepTo(Math.min(bytes, this.fileBytes));
			this.bar.setExtraMessage(" " + this.rows + " rows");
		}
		else {
			logPeriodically(bytes);
		}
		Checkpoints.reach("chunk-" + this.chunks);
	}

	private void logPeriodically(long bytes) {
		long now = System.nanoTime();
		if (now - this.lastLogNanos < this.logIntervalNanos) {
			return;
		}
		this.lastLogNanos = now;
		double seconds = (now - this.startNanos) / 1e9;
		long rate = Math.round(this.rows / seconds);
		String eta = "";
		if (this.fileBytes > 0 && bytes > this.startBytes) {
			double bytesPerSecond = (bytes - this.startBytes) / seconds;
			long left = Math.round((this.fileBytes - bytes) / bytesPerSecond);
			eta = String.format(", %d%% of the file, about %d s left", Math.min(100, bytes * 100 / this.fileBytes),
					Math.max(left, 0));
		}
		logger.info("{}: {} rows read ({} rows/s{})", this.fileName, this.rows, rate, eta);
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		if (this.bar != null) {
			this.bar.stepTo(this.bar.getMax());
			this.bar.close();
			this.bar = null;
		}
		return null;
	}

}
