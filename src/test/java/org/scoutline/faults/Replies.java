package org.scoutline.faults;

import java.util.List;
import java.util.function.Predicate;

import org.scoutline.faults.Outbox.Sent;

/**
 * How the fault tests recognise the bot's answers, by the ids of their buttons (the same
 * on Telegram and WhatsApp; see {@code config/triage.yml}), never by logging a text.
 */
final class Replies {

	/** the welcome's language question, the answer to /start or a first message */
	static final Predicate<Sent> WELCOME = sent -> sent.choices().equals(List.of("de", "en", "nl", "fr", "ko"));

	/** the situation question (Q1), the answer to a language tap */
	static final Predicate<Sent> SITUATION = sent -> sent.choices().containsAll(List.of("a", "e", "unsure"));

	/** the first risk question (Q3.1), the answer to situation "a" */
	static final Predicate<Sent> RISK = sent -> sent.choices().containsAll(List.of("yes", "no"))
			&& !sent.choices().contains("a") && !sent.choices().contains("de");

	private Replies() {
	}

	/**
	 * @return whether a message is the "technical problem, please send it again" notice
	 * ({@code system.unavailable})
	 */
	static boolean isResendNotice(Sent sent) {
		return sent.text().contains("technisches Problem") || sent.text().contains("technical problem");
	}

}
