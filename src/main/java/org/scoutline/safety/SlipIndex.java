package org.scoutline.safety;

import java.util.Arrays;
import java.util.List;

/**
 * The entries of a {@link Vocabulary} that may match with slips, by symmetric deletion:
 * each is filed under the {@link WordHashes hash} of its word and of its word with one
 * letter left out (and two, for long words), so that a written word finds every candidate
 * through its own hash and deletions. Each candidate is then checked letter by letter
 * ({@link Slips}).
 */
final class SlipIndex {

	private static final ThreadLocal<IntList> CHECKED = ThreadLocal.withInitial(IntList::new);

	private final LongTable fuzzy = new LongTable();

	/** the vocabulary's words and their concepts, by entry id */
	private final List<String> words;

	private final List<int[]> conceptsOf;

	/** per entry, how many slips it allows */
	private int[] allowed = new int[256];

	/**
	 * per entry, which letters a to z it has (one bit each): a cheap test before the
	 * letter-by-letter one
	 */
	private int[] letterSets = new int[256];

	/** the longest words that may match with one slip, and with two */
	private int longestFuzzy;

	private int longestFuzzy2;

	SlipIndex(List<String> words, List<int[]> conceptsOf) {
		this.words = words;
		this.conceptsOf = conceptsOf;
	}

	/**
	 * @param prefix the {@link WordHashes#prefixHashes prefix hashes} of the entry's word
	 * @param slips how many slips the entry allows: 0 files nothing
	 */
	void add(int id, String word, long[] prefix, int slips) {
		if (id >= letterSets.length) {
			int length = Math.max(id + 1, letterSets.length * 2);
			letterSets = Arrays.copyOf(letterSets, length);
			allowed = Arrays.copyOf(allowed, length);
		}
		letterSets[id] = letters(word);
		allowed[id] = slips;
		int n = word.length();
		if (slips >= 1) {
			longestFuzzy = Math.max(longestFuzzy, n);
			fuzzy.add(WordHashes.mix(prefix[n], n), id);
			for (int i = 0; i < n; i++) {
				fuzzy.add(WordHashes.mix(WordHashes.without(prefix, n, i), n - 1), id);
			}
		}
		if (slips >= 2) {
			longestFuzzy2 = Math.max(longestFuzzy2, n);
			for (int i = 0; i < n; i++) {
				for (int j = i + 1; j < n; j++) {
					fuzzy.add(WordHashes.mix(WordHashes.without(prefix, n, i, j), n - 2), id);
				}
			}
		}
	}

	/**
	 * @param word a normalised word of at most {@link Vocabulary#MAX_WORD} letters
	 * @param prefix its {@link WordHashes#prefixHashes prefix hashes}
	 * @param found receives the concepts of the entries the word matches with slips
	 */
	void concepts(String word, long[] prefix, IntList found) {
		int n = word.length();
		if (n < 3 || n > longestFuzzy + 2) {
			return;
		}
		int letters = letters(word);
		IntList checked = CHECKED.get();
		checked.clear();
		check(word, letters, fuzzy.get(WordHashes.mix(prefix[n], n)), found, checked);
		for (int i = 0; i < n; i++) {
			check(word, letters, fuzzy.get(WordHashes.mix(WordHashes.without(prefix, n, i), n - 1)), found, checked);
		}
		if (n >= 8 && n <= Math.min(longestFuzzy2 + 2, Vocabulary.MAX_TWO_SLIPS)) {
			for (int i = 0; i < n; i++) {
				for (int j = i + 1; j < n; j++) {
					long deleted = WordHashes.mix(WordHashes.without(prefix, n, i, j), n - 2);
					check(word, letters, fuzzy.get(deleted), found, checked);
				}
			}
		}
	}

	/**
	 * Checks each candidate once per word (a word finds the same entry through several of
	 * its deletions).
	 */
	private void check(String word, int letters, int[] candidates, IntList found, IntList checked) {
		if (candidates == null) {
			return;
		}
		for (int id : candidates) {
			if (!checked.addIfNew(id)) {
				continue;
			}
			int allowed = this.allowed[id];
			// each slip changes at most two letters of the set: more differences cannot
			// be slips
			if (Integer.bitCount(letters ^ letterSets[id]) > 2 * allowed) {
				continue;
			}
			String target = words.get(id);
			if (target.equals(word)) {
				found.addAll(conceptsOf.get(id));
			}
			else if (Math.abs(word.length() - target.length()) <= allowed
					&& Slips.sharedEnds(word, target) >= Math.max(word.length(), target.length()) - 2 * allowed
					&& Slips.count(word, target, allowed) <= allowed) {
				found.addAll(conceptsOf.get(id));
			}
		}
	}

	/**
	 * @return one bit per letter a to z in the word (other characters share the last bit)
	 */
	private static int letters(String word) {
		int set = 0;
		for (int i = 0; i < word.length(); i++) {
			char c = word.charAt(i);
			set |= c >= 'a' && c <= 'z' ? 1 << (c - 'a') : 1 << 26;
		}
		return set;
	}

}
