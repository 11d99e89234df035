package org.coordination.exchange.run;

import org.coordination.exchange.store.TestPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input on a real PostgreSQL store: the same rows rejected and stored, the same
 * reports as on H2 (NUL bytes, text outside the Basic Plane, dates before 1900).
 */
@TestPostgres.Required
@Import(TestPostgres.Store.class)
class PostgresHostileInputTests extends HostileInputTests {

	@Test
	void theStoreIsPostgres() {
		assertThat(this.jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL ");
	}

}
