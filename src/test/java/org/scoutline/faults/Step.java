package org.scoutline.faults;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import org.scoutline.faults.Outbox.Sent;

/**
 * One thing a user sent in a scenario and what it should get back: the reply is the first
 * message to the chat at or after {@link #from} that {@link #reply} matches (a keyboard
 * of the expected question); more than one such message is a duplicate.
 */
final class Step {

	final String channel;

	final String chat;

	final String what;

	final Instant from;

	final Predicate<Sent> reply;

	private final Outbox outbox;

	/** the webhook delivery; {@code null} in polling mode */
	final Webhooks.Delivery delivery;

	/** when it was handed to the platform (the delivery's schedule, or the poll queue) */
	volatile Instant sent;

	Step(String channel, String chat, String what, Predicate<Sent> reply, Outbox outbox, Webhooks.Delivery delivery,
			Instant sent) {
		this.channel = channel;
		this.chat = chat;
		this.what = what;
		this.from = Instant.now();
		this.reply = reply;
		this.outbox = outbox;
		this.delivery = delivery;
		this.sent = sent;
	}

	List<Sent> replies() {
		return outbox.matching(chat, from, reply);
	}

	boolean answered() {
		return !replies().isEmpty();
	}

	/**
	 * @return when the reply arrived, {@code null} when none did
	 */
	Instant firstReply() {
		List<Sent> replies = replies();
		return replies.isEmpty() ? null : replies.get(0).at();
	}

	int duplicates() {
		return Math.max(0, replies().size() - 1);
	}

	/**
	 * @return the duplicates that arrived before {@code until} (for a step whose expected
	 * answer can legitimately come again later, as the welcome for a re-asked question)
	 */
	int duplicatesBefore(Instant until) {
		return Math.max(0, (int) replies().stream().filter(sent -> sent.at().isBefore(until)).count() - 1);
	}

	/**
	 * @return whether the platform has the update off its hands (a 200, or queued)
	 */
	boolean accepted() {
		return delivery == null ? sent != null : delivery.isAccepted();
	}

	Instant acceptedAt() {
		return delivery == null ? sent : delivery.accepted;
	}

	/**
	 * @return the messages to this chat from {@link #from} on
	 */
	List<Sent> since() {
		return outbox.to(chat).stream().filter(sent -> !sent.at().isBefore(from)).toList();
	}

}
