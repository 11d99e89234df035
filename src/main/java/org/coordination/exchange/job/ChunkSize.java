package org.coordination.exchange.job;

/**
 * The import's default records per chunk, from the heap. Larger chunks mean fewer
 * commits, and an H2 commit writes every page the chunk changed: 5,000 records a chunk
 * made a 1M-row run about a tenth shorter and its store a fifth smaller than 1,000. But
 * H2 writes a transaction's pages before its commit, and again at the commit, once its
 * unsaved changes pass a buffer it sizes from the heap (64 MB per GB, at most 19 MB);
 * past that a run was slower and its store twice the size. A chunk changed about 2 KB of
 * pages per record, so the default keeps a chunk's changes within two thirds of the
 * buffer: 5,000 records from 240 MB of heap, fewer below, never under 1,000.
 */
final class ChunkSize {

	static final int MIN = 1000;

	static final int MAX = 5000;

	private static final int BYTES_PER_RECORD = 3 * 1024;

	private ChunkSize() {
	}

	static int forHeap(long maxHeapBytes) {
		// as H2's MVStore sizes its buffer of unsaved changes (whole megabytes)
		long bufferMegabytes = Math.min(19, 64 * (maxHeapBytes / 1024) / (1024 * 1024));
		long records = bufferMegabytes * 1024 * 1024 / BYTES_PER_RECORD;
		return (int) Math.max(MIN, Math.min(MAX, records));
	}

	static int forThisHeap() {
		return forHeap(Runtime.getRuntime().maxMemory());
	}

}
