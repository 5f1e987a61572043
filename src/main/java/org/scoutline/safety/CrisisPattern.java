package org.scoutline.safety;

import java.util.ArrayList;
import java.util.List;

/**
 * One compiled pattern of the crisis lexicon: a sequence of slots, each a set of concepts, with at most
 * {@code gap} other words between two slots that match ({@value #WIDE_GAP} after {@code ...}). A slot written with
 * {@code ?} may be left out.
 *
 * @param name the pattern as written, for messages
 * @param slots the concepts each slot accepts
 * @param optional which slots may be left out (never the first)
 * @param gaps the most words allowed before each slot, after the one matched before it
 */
record CrisisPattern(String name, int[][] slots, boolean[] optional, int[] gaps, long[] blooms, int within) {

	CrisisPattern(String name, int[][] slots, boolean[] optional, int[] gaps) {
		this(name, slots, optional, gaps, blooms(slots), 0);
	}

	/** the words a pattern in any order ({@code & ...}) may span, by default */
	static final int DEFAULT_WITHIN = 8;

	/** @return whether the slots may match in any order, within {@link #within} words of one sentence */
	boolean unordered() {
		return within > 0;
	}

	/** @return one bit per concept (its id modulo 64): a word whose bits miss a slot's cannot match it */
	static long bloom(int[] concepts) {
		long bits = 0;
		for (int concept : concepts) {
			bits |= 1L << (concept & 63);
		}
		return bits;
	}

	private static long[] blooms(int[][] slots) {
		long[] blooms = new long[slots.length];
		for (int i = 0; i < slots.length; i++) {
			blooms[i] = bloom(slots[i]);
		}
		return blooms;
	}

	/** the words {@code ...} may stand for */
	static final int WIDE_GAP = 6;

	/** the concept of a sentence break */
	static final int BREAK = -1;

	private static final int[] BREAK_SLOT = { BREAK };

	/** a slot written {@code $}: the end of the sentence or of the message, taking no word */
	static final int[] END = { Integer.MIN_VALUE };

	/** @return where the pattern matches at or after {@code from}: {@code [first, last]} word index, or {@code null} */
	int[] find(int[][] tags, int from) {
		return find(tags, null, from);
	}

	/**
	 * Like {@link #find(int[][], long[], int)}, but tries only starts near the words of the slot that occurs least
	 * in the message (by {@code counts} per concept), which matters in long messages full of common words.
	 */
	int[] find(int[][] tags, long[] wordBlooms, int from, int[] counts, int[][] positions) {
		int anchor = -1;
		int fewest = Integer.MAX_VALUE;
		for (int slot = 0; slot < slots.length; slot++) {
			if (optional[slot] || slots[slot] == END) {
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
		if (unordered()) {
			for (int p : at) {
				if (p >= from) {
					int[] span = around(tags, p, anchor);
					// a match must start at or after `from`, so that searching on from its start + 1 moves on
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
				int last = rest(tags, 1, p);
				if (last >= 0) {
					return new int[] { p, last };
				}
				continue;
			}
			for (int start = Math.max(next, p - reach); start < p; start++) {
				if ((wordBlooms[start] & blooms[0]) != 0 && accepts(slots[0], tags[start])) {
					int last = rest(tags, 1, start);
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
	 * @return the span of a match in any order around the anchor word at {@code p}: every other required slot
	 * within {@link #within} words of it, in the same sentence; {@code null} when there is none
	 */
	private int[] around(int[][] tags, int p, int anchor) {
		int from = p;
		while (from > 0 && p - from < within && !accepts(BREAK_SLOT, tags[from - 1])) {
			from--;
		}
		int to = p;
		while (to + 1 < tags.length && to - p < within && !accepts(BREAK_SLOT, tags[to + 1])) {
			to++;
		}
		int first = p;
		int last = p;
		for (int slot = 0; slot < slots.length; slot++) {
			if (slot == anchor || optional[slot] || slots[slot] == END) {
				continue;
			}
			int best = -1;
			for (int i = from; i <= to; i++) {
				if (i != p && accepts(slots[slot], tags[i]) && (best < 0 || Math.abs(i - p) < Math.abs(best - p))) {
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

	/** @return the positions of the slot's concepts in the message, in order, each once */
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
		java.util.Arrays.sort(merged, 0, n);
		int unique = 0;
		for (int i = 0; i < n; i++) {
			if (unique == 0 || merged[unique - 1] != merged[i]) {
				merged[unique++] = merged[i];
			}
		}
		return unique == merged.length ? merged : java.util.Arrays.copyOf(merged, unique);
	}

	/** @return like {@link #find(int[][], int)}, skipping words whose {@code wordBlooms} rule them out */
	int[] find(int[][] tags, long[] wordBlooms, int from) {
		long first = blooms[0];
		for (int start = from; start < tags.length; start++) {
			if (wordBlooms != null && (wordBlooms[start] & first) == 0) {
				continue;
			}
			if (accepts(slots[0], tags[start])) {
				int last = rest(tags, 1, start);
				if (last >= 0) {
					return new int[] { start, last };
				}
			}
		}
		return null;
	}

	private int rest(int[][] tags, int slot, int previous) {
		if (slot == slots.length) {
			return previous;
		}
		if (slots[slot] == END) {
			boolean atEnd = previous + 1 == tags.length || accepts(BREAK_SLOT, tags[previous + 1]);
			return atEnd ? rest(tags, slot + 1, previous) : -1;
		}
		for (int next = previous + 1; next <= previous + 1 + gaps[slot] && next < tags.length; next++) {
			if (accepts(slots[slot], tags[next])) {
				int last = rest(tags, slot + 1, next);
				if (last >= 0) {
					return last;
				}
			}
		}
		return optional[slot] ? rest(tags, slot + 1, previous) : -1;
	}

	/**
	 * @param present the concepts that occur in the message, as a bit set
	 * @return whether every slot that must match has a concept in the message: if not, the pattern cannot match
	 */
	boolean possible(long[] present) {
		for (int slot = 0; slot < slots.length; slot++) {
			if (optional[slot] || slots[slot] == END) {
				continue;
			}
			boolean any = false;
			for (int concept : slots[slot]) {
				if (concept >= 0 && (present[concept >>> 6] & (1L << concept)) != 0) {
					any = true;
					break;
				}
			}
			if (!any) {
				return false;
			}
		}
		return true;
	}

	/** @return the index of the last word of a match starting at {@code start}, or -1 */
	int matchAt(int[][] tags, int start) {
		return accepts(slots[0], tags[start]) ? rest(tags, 1, start) : -1;
	}

	/** @return the concepts that can start this pattern */
	int[] first() {
		return slots[0];
	}

	static boolean accepts(int[] slot, int[] wordTags) {
		for (int tag : wordTags) {
			for (int concept : slot) {
				if (tag == concept) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Compiles a written pattern: words separated by spaces, each a concept ({@code @die}), a word ({@code sterben},
	 * matched with small slips), a word to match letter for letter ({@code =die}), or alternatives of these joined by
	 * {@code |}; a trailing {@code ?} makes a slot optional.
	 */
	static CrisisPattern compile(String written, int gap, Resolver resolver) {
		return compile(written, gap, DEFAULT_WITHIN, resolver);
	}

	/**
	 * Compiles a pattern; one written {@code & a b c} matches its slots in any order within {@code within} words of
	 * one sentence ({@code ?}, {@code ...} and {@code $} have no meaning there).
	 */
	static CrisisPattern compile(String written, int gap, int within, Resolver resolver) {
		String text = written.trim();
		boolean anyOrder = text.startsWith("& ");
		if (anyOrder) {
			text = text.substring(2).trim();
		}
		String[] parts = text.split("\\s+");
		List<int[]> slots = new ArrayList<>();
		List<Boolean> optional = new ArrayList<>();
		List<Integer> gaps = new ArrayList<>();
		int nextGap = gap;
		for (String part : parts) {
			if ("...".equals(part)) {
				if (slots.isEmpty()) {
					throw new IllegalArgumentException("pattern '" + written + "' cannot start with '...'");
				}
				nextGap = Math.max(gap, WIDE_GAP);
				continue;
			}
			boolean maybe = part.endsWith("?");
			String body = maybe ? part.substring(0, part.length() - 1) : part;
			if (body.isEmpty()) {
				throw new IllegalArgumentException("empty slot in pattern '" + written + "'");
			}
			if (maybe && slots.isEmpty()) {
				throw new IllegalArgumentException("the first slot of pattern '" + written + "' cannot be optional");
			}
			if ("$".equals(body)) {
				if (maybe || slots.isEmpty()) {
					throw new IllegalArgumentException("'$' in pattern '" + written + "' must be a later, required slot");
				}
				slots.add(END);
				optional.add(false);
				gaps.add(0);
				continue;
			}
			String[] alternatives = body.split("\\|");
			int[] concepts = new int[alternatives.length];
			for (int i = 0; i < alternatives.length; i++) {
				concepts[i] = resolver.concept(alternatives[i], written);
			}
			slots.add(concepts);
			optional.add(maybe);
			gaps.add(nextGap);
			nextGap = gap;
		}
		boolean[] flags = new boolean[optional.size()];
		for (int i = 0; i < flags.length; i++) {
			flags[i] = optional.get(i);
		}
		if (anyOrder && (slots.size() < 2 || optional.contains(true) || slots.contains(END))) {
			throw new IllegalArgumentException("pattern '" + written + "' in any order needs two or more plain slots");
		}
		int[][] compiled = slots.toArray(int[][]::new);
		return new CrisisPattern(written, compiled, flags, gaps.stream().mapToInt(Integer::intValue).toArray(),
				blooms(compiled), anyOrder ? within : 0);
	}

	/** Finds the concept a slot's alternative names. */
	@FunctionalInterface
	interface Resolver {

		int concept(String alternative, String pattern);

	}

}
