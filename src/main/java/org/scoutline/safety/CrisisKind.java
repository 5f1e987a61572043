package org.scoutline.safety;

import java.util.Locale;

/** What kind of danger a crisis message speaks of. */
public enum CrisisKind {

	/** wishing to be dead, a plan, an act: ending one's life */
	SUICIDE,
	/** hurting oneself without the wish to die: cutting, burning */
	SELF_HARM,
	/** danger from someone else: threats to come, to hurt, being followed or held */
	DANGER;

	/**
	 * @return the lower-case name used in texts, events and metrics ({@code self_harm})
	 */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

}
