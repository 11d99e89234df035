package org.coordination.exchange.job;

import org.coordination.exchange.store.TestPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/** The import job's tests on a real PostgreSQL store. */
@TestPostgres.Required
@Import(TestPostgres.Store.class)
class PostgresImportJobTests extends ImportJobTests {

	@Test
	void theStoreIsPostgres() {
		assertThat(this.jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL ");
	}

}
