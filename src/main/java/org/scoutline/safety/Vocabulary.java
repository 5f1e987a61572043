package org.scoutline.safety;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which concepts a written word stands for, allowing for how people misspell in a hurry.
 * A word matches a vocabulary entry
 * <ul>
 * <li>exactly;</li>
 * <li>with small slips, counted as the optimal-string-alignment distance (a swap of two
 * neighbouring letters is one slip, as are a missing, an extra and a wrong letter): none
 * for words of up to 3 letters, one up to 8 letters, two beyond; in short words only some
 * slips count, see {@link #slips};</li>
 * <li>as the start of a longer word for entries written {@code stem*} ({@code suizid*} in
 * {@code suizidgedanken});</li>
 * <li>as a run of known words written without spaces ({@code iwanttodie}), see
 * {@link #split}.</li>
 * </ul>
 * Lookups cost no allocation but the result: every candidate is found by a 64-bit hash of
 * the word or of the word with one or two letters left out (symmetric deletion, see
 * {@link SlipIndex}), kept in an open-addressing table, then checked letter by letter
 * ({@link Slips}).
 */
final class Vocabulary {

	/**
	 * the longest written word checked for two slips: longer entries are written as stems
	 * ({@code stem*})
	 */
	static final int MAX_TWO_SLIPS = 13;

	/**
	 * the longest word looked at letter by letter; longer ones match only exactly or by
	 * their start
	 */
	static final int MAX_WORD = 40;

	private final List<String> words = new ArrayList<>();

	private final List<int[]> conceptsOf = new ArrayList<>();

	/** entry ids by how they may match and their word, while the vocabulary is built */
	private final Map<String, Integer> ids = new HashMap<>();

	private final LongTable exact = new LongTable();

	private final LongTable prefixes = new LongTable();

	private final SlipIndex slipIndex = new SlipIndex(words, conceptsOf);

	private final JoinedWords joined = new JoinedWords(exact, words);

	private boolean[] prefixLengths = new boolean[MAX_WORD + 1];

	private int minPrefix = MAX_WORD + 1;

	/** How an entry may match. */
	enum Mode {

		/** only letter for letter */
		EXACT,
		/** with small slips */
		FUZZY,
		/** letter for letter at the start of a word at least as long */
		PREFIX

	}

	/**
	 * @param word a normalised word
	 * @param concept the concept it stands for
	 */
	void add(String word, int concept, Mode mode) {
		if (word.isEmpty() || word.length() > MAX_WORD) {
			throw new IllegalArgumentException("a vocabulary word has 1 to " + MAX_WORD + " letters: " + word);
		}
		int id = idOf(word, mode == Mode.PREFIX ? -1 : allowed(word, mode));
		int[] concepts = conceptsOf.get(id);
		if (Arrays.stream(concepts).noneMatch(c -> c == concept)) {
			int[] more = Arrays.copyOf(concepts, concepts.length + 1);
			more[concepts.length] = concept;
			conceptsOf.set(id, more);
		}
	}

	private int idOf(String word, int allowed) {
		Integer known = ids.get(allowed + ":" + word);
		if (known != null) {
			return known;
		}
		int id = words.size();
		ids.put(allowed + ":" + word, id);
		words.add(word);
		conceptsOf.add(new int[0]);
		long[] prefix = WordHashes.prefixHashes(word);
		int n = word.length();
		if (allowed < 0) {
			prefixes.add(WordHashes.mix(prefix[n], n), id);
			prefixLengths[n] = true;
			minPrefix = Math.min(minPrefix, n);
			return id;
		}
		exact.add(WordHashes.mix(prefix[n], n), id);
		slipIndex.add(id, word, prefix, allowed);
		return id;
	}

	private static int allowed(String word, Mode mode) {
		if (mode == Mode.EXACT) {
			return 0;
		}
		int n = word.length();
		return n <= 3 ? 0 : n <= 8 ? 1 : 2;
	}

	/**
	 * @param word a normalised word
	 * @param found receives the concepts the word stands for (each once)
	 */
	void concepts(String word, IntList found) {
		int n = word.length();
		if (n > MAX_WORD) {
			matchPrefixes(word, WordHashes.prefixHashes(word.substring(0, MAX_WORD)), MAX_WORD, found);
			return;
		}
		long[] prefix = WordHashes.prefixHashes(word);
		int[] candidates = exact.get(WordHashes.mix(prefix[n], n));
		if (candidates != null) {
			for (int id : candidates) {
				if (words.get(id).equals(word)) {
					found.addAll(conceptsOf.get(id));
				}
			}
		}
		matchPrefixes(word, prefix, n, found);
		slipIndex.concepts(word, prefix, found);
	}

	private void matchPrefixes(String word, long[] prefix, int n, IntList found) {
		// a stem matches the word that is only the stem, too (자살* matches 자살)
		for (int k = minPrefix; k <= n; k++) {
			if (prefixLengths[k]) {
				int[] candidates = prefixes.get(WordHashes.mix(prefix[k], k));
				if (candidates != null) {
					for (int id : candidates) {
						if (word.startsWith(words.get(id))) {
							found.addAll(conceptsOf.get(id));
						}
					}
				}
			}
		}
	}

	/**
	 * @return how many slips apart the words are, see {@link Slips#count}
	 */
	static int slips(String word, String target, int limit) {
		return Slips.count(word, target, limit);
	}

	/**
	 * @return the optimal string alignment distance, see
	 * {@link Slips#distance(String, String, int)}
	 */
	static int distance(String a, String b, int limit) {
		return Slips.distance(a, b, limit);
	}

	/**
	 * @return whether the word is a vocabulary word, letter for letter (not as a start)
	 */
	boolean knows(String word) {
		int n = word.length();
		if (n > MAX_WORD) {
			return false;
		}
		int[] candidates = exact.get(WordHashes.mix(WordHashes.hash(word, 0, n), n));
		if (candidates != null) {
			for (int id : candidates) {
				if (words.get(id).equals(word)) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Splits a word written without spaces into vocabulary words, letter for letter,
	 * preferring the fewest pieces.
	 * @return the pieces, or {@code null} when the word is not such a run (or is a
	 * vocabulary word itself)
	 * @see JoinedWords
	 */
	List<String> split(String word) {
		return joined.split(word);
	}

}
