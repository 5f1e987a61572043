package org.scoutline.safety;

import java.util.Arrays;

/** Open addressing from a 64-bit hash to the ids of the entries with that hash. */
final class LongTable {

	private long[] keys = new long[1024];

	private int[][] values = new int[1024][];

	private int size;

	void add(long key, int id) {
		if (size * 2 >= keys.length) {
			grow();
		}
		int slot = slot(key);
		if (values[slot] == null) {
			keys[slot] = key;
			values[slot] = new int[] { id };
			size++;
			return;
		}
		int[] ids = values[slot];
		for (int existing : ids) {
			if (existing == id) {
				return;
			}
		}
		int[] more = Arrays.copyOf(ids, ids.length + 1);
		more[ids.length] = id;
		values[slot] = more;
	}

	int[] get(long key) {
		int mask = keys.length - 1;
		for (int slot = (int) key & mask;; slot = (slot + 1) & mask) {
			if (values[slot] == null) {
				return null;
			}
			if (keys[slot] == key) {
				return values[slot];
			}
		}
	}

	private int slot(long key) {
		int mask = keys.length - 1;
		int slot = (int) key & mask;
		while (values[slot] != null && keys[slot] != key) {
			slot = (slot + 1) & mask;
		}
		return slot;
	}

	private void grow() {
		long[] oldKeys = keys;
		int[][] oldValues = values;
		keys = new long[oldKeys.length * 2];
		values = new int[oldKeys.length * 2][];
		for (int i = 0; i < oldKeys.length; i++) {
			if (oldValues[i] != null) {
				int slot = slot(oldKeys[i]);
				keys[slot] = oldKeys[i];
				values[slot] = oldValues[i];
			}
		}
	}

}
