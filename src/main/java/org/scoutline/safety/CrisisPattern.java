package org.scoutline.safety;

/**
 * One compiled pattern of the crisis lexicon: a sequence of slots, each a set of
 * concepts, with at most {@code gap} other words between two slots that match
 * ({@value #WIDE_GAP} after {@code ...}). A slot written with {@code ?} may be left out.
 * {@link CrisisPatternParser} reads the written form.
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

	/**
	 * @return whether the slots may match in any order, within {@link #within} words of
	 * one sentence
	 */
	boolean unordered() {
		return within > 0;
	}

	/**
	 * @return one bit per concept (its id modulo 64): a word whose bits miss a slot's
	 * cannot match it
	 */
	static long bloom(int[] concepts) {
		long bits = 0;
		for (int concept : concepts) {
			bits |= 1L << (concept & 63);
		}
		return bits;
	}

	static long[] blooms(int[][] slots) {
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

	/** a slot that takes only a sentence break */
	static final int[] BREAK_SLOT = { BREAK };

	/**
	 * a slot written {@code $}: the end of the sentence or of the message, taking no word
	 */
	static final int[] END = { Integer.MIN_VALUE };

	/**
	 * @return where the pattern matches at or after {@code from}: {@code [first, last]}
	 * word index, or {@code null}
	 */
	int[] find(int[][] tags, int from) {
		return find(tags, null, from);
	}

	/**
	 * Like {@link #find(int[][], long[], int)}, but tries only starts near the words of
	 * the slot that occurs least in the message (by {@code counts} per concept), which
	 * matters in long messages full of common words; see {@link RarestSlotSearch}.
	 */
	int[] find(int[][] tags, long[] wordBlooms, int from, int[] counts, int[][] positions) {
		return RarestSlotSearch.find(this, tags, wordBlooms, from, counts, positions);
	}

	/**
	 * @return like {@link #find(int[][], int)}, skipping words whose {@code wordBlooms}
	 * rule them out
	 */
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

	/**
	 * @return the index of the last word of a match whose slots before {@code slot} end
	 * at {@code previous}, or -1
	 */
	int rest(int[][] tags, int slot, int previous) {
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
	 * @return whether every slot that must match has a concept in the message: if not,
	 * the pattern cannot match
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

	/**
	 * @return the index of the last word of a match starting at {@code start}, or -1
	 */
	int matchAt(int[][] tags, int start) {
		return accepts(slots[0], tags[start]) ? rest(tags, 1, start) : -1;
	}

	/**
	 * @return the concepts that can start this pattern
	 */
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
	 * Compiles a written pattern: words separated by spaces, each a concept
	 * ({@code @die}), a word ({@code sterben}, matched with small slips), a word to match
	 * letter for letter ({@code =die}), or alternatives of these joined by {@code |}; a
	 * trailing {@code ?} makes a slot optional.
	 */
	static CrisisPattern compile(String written, int gap, Resolver resolver) {
		return compile(written, gap, DEFAULT_WITHIN, resolver);
	}

	/**
	 * Compiles a pattern; one written {@code & a b c} matches its slots in any order
	 * within {@code within} words of one sentence ({@code ?}, {@code ...} and {@code $}
	 * have no meaning there). See {@link CrisisPatternParser}.
	 */
	static CrisisPattern compile(String written, int gap, int within, Resolver resolver) {
		return CrisisPatternParser.parse(written, gap, within, resolver);
	}

	/** Finds the concept a slot's alternative names. */
	@FunctionalInterface
	interface Resolver {

		int concept(String alternative, String pattern);

	}

}
