package org.scoutline.safety;

/**
 * The 64-bit hashes a {@link Vocabulary} files its words under. From the hashes of a
 * word's prefixes follow, without allocation, the hash of any piece of the word and of
 * the word with one or two letters left out; {@link #mix} spreads a hash and its length
 * over all 64 bits for the tables.
 */
final class WordHashes {

	private static final long BASE = 0x100000001b3L;

	private static final long[] POWERS = new long[64];

	static {
		POWERS[0] = 1;
		for (int i = 1; i < POWERS.length; i++) {
			POWERS[i] = POWERS[i - 1] * BASE;
		}
	}

	private WordHashes() {
	}

	/**
	 * @return at {@code k}, the hash of the word's first {@code k} letters
	 */
	static long[] prefixHashes(String word) {
		int n = word.length();
		long[] prefix = new long[n + 1];
		for (int i = 0; i < n; i++) {
			prefix[i + 1] = prefix[i] * BASE + word.charAt(i);
		}
		return prefix;
	}

	static long hash(String word, int from, int to) {
		long h = 0;
		for (int i = from; i < to; i++) {
			h = h * BASE + word.charAt(i);
		}
		return h;
	}

	/**
	 * @return the hash of the letters from {@code start} to {@code end} (exclusive)
	 */
	static long piece(long[] prefix, int start, int end) {
		return prefix[end] - prefix[start] * POWERS[end - start];
	}

	/**
	 * @return the hash of the word without the letter at {@code i}
	 */
	static long without(long[] prefix, int n, int i) {
		long tail = prefix[n] - prefix[i + 1] * POWERS[n - i - 1];
		return prefix[i] * POWERS[n - i - 1] + tail;
	}

	/**
	 * @return the hash of the word without the letters at {@code i < j}
	 */
	static long without(long[] prefix, int n, int i, int j) {
		long middle = prefix[j] - prefix[i + 1] * POWERS[j - i - 1];
		long tail = prefix[n] - prefix[j + 1] * POWERS[n - j - 1];
		return (prefix[i] * POWERS[j - i - 1] + middle) * POWERS[n - j - 1] + tail;
	}

	static long mix(long h, int length) {
		long x = h ^ ((long) length << 56) ^ 0x9e3779b97f4a7c15L;
		x = (x ^ (x >>> 33)) * 0xff51afd7ed558ccdL;
		x = (x ^ (x >>> 33)) * 0xc4ceb9fe1a85ec53L;
		return x ^ (x >>> 33);
	}

}
