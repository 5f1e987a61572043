package org.scoutline.safety;

import java.util.List;

/**
 * Finds a phrase in a list of words: the phrase's words in order, at most one extra word between two of them, each
 * word allowing a small misspelling (none up to 3 letters, one up to 7, two beyond). A long single word also matches
 * the start of a longer word ({@code suizid} in {@code suizidgedanken}).
 */
final class PhraseMatcher {

	private PhraseMatcher() {
	}

	/**
	 * @param fuzzy whether words may be misspelled (signals) or must be exact (figurative phrases, which must never
	 * cancel more than they say)
	 * @return the index of the first word of the first match, or -1; {@code end[0]} gets its last index
	 */
	static int find(List<String> words, List<String> phrase, boolean fuzzy, int[] end) {
		return find(words, phrase, fuzzy, 0, end);
	}

	/** @return like {@link #find(List, List, boolean, int[])}, looking only at matches starting at {@code from} or later */
	static int find(List<String> words, List<String> phrase, boolean fuzzy, int from, int[] end) {
		for (int start = from; start < words.size(); start++) {
			if (matches(words.get(start), phrase.get(0), fuzzy, phrase.size() == 1)) {
				int last = matchRest(words, phrase, fuzzy, 1, start);
				if (last >= 0) {
					end[0] = last;
					return start;
				}
			}
		}
		return -1;
	}

	private static int matchRest(List<String> words, List<String> phrase, boolean fuzzy, int p, int previous) {
		if (p == phrase.size()) {
			return previous;
		}
		for (int gap = 1; gap <= 2 && previous + gap < words.size(); gap++) {
			if (matches(words.get(previous + gap), phrase.get(p), fuzzy, false)) {
				int last = matchRest(words, phrase, fuzzy, p + 1, previous + gap);
				if (last >= 0) {
					return last;
				}
			}
		}
		return -1;
	}

	private static boolean matches(String word, String target, boolean fuzzy, boolean allowPrefix) {
		return fuzzy ? similar(word, target, allowPrefix) : word.equals(target);
	}

	static boolean similar(String word, String target, boolean allowPrefix) {
		if (word.equals(target)) {
			return true;
		}
		if (allowPrefix && target.length() >= 6 && word.startsWith(target)) {
			return true;
		}
		int allowed = target.length() <= 3 ? 0 : target.length() <= 7 ? 1 : 2;
		return allowed > 0 && Math.abs(word.length() - target.length()) <= allowed
				&& distance(word, target, allowed) <= allowed;
	}

	/** Levenshtein distance, giving up early once it exceeds {@code limit}. */
	static int distance(String a, String b, int limit) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			int rowMin = current[0];
			for (int j = 1; j <= b.length(); j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
				rowMin = Math.min(rowMin, current[j]);
			}
			if (rowMin > limit) {
				return limit + 1;
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
