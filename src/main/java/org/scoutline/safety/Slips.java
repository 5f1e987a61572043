package org.scoutline.safety;

/**
 * How many slips apart a written word and a vocabulary word are: the
 * optimal-string-alignment distance, in which a swap of two neighbouring letters is one
 * slip, as are a missing, an extra and a wrong letter, where a wrong letter counts only
 * if it is typed for the right one ({@link #NEAR}) and short words forgive less
 * ({@link #count}).
 */
final class Slips {

	private Slips() {
	}

	/**
	 * Short words are one wrong letter away from other real words
	 * ({@code dead}/{@code deal}, {@code leben}/{@code
	 * lesen}), so a wrong letter counts as a slip only in words of 6 or more letters, a
	 * missing or extra letter from 5, and a swap of two neighbours always.
	 */
	static int count(String word, String target, int limit) {
		int n = target.length();
		int wrong = n >= 6 ? 1 : 2;
		int missing = n >= 5 ? 1 : 2;
		return distance(word, target, limit, wrong, missing);
	}

	/**
	 * Letters that are typed for each other: neighbours on a QWERTZ or QWERTY keyboard,
	 * and letters that sound alike ({@code c/k}, {@code s/z}, {@code i/y}, {@code v/w/f},
	 * {@code d/t}, {@code b/p}, {@code g/k}). Any other wrong letter turns a word into
	 * another word more often than it is a slip ({@code better}/{@code letter}).
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
		for (String pair : new String[] { "ck", "sz", "iy", "vw", "vf", "fw", "dt", "bp", "gk", "ie", "ae", "ou", "ei",
				"uo", "ea", "sc", "xs", "qk", "jy", "ji", "mn" }) {
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

	private static final int ROW = Vocabulary.MAX_WORD + 2;

	private static final ThreadLocal<int[][]> ROWS = ThreadLocal.withInitial(() -> new int[3][ROW]);

	/**
	 * Optimal string alignment distance (a swap of neighbours is one edit), stopping past
	 * {@code limit}.
	 */
	static int distance(String a, String b, int limit) {
		return distance(a, b, limit, 1, 1);
	}

	/**
	 * Optimal string alignment distance with the cost of a wrong letter and of a missing
	 * or extra letter (a swap of neighbours costs one), stopping once it exceeds
	 * {@code limit}.
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
			// a swap reaches back two rows: give up only when two rows in a row are past
			// the limit
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
	 * @return how many letters the two words share at their start plus at their end (at
	 * most the shorter length): every slip spoils at most two letters in between, so
	 * words that share too little cannot be a slip apart
	 */
	static int sharedEnds(String a, String b) {
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

}
