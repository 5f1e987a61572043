package org.scoutline.dialogue;

/**
 * What the bot says to typed text that answers nothing. A short word ("hmm", "ok") only
 * gets the request to tap a button. Something written out (four words, or twenty
 * characters with a Hangul or Chinese one counting as two) gets the crisis lines and the
 * emergency number too: it may be a crisis in words the crisis net did not know (it
 * misses about one unseen crisis message in eight, docs/crisis-detection.md), and a wrong
 * "tap a button" must not be all such a person hears.
 */
final class UnclearAnswer {

	static final String SHORT = "system.tap_button";

	static final String WRITTEN = "system.tap_button_care";

	private static final int WORDS = 4;

	private static final int CHARACTERS = 20;

	private UnclearAnswer() {
	}

	/**
	 * @param text what the user typed, or {@code null} for a button that matched nothing
	 * @return the text key of the reply
	 */
	static String key(String text) {
		if (text == null) {
			return SHORT;
		}
		String written = text.strip();
		if (weight(written) >= CHARACTERS) {
			return WRITTEN;
		}
		return written.split("\\s+").length >= WORDS ? WRITTEN : SHORT;
	}

	/** a Hangul or Chinese character holds a syllable or a word: it counts as two */
	private static int weight(String text) {
		return text.codePoints().map(c -> switch (Character.UnicodeScript.of(c)) {
			case HANGUL, HAN -> 2;
			default -> 1;
		}).sum();
	}

}
