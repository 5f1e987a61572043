package org.scoutline.safety;

import java.util.Arrays;

/** A growable list of ints that keeps each value once. */
final class IntList {

	private int[] values = new int[8];

	private int size;

	void add(int value) {
		addIfNew(value);
	}

	/**
	 * @return whether the value was new
	 */
	boolean addIfNew(int value) {
		for (int i = 0; i < size; i++) {
			if (values[i] == value) {
				return false;
			}
		}
		if (size == values.length) {
			values = Arrays.copyOf(values, size * 2);
		}
		values[size++] = value;
		return true;
	}

	void addAll(int[] more) {
		for (int value : more) {
			add(value);
		}
	}

	int size() {
		return size;
	}

	int[] toArray() {
		return Arrays.copyOf(values, size);
	}

	void clear() {
		size = 0;
	}

}
