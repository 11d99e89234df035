package org.coordination.exchange.job;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.coordination.exchange.input.CsvOptions;
import org.coordination.exchange.input.RawRecord;
import org.junit.jupiter.api.Test;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import step's reader keeps its position in the step's execution context, as Spring
 * Batch's own readers do: a restarted import goes on after the records of its committed
 * chunks.
 */
class ExchangeFileItemReaderTests {

	/** 9 rows, on lines 2 to 11 (one of them spans two lines). */
	static final Path STAGES_1_2 = Path.of("src/test/resources/fixtures/stage-1-2.csv");

	@Test
	void readsEveryRecordAndKeepsHowManyInTheContext() {
		ExecutionContext context = new ExecutionContext();
		List<RawRecord> records = readAll(context);

		assertThat(records).hasSize(9);
		assertThat(records.get(0).lineNumber()).isEqualTo(2);
		assertThat(context.getLong(ExchangeFileItemReader.RECORDS_READ)).isEqualTo(9);
	}

	@Test
	void aRestartedReaderGoesOnAfterTheRecordsOfCommittedChunks() {
		List<RawRecord> all = readAll(new ExecutionContext());
		ExecutionContext committed = new ExecutionContext();
		committed.putLong(ExchangeFileItemReader.RECORDS_READ, 4);

		List<RawRecord> rest = readAll(committed);

		assertThat(rest).extracting(RawRecord::lineNumber)
			.containsExactlyElementsOf(all.subList(4, 9).stream().map(RawRecord::lineNumber).toList());
		assertThat(committed.getLong(ExchangeFileItemReader.RECORDS_READ)).isEqualTo(9);
	}

	private static List<RawRecord> readAll(ExecutionContext context) {
		ExchangeFileItemReader reader = new ExchangeFileItemReader(STAGES_1_2, STAGES_1_2.toString(),
				new CsvOptions(StandardCharsets.UTF_8, null));
		reader.open(context);
		try {
			List<RawRecord> records = new ArrayList<>();
			for (RawRecord record = reader.read(); record != null; record = reader.read()) {
				records.add(record);
			}
			reader.update(context);
			return records;
		}
		finally {
			reader.close();
		}
	}

}
