package org.coordination.exchange.sample;

import java.util.ArrayList;
import java.util.List;

/** A fixed choice of values with integer weights. */
final class Weighted<T> {

	private final List<T> values = new ArrayList<>();

	private int[] cumulative = new int[0];

	private int total;

	Weighted<T> add(T value, int weight) {
		if (weight <= 0) {
			return this;
		}
		this.values.add(value);
		int[] grown = new int[this.cumulative.length + 1];
		System.arraycopy(this.cumulative, 0, grown, 0, this.cumulative.length);
		this.total += weight;
		grown[grown.length - 1] = this.total;
		this.cumulative = grown;
		return this;
	}

	boolean isEmpty() {
		return this.total == 0;
	}

	T pick(SplitMix random) {
		int r = random.nextInt(this.total);
		int i = 0;
		while (this.cumulative[i] <= r) {
			i++;
		}
		return this.values.get(i);
	}

}
