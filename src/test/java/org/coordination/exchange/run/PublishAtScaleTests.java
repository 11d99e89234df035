package org.coordination.exchange.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.coordination.exchange.ExchangeReportsApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files of tens of thousands of rows replace exactly the records they share with the
 * store, wherever they are in the file, and say how many.
 */
@SpringBootTest(classes = ExchangeReportsApplication.class)
class PublishAtScaleTests extends RunnerTestSupport {

	@Test
	void aLongFileReplacesExactlyTheRecordsItSharesWithTheStore() throws IOException {
		Path input = sampleInput(30_000, 35_000, 40_000);
		assertThat(run(this.work.resolve("reports"), 1_000_000, StandardCharsets.UTF_8, input)).as(this.err.toString())
			.isZero();

		List<Long> imports = this.jdbc.queryForList("SELECT import_id FROM import_file ORDER BY import_order",
				Long.class);
		assertThat(imports).hasSize(3);
		// what each file's publish must have replaced, from the staged rows alone
		Map<String, Long> expected = new HashMap<>();
		long[] expectedUpdated = new long[3];
		for (int i = 0; i < 3; i++) {
			Set<String> ids = new HashSet<>(this.jdbc.queryForList(
					"SELECT record_id FROM exchange_record WHERE import_id = ?", String.class, imports.get(i)));
			for (String id : ids) {
				if (expected.put(id, imports.get(i)) != null) {
					expectedUpdated[i]++;
				}
			}
		}
		// more than one range of lines replaces records
		assertThat(expectedUpdated[1]).isGreaterThan(10_000);
		Map<String, Long> visible = new HashMap<>();
		this.jdbc.query(
				"SELECT r.record_id, r.import_id FROM exchange_record r WHERE "
						+ "NOT EXISTS (SELECT 1 FROM superseded_record s WHERE s.row_key = r.row_key)",
				(java.sql.ResultSet rs) -> {
					assertThat(visible.put(rs.getString(1), rs.getLong(2))).as(rs.getString(1)).isNull();
				});
		assertThat(visible).isEqualTo(expected);
		for (int i = 0; i < 3; i++) {
			assertThat(this.jdbc.queryForObject("SELECT updated FROM import_file WHERE import_id = ?", Long.class,
					imports.get(i)))
				.isEqualTo(expectedUpdated[i]);
		}
		// every replaced copy names the import that replaced it
		assertThat(this.jdbc
			.queryForObject("SELECT COUNT(*) FROM superseded_record s JOIN exchange_record o ON o.row_key = s.row_key "
					+ "WHERE NOT EXISTS (SELECT 1 FROM exchange_record n WHERE n.import_id = s.superseded_by "
					+ "AND n.record_id = o.record_id)", Long.class))
			.isZero();
	}

}
