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
		/**
		 * the one short sentence with the emergency number that comes first when the
		 * danger is imminent
		 */
		EMERGENCY,
		/** crisis resources: shown so that they stay visible */
		CRISIS,
		/** one numbered step of an action plan's first screen */
		PLAN,
		/**
		 * a section of an action plan the user can open: its title on the first line,
		 * then its text. The web shows it folded inside the plan; messengers leave it out
		 * and offer a choice that sends it ({@link Choice#PLAN_PART})
		 */
		SECTION,
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
