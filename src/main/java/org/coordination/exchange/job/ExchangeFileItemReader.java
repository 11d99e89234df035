package org.coordination.exchange.job;

import java.nio.file.Path;

import org.coordination.exchange.input.CsvOptions;
import org.coordination.exchange.input.ExchangeFileReader;
import org.coordination.exchange.input.HeaderMapping;
import org.coordination.exchange.input.RawRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the records of one input file and remembers how many it has read, so that a
 * restarted import skips the records of its committed chunks.
 */
class ExchangeFileItemReader implements ItemStreamReader<RawRecord> {

	private static final Logger logger = LoggerFactory.getLogger(ExchangeFileItemReader.class);

	static final String RECORDS_READ = "records.read";

	private final Path file;

	private final String displayPath;

	private final CsvOptions options;

	private ExchangeFileReader reader;

	private long recordsRead;

	ExchangeFileItemReader(Path file, String displayPath, CsvOptions options) {
		this.file = file;
		this.displayPath = displayPath;
		this.options = options;
	}

	@Override
	public void open(ExecutionContext context) {
		this.reader = ExchangeFileReader.open(this.file, this.options);
		this.recordsRead = context.getLong(RECORDS_READ, 0L);
		if (this.recordsRead > 0) {
			// a restarted import: these records are in chunks that were committed
			this.reader.skip(this.recordsRead);
		}
		else if (!this.reader.header().unknownColumns().isEmpty()) {
			logger.warn("{}: ignoring unknown columns: {}", this.displayPath,
					String.join(", ", this.reader.header().unknownColumns()));
		}
	}

	@Override
	public RawRecord read() {
		RawRecord record = this.reader.next();
		if (record != null) {
			this.recordsRead++;
		}
		return record;
	}

	@Override
	public void update(ExecutionContext context) {
		context.putLong(RECORDS_READ, this.recordsRead);
	}

	@Override
	public void close() {
		if (this.reader != null) {
			this.reader.close();
			this.reader = null;
		}
	}

	long bytesRead() {
		return (this.reader != null) ? this.reader.bytesRead() : 0;
	}

	HeaderMapping header() {
		return this.reader.header();
	}

	long recordsRead() {
		return this.recordsRead;
	}

}
