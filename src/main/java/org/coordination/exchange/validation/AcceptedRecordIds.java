package org.coordination.exchange.validation;

import java.util.HashSet;
import java.util.Set;

/**
 * The record ids accepted so far in one file, for duplicate detection; compared exactly
 * (case-sensitive) as the SPEC says. One instance per file.
 */
public final class AcceptedRecordIds {

	private final Set<String> ids = new HashSet<>();

	/** Remembers an id; {@code false} if it was already present. */
	public boolean add(String recordId) {
		return this.ids.add(recordId);
	}

	public boolean contains(String recordId) {
		return this.ids.contains(recordId);
	}

	public int size() {
		return this.ids.size();
	}

}
