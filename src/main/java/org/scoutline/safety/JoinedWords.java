package org.scoutline.safety;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a word written without spaces ({@code iwanttodie}) into the words of a
 * {@link Vocabulary}, letter for letter, preferring the fewest pieces. Each piece is
 * looked up by its hash among the entries that match exactly.
 */
final class JoinedWords {

	/** the longest run of words written together that is split */
	static final int MAX_SPLIT = 30;

	private final LongTable exact;

	private final List<String> words;

	/**
	 * @param exact the vocabulary's entries that match letter for letter, by the
	 * {@link WordHashes#mix mixed} hash of their word
	 * @param words the words of the entries by id, as the vocabulary grows
	 */
	JoinedWords(LongTable exact, List<String> words) {
		this.exact = exact;
		this.words = words;
	}

	/**
	 * @return the pieces, or {@code null} when the word is not such a run (or is a
	 * vocabulary word itself)
	 */
	List<String> split(String word) {
		int n = word.length();
		if (n < 5 || n > MAX_SPLIT) {
			return null;
		}
		long[] prefix = WordHashes.prefixHashes(word);
		int[] pieces = new int[n + 1];
		int[] from = new int[n + 1];
		Arrays.fill(pieces, Integer.MAX_VALUE);
		pieces[0] = 0;
		for (int start = 0; start < n; start++) {
			if (pieces[start] == Integer.MAX_VALUE) {
				continue;
			}
			for (int end = start + 1; end <= n && end - start <= 16; end++) {
				int length = end - start;
				long h = WordHashes.piece(prefix, start, end);
				int[] candidates = exact.get(WordHashes.mix(h, length));
				if (candidates != null && pieces[start] + 1 < pieces[end] && matchesAt(word, start, end, candidates)) {
					pieces[end] = pieces[start] + 1;
					from[end] = start;
				}
			}
		}
		if (pieces[n] == Integer.MAX_VALUE || pieces[n] < 2) {
			return null;
		}
		List<String> out = new ArrayList<>(pieces[n]);
		for (int end = n; end > 0; end = from[end]) {
			out.add(0, word.substring(from[end], end));
		}
		return out;
	}

	private boolean matchesAt(String word, int start, int end, int[] candidates) {
		for (int id : candidates) {
			String target = words.get(id);
			if (target.length() == end - start && word.startsWith(target, start)) {
				return true;
			}
		}
		return false;
	}

}
