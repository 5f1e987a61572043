package org.scoutline.hotline;

import java.time.Instant;

import org.scoutline.conversation.InboundMessage;
import org.scoutline.conversation.Conversation;
import org.scoutline.conversation.CrisisSignal;
import org.scoutline.safety.CrisisDetector.Screening;

/** What a turn reads from the message and keeps of a crisis signal. */
final class TurnInputs {

	private TurnInputs() {
	}

	/**
	 * @return the typed or edited text of {@code message}, or {@code null}
	 */
	static String textOf(InboundMessage message) {
		if (message instanceof InboundMessage.Typed typed) {
			return typed.text();
		}
		return message instanceof InboundMessage.Edited edited ? edited.text() : null;
	}

	/**
	 * @return the conversation with the crisis signal kept among its facts (kind,
	 * severity, when; never the words)
	 */
	static Conversation recorded(Conversation conversation, Screening signal, Instant now) {
		return signal.isCrisis()
				? new CrisisSignal(signal.primaryKind().id(), signal.severity().id(), now).recordedIn(conversation)
				: conversation;
	}

}
