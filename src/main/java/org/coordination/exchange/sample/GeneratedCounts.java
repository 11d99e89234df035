package org.coordination.exchange.sample;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one {@link SampleGenerator#write} wrote, as the importer will judge it.
 *
 * @param rows data rows written (the header not counted); each is one physical line
 * @param valid rows the importer will accept
 * @param invalid rows it will reject
 * @param reasons for every reason code of SPEC §3 (such as {@code BAD_VALUE:stage}), the
 * number of rejected rows that carry it; a row with several codes counts under each;
 * ordered by code
 */
public record GeneratedCounts(int rows, int valid, int invalid, Map<String, Integer> reasons) {

	static final GeneratedCounts NONE = new GeneratedCounts(0, 0, 0, Map.of());

	public GeneratedCounts {
		reasons = Collections.unmodifiableMap(new TreeMap<>(reasons));
	}

	/** Rows carrying {@code code}; 0 when none. */
	public int reason(String code) {
		return this.reasons.getOrDefault(code, 0);
	}

}
