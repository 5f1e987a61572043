package org.scoutline.safety;

import java.util.Locale;

/** How urgent a crisis message is. Ordered: a later constant is more urgent. */
public enum Severity {

	/** no crisis signal */
	NONE,
	/**
	 * a wish to be dead, a burden, self-harm, a threat: the crisis card and the risk
	 * screen
	 */
	CONCERN,
	/**
	 * an act in progress or just done, or intent with a method, a place or a time: the
	 * emergency number first
	 */
	IMMINENT;

	/**
	 * @return the lower-case name used in texts, events and metrics
	 */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @return the more urgent of the two
	 */
	public Severity max(Severity other) {
		return other.ordinal() > ordinal() ? other : this;
	}

}
