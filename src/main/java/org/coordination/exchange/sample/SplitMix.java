package org.coordination.exchange.sample;

/**
 * SplitMix64: a tiny generator whose sequence is fixed by its definition, so a seed gives
 * the same file on every JDK (unlike relying on library internals).
 */
final class SplitMix {

	private long state;

	SplitMix(long seed) {
		this.state = seed;
	}

	long nextLong() {
		long z = (this.state += 0x9E3779B97F4A7C15L);
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	/** A number in {@code [0, bound)}; {@code bound} must be positive. */
	int nextInt(int bound) {
		return (int) (((nextLong() >>> 33) * bound) >>> 31);
	}

	/** A number in {@code [0, 1)}. */
	double nextDouble() {
		return (nextLong() >>> 11) * 0x1.0p-53;
	}

	boolean chance(double probability) {
		return nextDouble() < probability;
	}

	/** Roughly standard normal (Irwin–Hall of four uniforms): cheap and bounded. */
	double nextGaussian() {
		double sum = nextDouble() + nextDouble() + nextDouble() + nextDouble();
		return (sum - 2.0) * 1.7320508075688772;
	}

	<T> T pick(T[] values) {
		return values[nextInt(values.length)];
	}

}
