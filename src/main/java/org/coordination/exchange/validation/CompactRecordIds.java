package org.coordination.exchange.validation;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Accepted record ids in flat memory, for {@code validate}, which has no store to ask.
 * Each id's characters are kept as one byte each in large shared pages, found through an
 * open-addressing table of {@code (hash, position)} longs: about 30 bytes per id where a
 * {@code HashSet<String>} takes about a hundred, and no object per id for the garbage
 * collector to copy, which was a tenth of {@code validate}'s time. Exact: a probe that
 * meets an equal hash compares the characters.
 * <p>
 * An accepted id is 1 to 64 ASCII characters (SPEC §3), so one byte per character loses
 * nothing; any other string, which cannot have been accepted, is kept in a small
 * {@code HashSet} so that the set stays exact for every caller.
 */
final class CompactRecordIds implements AcceptedRecordIds {

	private static final int PAGE_BITS = 20;

	private static final int PAGE_SIZE = 1 << PAGE_BITS;

	private static final int MAX_LENGTH = 255;

	private byte[][] pages = new byte[1][];

	private int pageCount;

	// where the next id goes in the last page
	private int used = PAGE_SIZE;

	// hash in the high 32 bits, position + 1 in the low; 0 is an empty slot
	private long[] table = new long[1 << 12];

	private int size;

	private final Set<String> others = new HashSet<>();

	@Override
	public void add(String recordId) {
		addIfAbsent(recordId);
	}

	/** One probe where {@code contains} then {@code add} would take two. */
	@Override
	public boolean addIfAbsent(String recordId) {
		if (!compact(recordId)) {
			return this.others.add(recordId);
		}
		int hash = hash(recordId);
		int mask = this.table.length - 1;
		int slot = hash & mask;
		for (long entry = this.table[slot]; entry != 0; entry = this.table[slot]) {
			if ((int) (entry >>> 32) == hash && equalsAt((int) entry - 1, recordId)) {
				return false;
			}
			slot = (slot + 1) & mask;
		}
		this.table[slot] = ((long) hash << 32) | (store(recordId) + 1L);
		if (++this.size > this.table.length / 4 * 3) {
			grow();
		}
		return true;
	}

	@Override
	public boolean contains(String recordId) {
		if (!compact(recordId)) {
			return this.others.contains(recordId);
		}
		int hash = hash(recordId);
		int mask = this.table.length - 1;
		for (int slot = hash & mask;; slot = (slot + 1) & mask) {
			long entry = this.table[slot];
			if (entry == 0) {
				return false;
			}
			if ((int) (entry >>> 32) == hash && equalsAt((int) entry - 1, recordId)) {
				return true;
			}
		}
	}

	private static boolean compact(String id) {
		int length = id.length();
		if (length > MAX_LENGTH) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			if (id.charAt(i) > 0x7F) {
				return false;
			}
		}
		return true;
	}

	// String's cached hash, spread so that sequential ids do not fill neighbouring slots
	private static int hash(String id) {
		int h = id.hashCode() * 0x9E3779B9;
		return h ^ (h >>> 15);
	}

	/** Copies the id into the pages: its length in one byte, then its characters. */
	private int store(String id) {
		int length = id.length();
		if (this.used + 1 + length > PAGE_SIZE) {
			if (this.pageCount == this.pages.length) {
				this.pages = Arrays.copyOf(this.pages, this.pageCount * 2);
			}
			this.pages[this.pageCount++] = new byte[PAGE_SIZE];
			this.used = 0;
		}
		byte[] page = this.pages[this.pageCount - 1];
		int position = ((this.pageCount - 1) << PAGE_BITS) | this.used;
		page[this.used++] = (byte) length;
		for (int i = 0; i < length; i++) {
			page[this.used++] = (byte) id.charAt(i);
		}
		return position;
	}

	private boolean equalsAt(int position, String id) {
		byte[] page = this.pages[position >>> PAGE_BITS];
		int at = position & (PAGE_SIZE - 1);
		int length = page[at] & 0xFF;
		if (length != id.length()) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			if (page[at + 1 + i] != id.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private void grow() {
		long[] old = this.table;
		long[] table = new long[old.length * 2];
		int mask = table.length - 1;
		for (long entry : old) {
			if (entry != 0) {
				int slot = (int) (entry >>> 32) & mask;
				while (table[slot] != 0) {
					slot = (slot + 1) & mask;
				}
				table[slot] = entry;
			}
		}
		this.table = table;
	}

}
