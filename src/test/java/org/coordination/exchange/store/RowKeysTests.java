package org.coordination.exchange.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RowKeysTests {

	@Test
	void anImportsKeysAreOneRangeInLineOrder() {
		assertThat(RowKeys.of(3, 0)).isEqualTo(RowKeys.first(3));
		assertThat(RowKeys.of(3, 4_294_967_295L)).isEqualTo(RowKeys.last(3));
		assertThat(RowKeys.of(3, 2)).isLessThan(RowKeys.of(3, 10)).isLessThan(RowKeys.first(4));
		assertThat(RowKeys.last(3) + 1).isEqualTo(RowKeys.first(4));
		assertThatIllegalArgumentException().isThrownBy(() -> RowKeys.of(3, 4_294_967_296L));
	}

	@Test
	void aKeyNamesItsImport() {
		for (long importId : new long[] { 1, 2, 7, 1_000_003 }) {
			for (long line : new long[] { 0, 1, 2, 99_999, 4_294_967_295L }) {
				assertThat(RowKeys.importId(RowKeys.of(importId, line))).as("import %d line %d", importId, line)
					.isEqualTo(importId);
			}
		}
	}

	@Test
	void theDatabaseFindsAnImportFromTheKeyAlone() throws Exception {
		try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:row-keys");
				PreparedStatement statement = connection
					.prepareStatement("SELECT " + RowKeys.importIdSql("CAST(? AS BIGINT)"))) {
			for (long importId : new long[] { 1, 2, 7, 1_000_003 }) {
				for (long line : new long[] { 0, 1, 2, 99_999, 4_294_967_295L }) {
					statement.setLong(1, RowKeys.of(importId, line));
					try (ResultSet result = statement.executeQuery()) {
						result.next();
						assertThat(result.getLong(1)).as("import %d line %d", importId, line).isEqualTo(importId);
					}
				}
			}
		}
	}

}
