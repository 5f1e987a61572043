package org.scoutline.safety;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a written pattern of the crisis lexicon into a {@link CrisisPattern}: words
 * separated by spaces, each a concept ({@code @die}), a word ({@code sterben}, matched
 * with small slips), a word to match letter for letter ({@code =die}), or alternatives of
 * these joined by {@code |}. A trailing {@code ?} makes a slot optional, {@code ...}
 * widens the gap before the next slot, {@code $} stands for the end of a sentence, and a
 * pattern written {@code & a b c} matches its slots in any order.
 */
final class CrisisPatternParser {

	private CrisisPatternParser() {
	}

	/**
	 * @param gap the most words allowed between two slots
	 * ({@value CrisisPattern#WIDE_GAP} or more after {@code ...})
	 * @param within the words a pattern in any order may span
	 * @param resolver finds the concept each alternative names
	 * @throws IllegalArgumentException naming the pattern when it is written wrong
	 */
	static CrisisPattern parse(String written, int gap, int within, CrisisPattern.Resolver resolver) {
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
				nextGap = Math.max(gap, CrisisPattern.WIDE_GAP);
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
					throw new IllegalArgumentException(
							"'$' in pattern '" + written + "' must be a later, required slot");
				}
				slots.add(CrisisPattern.END);
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
		if (anyOrder && (slots.size() < 2 || optional.contains(true) || slots.contains(CrisisPattern.END))) {
			throw new IllegalArgumentException("pattern '" + written + "' in any order needs two or more plain slots");
		}
		int[][] compiled = slots.toArray(int[][]::new);
		return new CrisisPattern(written, compiled, flags, gaps.stream().mapToInt(Integer::intValue).toArray(),
				CrisisPattern.blooms(compiled), anyOrder ? within : 0);
	}

}
