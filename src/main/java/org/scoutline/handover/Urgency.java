package org.scoutline.handover;

import org.scoutline.conversation.CrisisSignal;
import org.scoutline.safety.CrisisDetector.Screening;
import org.scoutline.safety.Severity;

/**
 * How urgent a chat is in the queue: its band (imminent danger first, then crisis chats
 * and chats a vanished scout left, then everyone else, each band by waiting time) and,
 * for a crisis, the signal's kind and severity (never the message).
 *
 * @param band 0 imminent, 1 crisis or returned, 2 ordinary
 * @param kind the kind of crisis signal ({@code suicide} ...), or {@code null}
 * @param severity the severity ({@code concern}, {@code imminent}), or {@code null}
 */
record Urgency(int band, String kind, String severity) {

	static final int IMMINENT = 0;

	static final int CRISIS = 1;

	static final int ORDINARY = 2;

	/** how many bands there are */
	static final int BANDS = 3;

	static final Urgency NONE = new Urgency(ORDINARY, null, null);

	static Urgency of(Screening signal) {
		if (!signal.isCrisis()) {
			return NONE;
		}
		return new Urgency(signal.isImminent() ? IMMINENT : CRISIS, signal.primaryKind().id(), signal.severity().id());
	}

	/**
	 * @return the urgency of a crisis message kept in the conversation
	 */
	static Urgency of(CrisisSignal kept) {
		return new Urgency(kept.imminent() ? IMMINENT : CRISIS, kept.kind(), kept.severity());
	}

	/**
	 * @return the more urgent of the two (this one when they are equally urgent)
	 */
	Urgency or(Urgency other) {
		return other.band < band ? other : this;
	}

	boolean crisis() {
		return band < ORDINARY;
	}

	boolean imminent() {
		return Severity.IMMINENT.id().equals(severity);
	}

}
