package org.scoutline.conversation;

/**
 * One chat bubble the bot (or a scout) sends.
 *
 * @param text the text, never empty
 * @param kind how channels show it
 * @param name for {@link Kind#SCOUT}: the alias of the scout who wrote it ("Lena"), else
 * {@code null}
 */
public record Bubble(String text, Kind kind, String name) {

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

	public Bubble(String text, Kind kind) {
		this(text, kind, null);
	}

	public static Bubble text(String text) {
		return new Bubble(text, Kind.TEXT);
	}

	/**
	 * @param alias the name the user knows the scout by, {@code null} when unknown
	 */
	public static Bubble scout(String text, String alias) {
		return new Bubble(text, Kind.SCOUT, alias == null || alias.isBlank() ? null : alias);
	}

	public static Bubble notice(String text) {
		return new Bubble(text, Kind.NOTICE);
	}

}
