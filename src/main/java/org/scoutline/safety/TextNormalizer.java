package org.scoutline.safety;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns free text into comparable words in one pass: lower case, umlauts folded (ä→ae,
 * ß→ss), other accents dropped, apostrophes inside a word dropped ({@code don't} →
 * {@code dont}), digits and signs written as letters read as letters inside words
 * ({@code 5u1z1d} → {@code suizid}), runs of three or more equal letters shortened to two
 * ({@code leeeeben} → {@code leeben}, which the fuzzy match then takes for
 * {@code leben}); everything else is a word break. The end of a sentence ({@code . ! ?},
 * a new line) becomes the word {@value #BREAK}, so that patterns can stop there; a
 * laughing emoji becomes {@value #LAUGHING}. Hangul passes as whole syllables, after
 * {@link HangulText}; a Korean word's digits stay digits.
 */
final class TextNormalizer {

	/** the word that stands for the end of a sentence */
	static final String BREAK = ".";

	/** the word for a laughing emoji, so that figurative patterns can see the joke */
	static final String LAUGHING = "lol";

	private static boolean isLaughing(int codePoint) {
		return codePoint == 0x1F602 || codePoint == 0x1F923 || codePoint == 0x1F606 || codePoint == 0x1F639;
	}

	private TextNormalizer() {
	}

	static List<String> words(String written) {
		String text = HangulText.prepared(written);
		Builder builder = new Builder(text.length());
		int length = text.length();
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c < 128) {
				if (c >= 'A' && c <= 'Z') {
					c = (char) (c + 32);
				}
				if (c >= 'a' && c <= 'z') {
					builder.letter(c);
				}
				else if (c >= '0' && c <= '9'
						|| (c == '@' || c == '$' || c == '!') && builder.started() && i + 1 < length
								&& Character.isLetterOrDigit(text.charAt(i + 1))
						|| (c == '@' || c == '$') && !builder.started() && i + 1 < length
								&& Character.isLetter(text.charAt(i + 1))) {
					builder.sign(c);
				}
				else if (c == '\'' && builder.started() && i + 1 < length && Character.isLetter(text.charAt(i + 1))) {
					// an apostrophe inside a word joins it
				}
				else {
					builder.flush();
					if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ';') {
						builder.sentenceBreak();
					}
				}
			}
			else if (c == '\u2019' || c == '\u02bc') {
				if (!builder.started() || i + 1 >= length || !Character.isLetter(text.charAt(i + 1))) {
					builder.flush();
				}
			}
			else if (Character.isLetter(c)) {
				appendFolded(Character.toLowerCase(c), builder);
			}
			else if (Character.getType(c) == Character.NON_SPACING_MARK) {
				// a combining accent on the letter before: dropped
			}
			else if (Character.isDigit(c)) {
				builder.sign(c);
			}
			else if (Character.isHighSurrogate(c) && i + 1 < length && isLaughing(text.codePointAt(i))) {
				builder.flush();
				builder.words.add(LAUGHING);
				i++;
			}
			else {
				builder.flush();
			}
		}
		builder.flush();
		return builder.words;
	}

	/**
	 * Collects one word at a time, noting what it needs (signs read as letters, runs
	 * shortened).
	 */
	private static final class Builder {

		final List<String> words;

		private final StringBuilder word = new StringBuilder(24);

		private boolean hasLetter;

		private boolean hasSign;

		private boolean hasRun;

		private boolean hasHangul;

		private char last;

		private int run;

		Builder(int length) {
			this.words = new ArrayList<>(Math.max(4, length / 5));
		}

		boolean started() {
			return !word.isEmpty();
		}

		void letter(char c) {
			hasLetter = true;
			hasHangul |= HangulText.isHangul(c);
			append(c);
		}

		void sign(char c) {
			hasSign = true;
			append(c);
		}

		private void append(char c) {
			run = c == last && !word.isEmpty() ? run + 1 : 1;
			hasRun |= run > 2;
			last = c;
			word.append(c);
		}

		void flush() {
			if (!word.isEmpty()) {
				String w = !hasLetter ? digitsOnly(word)
						: hasSign && !hasHangul ? readSignsAsLetters(word) : word.toString();
				if (hasRun || hasSign) {
					w = collapseRuns(w);
				}
				if (!w.isEmpty()) {
					words.add(w);
				}
				word.setLength(0);
			}
			hasLetter = false;
			hasSign = false;
			hasRun = false;
			hasHangul = false;
			run = 0;
		}

		void sentenceBreak() {
			if (!words.isEmpty() && !BREAK.equals(words.get(words.size() - 1))) {
				words.add(BREAK);
			}
		}

	}

	private static void appendFolded(char c, Builder word) {
		switch (c) {
			case 'ä' -> {
				word.letter('a');
				word.letter('e');
			}
			case 'ö' -> {
				word.letter('o');
				word.letter('e');
			}
			case 'ü' -> {
				word.letter('u');
				word.letter('e');
			}
			case 'ß' -> {
				word.letter('s');
				word.letter('s');
			}
			default -> {
				if (c < 0x250) {
					String plain = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
					for (int k = 0; k < plain.length(); k++) {
						char p = plain.charAt(k);
						if (Character.getType(p) != Character.NON_SPACING_MARK) {
							word.letter(p);
						}
					}
				}
				else {
					word.letter(c);
				}
			}
		}
	}

	private static String digitsOnly(CharSequence word) {
		StringBuilder out = new StringBuilder(word.length());
		for (int i = 0; i < word.length(); i++) {
			char c = word.charAt(i);
			if (c >= '0' && c <= '9') {
				out.append(c);
			}
		}
		return out.toString();
	}

	private static String readSignsAsLetters(CharSequence word) {
		StringBuilder out = new StringBuilder(word.length());
		for (int i = 0; i < word.length(); i++) {
			char c = word.charAt(i);
			out.append(switch (c) {
				case '0' -> 'o';
				case '1', '!' -> 'i';
				case '3' -> 'e';
				case '4', '@' -> 'a';
				case '5', '$' -> 's';
				case '7' -> 't';
				case '8' -> 'b';
				default -> c;
			});
		}
		return out.toString();
	}

	private static String collapseRuns(String word) {
		if (word.length() < 3) {
			return word;
		}
		StringBuilder out = null;
		int run = 0;
		for (int i = 0; i < word.length(); i++) {
			char c = word.charAt(i);
			run = i > 0 && word.charAt(i - 1) == c ? run + 1 : 1;
			if (run > 2 && Character.isLetter(c)) {
				if (out == null) {
					out = new StringBuilder(word.length()).append(word, 0, i);
				}
			}
			else if (out != null) {
				out.append(c);
			}
		}
		return out == null ? word : out.toString();
	}

}
