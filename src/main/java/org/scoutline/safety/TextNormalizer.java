package org.scoutline.safety;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns free text into comparable words: lower case, umlauts folded (ä→ae, ß→ss), other accents dropped, digits
 * written as letters read as letters inside words ({@code 5u1z1d} → {@code suizid}), runs of three or more equal
 * letters (not digits) shortened to two ({@code leeeeben} → {@code leeben}, which the fuzzy match then takes for {@code leben}), everything else a word break.
 */
final class TextNormalizer {

	private TextNormalizer() {
	}

	static List<String> words(String text) {
		String folded = fold(text.toLowerCase(Locale.ROOT));
		List<String> words = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		for (int i = 0; i < folded.length(); i++) {
			char c = folded.charAt(i);
			if (Character.isLetterOrDigit(c) || c == '@' || c == '$') {
				word.append(c);
			}
			else {
				flush(word, words);
			}
		}
		flush(word, words);
		return words;
	}

	private static void flush(StringBuilder word, List<String> words) {
		if (!word.isEmpty()) {
			String w = collapseRuns(readDigitsAsLetters(word.toString()));
			if (!w.isEmpty()) {
				words.add(w);
			}
			word.setLength(0);
		}
	}

	private static String fold(String text) {
		String umlauts = text.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
		return Normalizer.normalize(umlauts, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
	}

	private static String readDigitsAsLetters(String word) {
		boolean hasLetter = word.chars().anyMatch(Character::isLetter);
		StringBuilder out = new StringBuilder(word.length());
		for (char c : word.toCharArray()) {
			out.append(hasLetter ? leet(c) : c == '@' || c == '$' ? "" : String.valueOf(c));
		}
		return out.toString();
	}

	private static String leet(char c) {
		return switch (c) {
			case '0' -> "o";
			case '1', '!' -> "i";
			case '3' -> "e";
			case '4', '@' -> "a";
			case '5', '$' -> "s";
			case '7' -> "t";
			case '8' -> "b";
			default -> String.valueOf(c);
		};
	}

	private static String collapseRuns(String word) {
		StringBuilder out = new StringBuilder(word.length());
		int run = 0;
		for (int i = 0; i < word.length(); i++) {
			char c = word.charAt(i);
			run = i > 0 && word.charAt(i - 1) == c ? run + 1 : 1;
			if (run <= 2 || !Character.isLetter(c)) {
				out.append(c);
			}
		}
		return out.toString();
	}

}
