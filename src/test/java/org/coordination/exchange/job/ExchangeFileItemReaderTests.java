package org.coordination.exchange.job;

import java.util.Map;

import org.coordination.exchange.report.ImportAggregates;
import org.coordination.exchange.report.KeptTablesStore;
import org.junit.jupiter.api.Test;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The step's reader counts an import's accepted records for the reports only when it
 * reads the file from its first row; a restarted import, resuming after committed chunks,
 * hands no count on, and drops one an earlier attempt left.
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
