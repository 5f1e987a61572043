package org.scoutline.safety;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Korean chat, made readable for the crisis screen before it is split into words:
 * syllables typed as separate jamo (some keyboards and systems send them decomposed) are
 * composed again, so that {@code 자살} is {@code 자살} however it was typed; crying and
 * laughing written in jamo ({@code ㅠㅠ}, {@code ㅜㅜ}, {@code ㅋㅋ}, {@code ㅎㅎ}) is noise
 * between words, and laughter counts as a laughing emoji (so that figurative patterns can
 * see the joke, {@code 웃겨 죽겠다ㅋㅋ}); the chat abbreviation {@code ㅈㅅ} is read as
 * {@code 자살}, except where it is the other common one, "sorry" ({@code ㅈㅅ합니다},
 * {@code ㅈㅅㅈㅅ}). Text without Hangul passes unchanged. Syllables are never taken apart:
 * Hangul letters are not folded like Latin accents.
 */
final class HangulText {

	private static final Pattern CRYING = Pattern.compile("[ㅠㅜ]+");

	private static final Pattern LAUGHING = Pattern.compile("[ㅋㅎ]{2,}");

	/** ㅈㅅ for 자살, not when it says sorry (ㅈㅅ합니다, ㅈㅅㅈㅅ, ㅈㅅ요) */
	private static final Pattern SUICIDE_ABBREVIATION = Pattern.compile("ㅈㅅ(?!합니|ㅈㅅ|요)");

	/**
	 * what the laughter becomes: a laughing emoji, which the normaliser reads as a laugh
	 */
	private static final String LAUGH = " \uD83D\uDE02 ";

	private HangulText() {
	}

	static String prepared(String text) {
		if (!hasHangul(text)) {
			return text;
		}
		String composed = Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text
				: Normalizer.normalize(text, Normalizer.Form.NFC);
		String abbreviations = SUICIDE_ABBREVIATION.matcher(composed).replaceAll("자살");
		return CRYING.matcher(LAUGHING.matcher(abbreviations).replaceAll(LAUGH)).replaceAll(" ");
	}

	/**
	 * @return whether the letter is Hangul (a syllable or a jamo): a word that holds one
	 * is Korean, and its digits stay digits ({@code 10분}, {@code 2층})
	 */
	static boolean isHangul(char c) {
		return c >= '\uAC00' && c <= '\uD7A3' || c >= '\u1100' && c <= '\u11FF' || c >= '\u3130' && c <= '\u318F'
				|| c >= '\uA960' && c <= '\uA97F' || c >= '\uD7B0' && c <= '\uD7FF';
	}

	private static boolean hasHangul(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (isHangul(text.charAt(i))) {
				return true;
			}
		}
		return false;
	}

}
