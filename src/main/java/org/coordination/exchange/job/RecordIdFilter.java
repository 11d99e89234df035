package org.coordination.exchange.job;

/**
 * A blocked Bloom filter of record ids: "certainly not added" or "maybe added", in 12
 * bits per expected id. All of an id's bits lie in one 64-bit word, so a check costs one
 * memory access, and the hash is the String's own cached one. Guava's general-purpose
 * filter hashes each id's UTF-8 bytes and touches seven words; in the import's profile it
 * took more time than validating the rows.
 */
final class RecordIdFilter {

	private static final int BITS_PER_ID = 12;

	private static final int BITS_PER_CHECK = 4;

	private final long[] words;

	RecordIdFilter(long expectedIds) {
		// at most 2^27 words (1 GiB): far beyond the ids of any file
		long words = Math.min(Math.max(expectedIds, 1024) * BITS_PER_ID / 64, 1 << 27);
		this.words = new long[(int) words];
	}

	void add(String id) {
		long h = mix(id.hashCode());
		this.words[word(h)] |= bits(h);
	}

	boolean mightContain(String id) {
		long h = mix(id.hashCode());
		long bits = bits(h);
		return (this.words[word(h)] & bits) == bits;
	}

	/** The hash's high 32 bits scaled to the number of words (no division). */
	private int word(long h) {
		return (int) (((h >>> 32) * this.words.length) >>> 32);
	}

	/** Four bit positions within the word, from the hash's low 24 bits, 6 bits each. */
	private static long bits(long h) {
		long bits = 0;
		for (int i = 0; i < BITS_PER_CHECK; i++) {
			bits |= 1L << ((h >>> (6 * i)) & 63);
		}
		return bits;
	}

	/** Spreads String.hashCode's 32 bits over 64 (the finalizer of SplitMix64). */
	private static long mix(int hash) {
		long z = hash * 0x9E3779B97F4A7C15L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

}
