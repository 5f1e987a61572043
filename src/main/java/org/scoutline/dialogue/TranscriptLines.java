package org.scoutline.dialogue;

import java.time.Instant;

import org.scoutline.conversation.InboundMessage;
import org.scoutline.conversation.TranscriptEntry;
import org.springframework.stereotype.Component;

/**
 * How a user's message appears in the transcript a scout reads.
 */
@Component
public class TranscriptLines {

	private final Triage triage;

	private final Texts texts;

	TranscriptLines(Triage triage, Texts texts) {
		this.triage = triage;
		this.texts = texts;
	}

	/**
	 * @return the user's line: the text, "/command", the label of the tapped button (a
	 * triage answer or a system button), never media
	 */
	public TranscriptEntry userLine(Instant now, InboundMessage message, TriageState state) {
		String text;
		if (message instanceof InboundMessage.Typed typed) {
			text = typed.text();
		}
		else if (message instanceof InboundMessage.Edited edited) {
			text = edited.text();
		}
		else if (message instanceof InboundMessage.Commanded commanded) {
			text = "/" + commanded.command().word();
		}
		else if (message instanceof InboundMessage.Tapped tapped) {
			text = label(state, tapped.choice());
		}
		else {
			text = TranscriptEntry.MEDIA_REMOVED;
		}
		return TranscriptEntry.fromUser(now, text);
	}

	/**
	 * @return the label of a triage answer or of a system button, or the raw id of an
	 * unknown one
	 */
	public String label(TriageState state, String choice) {
		return triage.label(state, choice).orElseGet(() -> {
			String key = "system." + choice;
			return texts.has(texts.supported(state.locale()), key) ? texts.get(state.locale(), key)
					: "[" + choice + "]";
		});
	}

}
