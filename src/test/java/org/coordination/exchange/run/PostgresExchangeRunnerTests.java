package org.coordination.exchange.run;

import org.coordination.exchange.store.TestPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole runs on a real PostgreSQL store: the same exact reports, re-runs and corrections
 * as on H2.
 */
@TestPostgres.Required
@Import(TestPostgres.Store.class)
class PostgresExchangeRunnerTests extends ExchangeRunnerTests {

	@Test
	void theStoreIsPostgres() {
		assertThat(this.jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL ");
	}

}
