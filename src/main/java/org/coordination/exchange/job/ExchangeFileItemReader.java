package org.coordination.exchange.job;

import java.nio.file.Path;
import java.util.List;

import org.coordination.exchange.input.CsvOptions;
import org.coordination.exchange.input.ExchangeFileReader;
import org.coordination.exchange.input.HeaderMapping;
import org.coordination.exchange.input.RawRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * The import step's reader: the raw records of one input file, in file order. Like Spring
 * Batch's own readers it keeps how many records it has handed out in the step's
 * {@link ExecutionContext}, so that a restarted import skips the records of its committed
 * chunks.
 */
class ExchangeFileItemReader implements ItemStreamReader<RawRecord> {

	/**
	 * Records read by committed chunks. The key predates this class's current shape:
	 * stores with an import interrupted by an older version still resume.
	 */
	static final String RECORDS_READ = "records.read";

	private static final Logger logger = LoggerFactory.getLogger(ExchangeFileItemReader.class);

	private static final int MAX_NAMES_SHOWN = 10;

	private static final int MAX_NAME_SHOWN = 40;

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
			this.reader.skip(this.recordsRead);
		}
		else if (!this.reader.header().unknownColumns().isEmpty()) {
			logger.warn("{}: ignoring unknown columns: {}", this.displayPath,
					names(this.reader.header().unknownColumns()));
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

	/** The open file's header, which the processor maps each record by. */
	HeaderMapping header() {
		return this.reader.header();
	}

	/** Bytes of the file read so far, for the progress shown. */
	long bytesRead() {
		return (this.reader != null) ? this.reader.bytesRead() : 0;
	}

	/** At most ten names, each cut short: a header may hold thousands of long names. */
	static String names(List<String> names) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < Math.min(names.size(), MAX_NAMES_SHOWN); i++) {
			String name = names.get(i);
			text.append((i > 0) ? ", " : "")
				.append((name.length() > MAX_NAME_SHOWN) ? name.substring(0, MAX_NAME_SHOWN) + "…" : name);
		}
		if (names.size() > MAX_NAMES_SHOWN) {
			text.append(" and ").append(names.size() - MAX_NAMES_SHOWN).append(" more");
		}
		return text.toString();
	}

}
