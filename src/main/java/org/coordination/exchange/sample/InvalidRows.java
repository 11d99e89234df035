package org.coordination.exchange.sample;

/** Which rows of a run are invalid, and of which kind each is. */
final class InvalidRows {

	private final double share;

	private final SplitMix random;

	private int cycle;

	private boolean strayQuoteWritten;

	private long block;

	private long blockEnd;

	private long target = -1;

	/**
	 * @param share of the rows, 0–1
	 * @param cycleOffset where in the cycle of kinds to start: a set of files continues
	 * the cycle so that the set as a whole carries every reason code
	 */
	InvalidRows(double share, int cycleOffset, SplitMix random) {
		this.share = share;
		this.cycle = cycleOffset;
		this.random = random;
	}

	/**
	 * One invalid row at a random place in every block of {@code 1 / share} rows: the
	 * share is kept closely while the places look random. Rows are asked in order.
	 */
	boolean isInvalid(long index) {
		if (this.share <= 0) {
			return false;
		}
		while (index >= this.blockEnd) {
			long start = blockBoundary(this.block);
			this.blockEnd = blockBoundary(++this.block);
			this.target = start + (long) (this.random.nextDouble() * (this.blockEnd - start));
		}
		return index == this.target;
	}

	private long blockBoundary(long block) {
		return (long) Math.floor(block / this.share + 1e-9);
	}

	/** The kind of the next invalid row. */
	InvalidKind next() {
		InvalidKind[] kinds = InvalidKind.values();
		InvalidKind kind = kinds[Math.floorMod(this.cycle++, kinds.length)];
		if (kind == InvalidKind.MALFORMED_STRAY_QUOTE) {
			// at most one per file: each costs ten rows that must hold no quote
			if (this.strayQuoteWritten) {
				return InvalidKind.MALFORMED_FEW_FIELDS;
			}
			this.strayQuoteWritten = true;
		}
		return kind;
	}

}
