package org.coordination.exchange.job;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChunkSizeTests {

	private static final long MB = 1024 * 1024;

	@Test
	void from240MegabytesOfHeapAChunkIs5000Records() {
		assertThat(ChunkSize.forHeap(240 * MB)).isEqualTo(5000);
		// -Xmx256m: the parallel collector reports less (one survivor space)
		assertThat(ChunkSize.forHeap(245 * MB)).isEqualTo(5000);
		assertThat(ChunkSize.forHeap(256 * MB)).isEqualTo(5000);
		assertThat(ChunkSize.forHeap(6 * 1024 * MB)).isEqualTo(5000);
	}

	@Test
	void noHeapLimitIsTheLargestChunk() {
		assertThat(ChunkSize.forHeap(Long.MAX_VALUE)).isEqualTo(5000);
	}

	@Test
	void belowThatTwoThirdsOfH2sBufferAtAbout2KilobytesARecord() {
		// H2's buffer: 14 MB at 239 MB of heap, 8 MB at 128 MB, 7 MB at 123 MB, 4 MB at
		// 64 MB
		assertThat(ChunkSize.forHeap(239 * MB)).isEqualTo(4778);
		assertThat(ChunkSize.forHeap(128 * MB)).isEqualTo(2730);
		assertThat(ChunkSize.forHeap(123 * MB)).isEqualTo(2389);
		assertThat(ChunkSize.forHeap(64 * MB)).isEqualTo(1365);
	}

	@Test
	void neverUnder1000Records() {
		assertThat(ChunkSize.forHeap(32 * MB)).isEqualTo(1000);
		assertThat(ChunkSize.forHeap(8 * MB)).isEqualTo(1000);
	}

}
