package org.scoutline.safety;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which concepts a written word stands for, allowing for how people misspell in a hurry. A word matches a
 * vocabulary entry
 * <ul>
 * <li>exactly;</li>
 * <li>with small slips, counted as the optimal-string-alignment distance (a swap of two neighbouring letters is one
 * slip, as are a missing, an extra and a wrong letter): none for words of up to 3 letters, one up to 8 letters, two
 * beyond; in short words only some slips count, see {@link #slips};</li>
 * <li>as the start of a longer word for entries written {@code stem*} ({@code suizid*} in {@code suizidgedanken});
 * </li>
 * <li>as a run of known words written without spaces ({@code iwanttodie}), see {@link #split}.</li>
 * </ul>
 * Lookups cost no allocation but the result: every candidate is found by a 64-bit hash of the word or of the word
 * with one or two letters left out (symmetric deletion), kept in an open-addressing table, then checked letter by
 * letter.
 */
final class Vocabulary {

	private static final long BASE = 0x100000001b3L;

	private static final long[] POWERS = new long[64];

	static {
		POWERS[0] = 1;
		for (int i = 1; i < POWERS.length; i++) {
			POWERS[i] = POWERS[i - 1] * BASE;
		}
	}

	/** the longest written word checked for two slips: longer entries are written as stems ({@code stem*}) */
	static final int MAX_TWO_SLIPS = 13;

	/** the longest run of words written together that is split */
	static final int MAX_SPLIT = 30;

	/** the longest word looked at letter by letter; longer ones match only exactly or by their start */
	static final int MAX_WORD = 40;

	private final List<String> words = new ArrayList<>();

	private final List<int[]> conceptsOf = new ArrayList<>();

	private final List<Integer> allowedOf = new ArrayList<>();

	/** entry ids by how they may match and their word, while the vocabulary is built */
	private final Map<String, Integer> ids = new HashMap<>();

	/** per entry, which letters a to z it has (one bit each): a cheap test before the letter-by-letter one */
	private int[] letterSets = new int[256];

	private final LongTable fuzzy = new LongTable();

	private final LongTable exact = new LongTable();

	private final LongTable prefixes = new LongTable();

	private boolean[] prefixLengths = new boolean[MAX_WORD + 1];

	private int minPrefix = MAX_WORD + 1;

	/** the longest words that may match with one slip, and with two */
	private int longestFuzzy;

	private int longestFuzzy2;

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
		allowedOf.add(allowed);
		if (id == letterSets.length) {
			letterSets = Arrays.copyOf(letterSets, id * 2);
		}
		letterSets[id] = letters(word);
		long[] prefix = prefixHashes(word);
		int n = word.length();
		if (allowed < 0) {
			prefixes.add(mix(prefix[n], n), id);
			prefixLengths[n] = true;
			minPrefix = Math.min(minPrefix, n);
			return id;
		}
		exact.add(mix(prefix[n], n), id);
		if (allowed >= 1) {
			longestFuzzy = Math.max(longestFuzzy, n);
			fuzzy.add(mix(prefix[n], n), id);
			for (int i = 0; i < n; i++) {
				fuzzy.add(mix(without(prefix, n, i), n - 1), id);
			}
		}
		if (allowed >= 2) {
			longestFuzzy2 = Math.max(longestFuzzy2, n);
			for (int i = 0; i < n; i++) {
				for (int j = i + 1; j < n; j++) {
					fuzzy.add(mix(without(prefix, n, i, j), n - 2), id);
				}
			}
		}
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
			matchPrefixes(word, prefixHashes(word.substring(0, MAX_WORD)), MAX_WORD, found);
			return;
		}
		long[] prefix = prefixHashes(word);
		int[] candidates = exact.get(mix(prefix[n], n));
		if (candidates != null) {
			for (int id : candidates) {
				if (words.get(id).equals(word)) {
					found.addAll(conceptsOf.get(id));
				}
			}
		}
		matchPrefixes(word, prefix, n, found);
		if (n < 3 || n > longestFuzzy + 2) {
			return;
		}
		int letters = letters(word);
		IntList checked = CHECKED.get();
		checked.clear();
		check(word, letters, fuzzy.get(mix(prefix[n], n)), found, checked);
		for (int i = 0; i < n; i++) {
			check(word, letters, fuzzy.get(mix(without(prefix, n, i), n - 1)), found, checked);
		}
		if (n >= 8 && n <= Math.min(longestFuzzy2 + 2, MAX_TWO_SLIPS)) {
			for (int i = 0; i < n; i++) {
				for (int j = i + 1; j < n; j++) {
					check(word, letters, fuzzy.get(mix(without(prefix, n, i, j), n - 2)), found, checked);
				}
			}
		}
	}

	private void matchPrefixes(String word, long[] prefix, int n, IntList found) {
		for (int k = minPrefix; k < n; k++) {
			if (prefixLengths[k]) {
				int[] candidates = prefixes.get(mix(prefix[k], k));
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

	private static final ThreadLocal<IntList> CHECKED = ThreadLocal.withInitial(IntList::new);

	/** Checks each candidate once per word (a word finds the same entry through several of its deletions). */
	private void check(String word, int letters, int[] candidates, IntList found, IntList checked) {
		if (candidates == null) {
			return;
		}
		for (int id : candidates) {
			if (!checked.addIfNew(id)) {
				continue;
			}
			int allowed = allowedOf.get(id);
			// each slip changes at most two letters of the set: more differences cannot be slips
			if (Integer.bitCount(letters ^ letterSets[id]) > 2 * allowed) {
				continue;
			}
			String target = words.get(id);
			if (target.equals(word)) {
				found.addAll(conceptsOf.get(id));
			}
			else if (Math.abs(word.length() - target.length()) <= allowed && sharedEnds(word, target) >= Math.max(
					word.length(), target.length()) - 2 * allowed && slips(word, target, allowed) <= allowed) {
				found.addAll(conceptsOf.get(id));
			}
		}
	}

	/**
	 * Short words are one wrong letter away from other real words ({@code dead}/{@code deal}, {@code leben}/{@code
	 * lesen}), so a wrong letter counts as a slip only in words of 6 or more letters, a missing or extra letter from 5,
	 * and a swap of two neighbours always.
	 */
	static int slips(String word, String target, int limit) {
		int n = target.length();
		int wrong = n >= 6 ? 1 : 2;
		int missing = n >= 5 ? 1 : 2;
		return distance(word, target, limit, wrong, missing);
	}

	/**
	 * Letters that are typed for each other: neighbours on a QWERTZ or QWERTY keyboard, and letters that sound
	 * alike ({@code c/k}, {@code s/z}, {@code i/y}, {@code v/w/f}, {@code d/t}, {@code b/p}, {@code g/k}). Any other
	 * wrong letter turns a word into another word more often than it is a slip ({@code better}/{@code letter}).
	 */
	private static final boolean[][] NEAR = new boolean[26][26];

	static {
		String[] rows = { "qwertzuiop", "asdfghjkl", "yxcvbnm", "qwertyuiop", "zxcvbnm" };
		for (String row : rows) {
			for (int i = 0; i + 1 < row.length(); i++) {
				near(row.charAt(i), row.charAt(i + 1));
			}
		}
		String[] above = { "qwertzuiop", "asdfghjkl", "qwertyuiop", "asdfghjkl" };
		String[] below = { "asdfghjkl", "yxcvbnm", "asdfghjkl", "zxcvbnm" };
		for (int r = 0; r < above.length; r++) {
			for (int i = 0; i < below[r].length(); i++) {
				near(below[r].charAt(i), above[r].charAt(i));
				near(below[r].charAt(i), above[r].charAt(i + 1));
			}
		}
		for (String pair : new String[] { "ck", "sz", "iy", "vw", "vf", "fw", "dt", "bp", "gk", "ie", "ae", "ou",
				"ei", "uo", "ea", "sc", "xs", "qk", "jy", "ji", "mn" }) {
			near(pair.charAt(0), pair.charAt(1));
		}
	}

	private static void near(char a, char b) {
		NEAR[a - 'a'][b - 'a'] = true;
		NEAR[b - 'a'][a - 'a'] = true;
	}

	private static boolean typedFor(char a, char b) {
		return a >= 'a' && a <= 'z' && b >= 'a' && b <= 'z' && NEAR[a - 'a'][b - 'a'];
	}

	/** @return whether the word is a vocabulary word, letter for letter (not as a start) */
	boolean knows(String word) {
		int n = word.length();
		if (n > MAX_WORD) {
			return false;
		}
		int[] candidates = exact.get(mix(hash(word, 0, n), n));
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
	 * Splits a word written without spaces into vocabulary words, letter for letter, preferring the fewest pieces.
	 * @return the pieces, or {@code null} when the word is not such a run (or is a vocabulary word itself)
	 */
	List<String> split(String word) {
		int n = word.length();
		if (n < 5 || n > MAX_SPLIT) {
			return null;
		}
		long[] prefix = prefixHashes(word);
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
				long h = prefix[end] - prefix[start] * POWERS[length];
				int[] candidates = exact.get(mix(h, length));
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

	private static final int ROW = MAX_WORD + 2;

	private static final ThreadLocal<int[][]> ROWS = ThreadLocal.withInitial(() -> new int[3][ROW]);

	/** Optimal string alignment distance (a swap of neighbours is one edit), stopping past {@code limit}. */
	static int distance(String a, String b, int limit) {
		return distance(a, b, limit, 1, 1);
	}

	/**
	 * Optimal string alignment distance with the cost of a wrong letter and of a missing or extra letter (a swap of
	 * neighbours costs one), stopping once it exceeds {@code limit}.
	 */
	static int distance(String a, String b, int limit, int wrong, int missing) {
		int n = a.length();
		int m = b.length();
		if (m + 1 > ROW) {
			return limit + 1;
		}
		int[][] rows = ROWS.get();
		int[] twoBack = rows[0];
		int[] previous = rows[1];
		int[] current = rows[2];
		for (int j = 0; j <= m; j++) {
			previous[j] = j * missing;
		}
		int previousMin = 0;
		for (int i = 1; i <= n; i++) {
			current[0] = i * missing;
			int rowMin = current[0];
			for (int j = 1; j <= m; j++) {
				char x = a.charAt(i - 1);
				char y = b.charAt(j - 1);
				int cost = x == y ? 0 : wrong == 1 && !typedFor(x, y) ? 2 : wrong;
				int d = Math.min(Math.min(current[j - 1] + missing, previous[j] + missing), previous[j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					d = Math.min(d, twoBack[j - 2] + 1);
				}
				current[j] = d;
				rowMin = Math.min(rowMin, d);
			}
			// a swap reaches back two rows: give up only when two rows in a row are past the limit
			if (rowMin > limit && previousMin > limit) {
				return limit + 1;
			}
			previousMin = rowMin;
			int[] swap = twoBack;
			twoBack = previous;
			previous = current;
			current = swap;
		}
		return Math.min(previous[m], limit + 1);
	}

	/**
	 * @return how many letters the two words share at their start plus at their end (at most the shorter length):
	 * every slip spoils at most two letters in between, so words that share too little cannot be a slip apart
	 */
	private static int sharedEnds(String a, String b) {
		int shorter = Math.min(a.length(), b.length());
		int start = 0;
		while (start < shorter && a.charAt(start) == b.charAt(start)) {
			start++;
		}
		int end = 0;
		while (end < shorter - start && a.charAt(a.length() - 1 - end) == b.charAt(b.length() - 1 - end)) {
			end++;
		}
		return start + end;
	}

	/** @return one bit per letter a to z in the word (other characters share the last bit) */
	private static int letters(String word) {
		int set = 0;
		for (int i = 0; i < word.length(); i++) {
			char c = word.charAt(i);
			set |= c >= 'a' && c <= 'z' ? 1 << (c - 'a') : 1 << 26;
		}
		return set;
	}

	private static long[] prefixHashes(String word) {
		int n = word.length();
		long[] prefix = new long[n + 1];
		for (int i = 0; i < n; i++) {
			prefix[i + 1] = prefix[i] * BASE + word.charAt(i);
		}
		return prefix;
	}

	private static long hash(String word, int from, int to) {
		long h = 0;
		for (int i = from; i < to; i++) {
			h = h * BASE + word.charAt(i);
		}
		return h;
	}

	/** @return the hash of the word without the letter at {@code i} */
	private static long without(long[] prefix, int n, int i) {
		long tail = prefix[n] - prefix[i + 1] * POWERS[n - i - 1];
		return prefix[i] * POWERS[n - i - 1] + tail;
	}

	/** @return the hash of the word without the letters at {@code i < j} */
	private static long without(long[] prefix, int n, int i, int j) {
		long middle = prefix[j] - prefix[i + 1] * POWERS[j - i - 1];
		long tail = prefix[n] - prefix[j + 1] * POWERS[n - j - 1];
		return (prefix[i] * POWERS[j - i - 1] + middle) * POWERS[n - j - 1] + tail;
	}

	private static long mix(long h, int length) {
		long x = h ^ ((long) length << 56) ^ 0x9e3779b97f4a7c15L;
		x = (x ^ (x >>> 33)) * 0xff51afd7ed558ccdL;
		x = (x ^ (x >>> 33)) * 0xc4ceb9fe1a85ec53L;
		return x ^ (x >>> 33);
	}

}
