package org.coordination.exchange.report;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.coordination.exchange.store.ImportStore;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** An import store that only notes the report tables it is asked to keep. */
public class KeptTablesStore extends ImportStore {

	/** Records each import's kept tables counted, by import id. */
	public final Map<Long, Long> records = new ConcurrentHashMap<>();

	private final Map<Long, byte[]> tables = new ConcurrentHashMap<>();

	public KeptTablesStore() {
		super(new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:mem:unused")));
	}

	@Override
	public void saveTables(long importId, long records, byte[] tables) {
		this.records.put(importId, records);
		this.tables.put(importId, tables);
	}

	/** The tables kept for an import, read back. */
	public ReportData tables(long importId) {
		return ReportTablesCodec.read(this.tables.get(importId)).orElseThrow().result();
	}

}
