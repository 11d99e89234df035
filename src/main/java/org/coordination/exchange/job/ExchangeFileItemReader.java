package org.coordination.exchange.job;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.coordination.exchange.input.CsvOptions;
import org.coordination.exchange.input.ExchangeFileReader;
import org.coordination.exchange.input.HeaderMapping;
import org.coordination.exchange.input.RawRecord;
import org.coordination.exchange.input.ReadAhead;
import org.coordination.exchange.record.ExchangeRecord;
import org.coordination.exchange.record.RejectedRow;
import org.coordination.exchange.report.ImportAggregates;
import org.coordination.exchange.store.ImportedRow;
import org.coordination.exchange.validation.ExchangeRecordValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the records of one input file, validated, and remembers how many it has read, so
 * that a restarted import skips the records of its committed chunks.
 * <p>
 * A thread of its own reads and validates rows ahead while the step's thread writes
 * chunks to the store, so an import uses two cores. It keeps up to
 * {@link #READ_AHEAD_CHUNKS} chunks ahead, so that the step finds its next chunk ready
 * when it has written one instead of waiting for most of it (with 500 rows ahead a 1M-row
 * run took 4-13% longer), but no more than {@link #READ_AHEAD_WEIGHT} in all, so that
 * rejected rows with long text cannot fill the heap. Only rows handed to the step count
 * as read; a problem with the file surfaces at the row where it was found, as if read in
 * the step's thread.
 * <p>
 * Each record is validated as soon as it is read, so that a chunk holds compact results
 * (an accepted record, or a rejected row with its {@code raw} cut to
 * {@link ExchangeRecordProcessor#RAW_LIMIT} characters), never the raw text of up to a
 * chunk of long rows: memory stays bounded whatever the rows hold.
 * <p>
 * An import read from its first row also counts its accepted records into report tables
 * on that thread ({@link ImportAggregates}), so the reports need not read them back.
 */
class ExchangeFileItemReader implements ItemStreamReader<ImportedRow>, ItemWriteListener<ImportedRow> {

	static final int READ_AHEAD_CHUNKS = 5;

	// about 8 MB of text: 390 rejected rows of 10,000 characters, or 15,000 other rows
	static final int READ_AHEAD_WEIGHT = 4_000_000;

	// what a row read ahead weighs beside the text of a rejected row: a record's fields
	static final int ROW_WEIGHT = 256;

	private static final Logger logger = LoggerFactory.getLogger(ExchangeFileItemReader.class);

	static final String RECORDS_READ = "records.read";

	private static final int MAX_NAMES_SHOWN = 10;

	private static final int MAX_NAME_SHOWN = 40;

	private final Path file;

	private final String displayPath;

	private final CsvOptions options;

	private final ExchangeRecordProcessor processor;

	private final StagedRecordIds acceptedIds;

	private final ImportAggregates aggregates;

	private final long runId;

	private final long importId;

	// rows read ahead at most
	private final int readAhead;

	private ExchangeFileReader reader;

	private ReadAhead<ImportedRow> ahead;

	private long recordsRead;

	/**
	 * @param chunkSize the step's records per chunk
	 */
	ExchangeFileItemReader(Path file, String displayPath, CsvOptions options, ExchangeRecordValidator validator,
			StagedRecordIds acceptedIds, ImportAggregates aggregates, long runId, long importId, int chunkSize) {
		this.file = file;
		this.readAhead = READ_AHEAD_CHUNKS * chunkSize;
		this.displayPath = displayPath;
		this.options = options;
		this.acceptedIds = acceptedIds;
		this.aggregates = aggregates;
		this.runId = runId;
		this.importId = importId;
		this.processor = ExchangeRecordProcessor.forFile(file, this::header, validator, acceptedIds);
	}

	/** Takes in the ids accepted by chunks committed before a restart. */
	void restoreAccepted() {
		this.acceptedIds.restore();
	}

	@Override
	public void open(ExecutionContext context) {
		this.reader = ExchangeFileReader.open(this.file, this.options);
		this.recordsRead = context.getLong(RECORDS_READ, 0L);
		if (this.recordsRead > 0) {
			// a restarted import: these records are in chunks that were committed, and
			// the reports count them from the store
			this.reader.skip(this.recordsRead);
			this.aggregates.discard(this.importId);
		}
		else if (!this.reader.header().unknownColumns().isEmpty()) {
			logger.warn("{}: ignoring unknown columns: {}", this.displayPath,
					names(this.reader.header().unknownColumns()));
		}
		Consumer<ExchangeRecord> reportTables = (this.recordsRead == 0)
				? this.aggregates.begin(this.runId, this.importId) : null;
		ExchangeFileReader records = this.reader;
		this.ahead = new ReadAhead<>("exchange-reader", this.readAhead, READ_AHEAD_WEIGHT,
				ExchangeFileItemReader::weight, () -> {
					RawRecord record = records.next();
					if (record == null) {
						return null;
					}
					ImportedRow row = this.processor.process(record);
					if (reportTables != null && row.accepted() != null) {
						reportTables.accept(row.accepted());
					}
					return row;
				});
	}

	private static int weight(ImportedRow row) {
		RejectedRow rejected = row.rejected();
		return (rejected != null) ? ROW_WEIGHT + rejected.raw().length() + rejected.recordId().length() : ROW_WEIGHT;
	}

	@Override
	public ImportedRow read() {
		ImportedRow row = this.ahead.next();
		if (row != null) {
			this.recordsRead++;
		}
		return row;
	}

	@Override
	public void afterWrite(Chunk<? extends ImportedRow> items) {
		int accepted = 0;
		for (ImportedRow row : items) {
			if (row.accepted() != null) {
				accepted++;
			}
		}
		this.acceptedIds.written(accepted);
	}

	@Override
	public void update(ExecutionContext context) {
		context.putLong(RECORDS_READ, this.recordsRead);
	}

	@Override
	public void close() {
		if (this.ahead != null) {
			this.ahead.close();
			this.ahead = null;
		}
		if (this.reader != null) {
			this.reader.close();
			this.reader = null;
		}
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
