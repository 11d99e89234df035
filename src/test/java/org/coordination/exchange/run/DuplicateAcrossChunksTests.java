package org.coordination.exchange.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.coordination.exchange.ExchangeReportsApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Duplicate ids are found exactly whether the first copy is in the chunk being read, in a
 * chunk written but not yet committed, or committed long before (then only the store
 * knows it: the import keeps no set of ids).
 */
@SpringBootTest(classes = ExchangeReportsApplication.class)
class DuplicateAcrossChunksTests extends RunnerTestSupport {

	@Test
	void everyDuplicateIsRejectedAndNothingElse() throws IOException {
		StringBuilder file = new StringBuilder(
				"record_id,exchange_date,stage,side,category,service_branch,rank_group\n");
		List<Long> expectedDuplicates = new ArrayList<>();
		int rows = 5000;
		for (int i = 0; i < rows; i++) {
			long line = i + 2;
			String id;
			if (i >= 3000) {
				// copies of rows far behind: their chunks are committed
				id = "D-" + (i - 3000);
				expectedDuplicates.add(line);
			}
			else if (i % 100 == 99) {
				// a copy of the row 5 lines before: same chunk
				id = "D-" + (i - 5);
				expectedDuplicates.add(line);
			}
			else {
				id = "D-" + i;
			}
			file.append(id).append(",2025-06-10,1,UA,MILITARY,NAVY,NCO\n");
		}
		Path input = this.work.resolve("dups.csv");
		Files.writeString(input, file, StandardCharsets.UTF_8);

		int exit = run(this.work.resolve("reports"), rows, StandardCharsets.UTF_8, input);

		assertThat(exit).as(this.err.toString()).isZero();
		// rows 3000.. copy rows 0..1999, of which every 100th (99, 199, …) is itself a
		// duplicate and was not accepted: a copy of it is accepted
		List<Long> copiesOfRejected = new ArrayList<>();
		for (int i = 3000; i < rows; i++) {
			if ((i - 3000) % 100 == 99) {
				copiesOfRejected.add((long) i + 2);
			}
		}
		expectedDuplicates.removeAll(copiesOfRejected);
		assertThat(this.jdbc.queryForList(
				"SELECT line_number FROM rejected_row WHERE reasons = 'DUPLICATE_RECORD_ID' ORDER BY line_number",
				Long.class))
			.isEqualTo(expectedDuplicates);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM rejected_row", Long.class))
			.isEqualTo(expectedDuplicates.size());
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM exchange_record", Long.class))
			.isEqualTo(rows - expectedDuplicates.size());
	}

}
