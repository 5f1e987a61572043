package org.scoutline.handover;

/**
 * Something happened to a chat in the handover, on any instance. Every instance receives it (over Redis pub/sub)
 * as a Spring application event, so the console can tell the consoles connected to it.
 *
 * @param type what happened
 * @param conversation the conversation id
 * @param author {@code user}, {@code scout}, {@code bot} or {@code note} for {@link Type#MESSAGE}, {@code user} for
 * {@link Type#TYPING}; else {@code null}
 * @param text the message, the note or the outcome; {@code null} for the other types
 * @param scout the scout concerned (who claimed, who wrote, who received a transfer), or {@code null}
 * @param crisis whether the chat is flagged for the supervisor
 * @param kind for a crisis signal ({@link Type#QUEUED}, {@link Type#CRISIS}): its kind ({@code suicide},
 * {@code self_harm}, {@code danger}), else {@code null}; never the message
 * @param severity for a crisis signal: {@code concern} or {@code imminent} (first in the queue), else {@code null}
 * @param at epoch millis
 */
public record ChatEvent(Type type, String conversation, String author, String text, String scout, boolean crisis,
		String kind, String severity, long at) {

	public enum Type {

		QUEUED, LEFT, CLAIMED, MESSAGE, TRANSFERRED, CLOSED, REQUEUED, CRISIS, ERASED,

		/** the user is typing (relayed only, never stored); {@code author} is {@code user} */
		TYPING

	}

}
