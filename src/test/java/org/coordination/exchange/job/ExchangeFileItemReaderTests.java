package org.coordination.exchange.job;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.coordination.exchange.input.CsvOptions;

import org.coordination.exchange.report.ImportAggregates;
import org.coordination.exchange.report.KeptTablesStore;
import org.coordination.exchange.validation.ExchangeRecordValidator;
import org.coordination.exchange.validation.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The step's reader counts an import's accepted records for the reports only when it
 * reads the file from its first row; a restarted import, resuming after committed chunks,
 * hands no count on, and drops one an earlier attempt left. It reads no further ahead
 * than its weight allows.
 */
class ExchangeFileItemReaderTests extends ReaderTestSupport {

	final KeptTablesStore store = new KeptTablesStore();

	final ImportAggregates aggregates = new ImportAggregates(this.store);

	@Test
	void anImportReadFromItsFirstRowIsCounted() {
		assertThat(readAll(1, 101, new ExecutionContext())).isEqualTo(9);
		this.aggregates.imported(101);
		// stage-1-2.csv: 9 rows, 6 accepted
		assertThat(this.store.records).isEqualTo(Map.of(101L, 6L));
	}

	@Test
	void aRestartedImportIsNotCountedAndDropsTheCountOfItsEarlierAttempt() {
		// an earlier attempt in this process began counting, then failed after chunks
		// were committed
		this.aggregates.begin(2, 102);
		ExecutionContext committed = new ExecutionContext();
		committed.putLong(ExchangeFileItemReader.RECORDS_READ, 4);

		assertThat(readAll(2, 102, committed)).as("rows after the 4 committed").isEqualTo(5);
		this.aggregates.imported(102);
		assertThat(this.store.records).isEmpty();
	}

	@Test
	void readsAheadNoMoreThanItsWeightAllowsThoughFiveChunksWouldBeMore(@TempDir Path dir) throws Exception {
		int rows = 20_000;
		Path file = dir.resolve("many.csv");
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("record_id,exchange_date,agreement,stage,side,category\n");
			for (int i = 0; i < rows; i++) {
				out.write("R-" + i + ",2025-06-10,Istanbul,1,UA,CIVILIAN\n");
			}
		}
		CountingIds ids = new CountingIds(104);
		// chunks of 10,000: five of them would be the whole file
		ExchangeFileItemReader reader = new ExchangeFileItemReader(file, file.toString(),
				new CsvOptions(StandardCharsets.UTF_8, null),
				new ExchangeRecordValidator(ReferenceData.defaults(), LocalDate.of(2026, 1, 1)), ids, this.aggregates,
				4, 104, 10_000);
		reader.open(new ExecutionContext());
		try {
			// the rows that fit the weight, and one more made and waiting for room
			int ahead = ExchangeFileItemReader.READ_AHEAD_WEIGHT / ExchangeFileItemReader.ROW_WEIGHT + 1;
			for (int i = 0; i < 500 && ids.added.get() < ahead; i++) {
				Thread.sleep(10);
			}
			Thread.sleep(300);
			assertThat(ids.added.get()).isEqualTo(ahead);

			int read = 0;
			while (reader.read() != null) {
				read++;
			}
			assertThat(read).isEqualTo(rows);
			assertThat(ids.added.get()).isEqualTo(rows);
		}
		finally {
			reader.close();
		}
	}

	/** Counts the ids the reading thread accepts. */
	private final class CountingIds extends StagedRecordIds {

		final AtomicInteger added = new AtomicInteger();

		CountingIds(long importId) {
			super(ExchangeFileItemReaderTests.this.importStore, importId, 20_000);
		}

		@Override
		public synchronized void add(String recordId) {
			super.add(recordId);
			this.added.incrementAndGet();
		}

	}

	/**
	 * Opens a reader of stage-1-2.csv for this import, reads it to its end; rows read.
	 */
	private int readAll(long runId, long importId, ExecutionContext context) {
		ExchangeFileItemReader reader = reader(STAGES_1_2, this.aggregates, runId, importId);
		reader.open(context);
		try {
			int rows = 0;
			while (reader.read() != null) {
				rows++;
			}
			return rows;
		}
		finally {
			reader.close();
		}
	}

}
