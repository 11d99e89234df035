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
	 * Ids held in memory: exact and fast, about 30 bytes per id. The import job, which
	 * must stay within a fixed heap at any file size, uses the store instead.
	 */
	static AcceptedRecordIds inMemory() {
		return new CompactRecordIds();
	}

}
