package org.scoutline.conversation;

/**
 * One chat bubble the bot (or a scout) sends.
 *
 * @param text the text, never empty
 * @param kind how channels show it
 */
public record Bubble(String text, Kind kind) {

	public enum Kind {

		/** an ordinary message */
		TEXT,
		/** the one short sentence with the emergency number that comes first when the danger is imminent */
		EMERGENCY,
		/** crisis resources: shown so that they stay visible */
		CRISIS,
		/** one step of an action plan */
		PLAN,
		/** a short system notice (refusals, confirmations) */
		NOTICE,
		/** written by a scout in the live chat */
		SCOUT

	}

	public Bubble {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("a bubble needs text");
		}
		if (kind == null) {
			throw new IllegalArgumentException("a bubble needs a kind");
		}
	}

	public static Bubble text(String text) {
		return new Bubble(text, Kind.TEXT);
	}

	public static Bubble scout(String text) {
		return new Bubble(text, Kind.SCOUT);
	}

	public static Bubble notice(String text) {
		return new Bubble(text, Kind.NOTICE);
	}

}
