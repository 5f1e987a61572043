package org.scoutline.safety;

import java.util.Arrays;

/**
 * Finds a {@link CrisisPattern} in a message from the slot whose concepts occur least in
 * it: only the words near those can start a match, which matters in long messages full of
 * common words. A pattern in any order is looked for around each such word, within its
 * sentence.
 */
final class RarestSlotSearch {

	private RarestSlotSearch() {
	}

	/**
	 * @param wordBlooms per word, the bits of its concepts ({@link CrisisPattern#bloom})
	 * @param counts per concept, how often it occurs in the message
	 * @param positions per concept, the indexes of the words that stand for it, in order
	 * @return where the pattern matches at or after {@code from}: {@code [first, last]}
	 * word index, or {@code null}
	 */
	static int[] find(CrisisPattern pattern, int[][] tags, long[] wordBlooms, int from, int[] counts,
			int[][] positions) {
		int[][] slots = pattern.slots();
		boolean[] optional = pattern.optional();
		int[] gaps = pattern.gaps();
		long[] blooms = pattern.blooms();
		int anchor = -1;
		int fewest = Integer.MAX_VALUE;
		for (int slot = 0; slot < slots.length; slot++) {
			if (optional[slot] || slots[slot] == CrisisPattern.END) {
				continue;
			}
			int count = 0;
			for (int concept : slots[slot]) {
				count += concept >= 0 ? counts[concept] : 0;
			}
			if (count < fewest) {
				fewest = count;
				anchor = slot;
			}
		}
		if (fewest == 0) {
			return null;
		}
		int[] at = anchorPositions(slots[anchor], counts, positions, fewest);
		if (pattern.unordered()) {
			for (int p : at) {
				if (p >= from) {
					int[] span = around(pattern, tags, p, anchor);
					// a match must start at or after `from`, so that searching on from
					// its start + 1 moves on
					if (span != null && span[0] >= from) {
						return span;
					}
				}
			}
			return null;
		}
		int reach = 0;
		for (int slot = 1; slot <= anchor; slot++) {
			reach += gaps[slot] + 1;
		}
		int next = from;
		for (int p : at) {
			if (p < from) {
				continue;
			}
			if (anchor == 0) {
				int last = pattern.rest(tags, 1, p);
				if (last >= 0) {
					return new int[] { p, last };
				}
				continue;
			}
			for (int start = Math.max(next, p - reach); start < p; start++) {
				if ((wordBlooms[start] & blooms[0]) != 0 && CrisisPattern.accepts(slots[0], tags[start])) {
					int last = pattern.rest(tags, 1, start);
					if (last >= 0) {
						return new int[] { start, last };
					}
				}
			}
			next = p;
		}
		return null;
	}

	/**
	 * @return the span of a match in any order around the anchor word at {@code p}: every
	 * other required slot within {@link CrisisPattern#within} words of it, in the same
	 * sentence; {@code null} when there is none
	 */
	private static int[] around(CrisisPattern pattern, int[][] tags, int p, int anchor) {
		int[][] slots = pattern.slots();
		boolean[] optional = pattern.optional();
		int within = pattern.within();
		int from = p;
		while (from > 0 && p - from < within && !CrisisPattern.accepts(CrisisPattern.BREAK_SLOT, tags[from - 1])) {
			from--;
		}
		int to = p;
		while (to + 1 < tags.length && to - p < within
				&& !CrisisPattern.accepts(CrisisPattern.BREAK_SLOT, tags[to + 1])) {
			to++;
		}
		int first = p;
		int last = p;
		for (int slot = 0; slot < slots.length; slot++) {
			if (slot == anchor || optional[slot] || slots[slot] == CrisisPattern.END) {
				continue;
			}
			int best = -1;
			for (int i = from; i <= to; i++) {
				if (i != p && CrisisPattern.accepts(slots[slot], tags[i])
						&& (best < 0 || Math.abs(i - p) < Math.abs(best - p))) {
					best = i;
				}
			}
			if (best < 0) {
				return null;
			}
			first = Math.min(first, best);
			last = Math.max(last, best);
		}
		return last - first <= within ? new int[] { first, last } : null;
	}

	/**
	 * @return the positions of the slot's concepts in the message, in order, each once
	 */
	private static int[] anchorPositions(int[] slot, int[] counts, int[][] positions, int total) {
		if (slot.length == 1) {
			return positions[slot[0]];
		}
		int[] merged = new int[total];
		int n = 0;
		for (int concept : slot) {
			if (concept >= 0 && counts[concept] > 0) {
				System.arraycopy(positions[concept], 0, merged, n, counts[concept]);
				n += counts[concept];
			}
		}
		Arrays.sort(merged, 0, n);
		int unique = 0;
		for (int i = 0; i < n; i++) {
			if (unique == 0 || merged[unique - 1] != merged[i]) {
				merged[unique++] = merged[i];
			}
		}
		return unique == merged.length ? merged : Arrays.copyOf(merged, unique);
	}

}
