package org.coordination.exchange.validation;

/**
 * The record ids accepted so far in one file, for duplicate detection; compared exactly
 * (case-sensitive) as the SPEC says. One instance per file.
 */
public interface AcceptedRecordIds {

	/** Remembers an accepted id. */
	void add(String recordId);

	/** Whether this id was accepted earlier in the file; never a false answer. */
	boolean contains(String recordId);

	/**
	 * Remembers an accepted id unless it was accepted earlier.
	 * @return {@code false}, remembering nothing, when {@link #contains} would have said
	 * {@code true}
	 */
	default boolean addIfAbsent(String recordId) {
		if (contains(recordId)) {
			return false;
		}
		add(recordId);
		return true;
	}

	/**
	 * Ids held in memory: exact and fast, about 30 bytes per id. The import job, which
	 * must stay within a fixed heap at any file size, uses the store instead.
	 */
	static AcceptedRecordIds inMemory() {
		return new CompactRecordIds();
	}

}
