package org.scoutline.handover;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Something that happened to a chat in the handover, named in the past tense. Each is
 * published once as a Spring application event on the instance where it happened (the
 * session reports count it there), and the same record travels over Redis to every
 * instance, where it arrives as {@link Relayed} (the console tells the browsers connected
 * to it). None carries a message's words except {@link MessageWritten} and
 * {@link WhisperWritten}, which go to the consoles only.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "event")
@JsonSubTypes({ @JsonSubTypes.Type(value = ChatEvent.ChatQueued.class, name = "queued"),
		@JsonSubTypes.Type(value = ChatEvent.ChatLeft.class, name = "left"),
		@JsonSubTypes.Type(value = ChatEvent.ChatClaimed.class, name = "claimed"),
		@JsonSubTypes.Type(value = ChatEvent.MessageWritten.class, name = "message"),
		@JsonSubTypes.Type(value = ChatEvent.CrisisFlagged.class, name = "crisis"),
		@JsonSubTypes.Type(value = ChatEvent.ChatTransferred.class, name = "transferred"),
		@JsonSubTypes.Type(value = ChatEvent.ChatClosed.class, name = "closed"),
		@JsonSubTypes.Type(value = ChatEvent.ChatRequeued.class, name = "requeued"),
		@JsonSubTypes.Type(value = ChatEvent.ChatErased.class, name = "erased"),
		@JsonSubTypes.Type(value = ChatEvent.UserTyped.class, name = "typing"),
		@JsonSubTypes.Type(value = ChatEvent.WhisperWritten.class, name = "whisper"),
		@JsonSubTypes.Type(value = ChatEvent.SupervisorJoined.class, name = "joined"),
		@JsonSubTypes.Type(value = ChatEvent.ChatOffered.class, name = "offered") })
public sealed interface ChatEvent {

	/**
	 * @return the conversation id
	 */
	String conversation();

	/**
	 * @return when it happened, epoch millis
	 */
	long at();

	/**
	 * A chat joined the queue, or moved up in it.
	 *
	 * @param crisis whether it is flagged for the supervisor
	 * @param kind the crisis signal's kind ({@code suicide}, {@code self_harm},
	 * {@code danger}), or {@code null}
	 * @param severity {@code concern} or {@code imminent} (first in the queue), or
	 * {@code null}
	 * @param session the live session it joined (its occurrence key) when it is new in
	 * the queue, else {@code null}
	 */
	record ChatQueued(String conversation, boolean crisis, String kind, String severity, String session,
			long at) implements ChatEvent {
	}

	/**
	 * A chat left the queue without a scout.
	 *
	 * @param session the live session it waited in, or {@code null}
	 * @param sessionEnded whether the session ended first (otherwise the user left)
	 */
	record ChatLeft(String conversation, String session, boolean sessionEnded, long at) implements ChatEvent {
	}

	/**
	 * A scout took a waiting chat.
	 *
	 * @param session the live session it waited in, or {@code null}
	 * @param waitedMillis how long it waited
	 */
	record ChatClaimed(String conversation, String scout, String session, long waitedMillis,
			long at) implements ChatEvent {
	}

	/**
	 * Someone wrote in a live chat.
	 *
	 * @param author {@code user}, {@code scout} or {@code note}
	 * @param text the message or the internal note, for the consoles only
	 * @param scout who holds the chat
	 * @param crisis whether the message holds a crisis signal
	 * @param seq the number of its transcript line (see
	 * {@link org.scoutline.conversation.Conversation#lines()}), {@code 0} for a note
	 */
	record MessageWritten(String conversation, String author, String text, String scout, boolean crisis, long seq,
			long at) implements ChatEvent {
	}

	/**
	 * The user wrote a crisis message in a live chat: its kind and severity, never its
	 * words.
	 */
	record CrisisFlagged(String conversation, String scout, String kind, String severity,
			long at) implements ChatEvent {
	}

	/** A chat went to another scout, {@code scout}. */
	record ChatTransferred(String conversation, String scout, long at) implements ChatEvent {
	}

	/**
	 * A scout closed a chat.
	 *
	 * @param outcome the outcome the scout chose
	 * @param session the live session it was taken in, or {@code null}
	 * @param talkedMillis how long the scout had it
	 */
	record ChatClosed(String conversation, String scout, String outcome, String session, long talkedMillis,
			long at) implements ChatEvent {
	}

	/** The scout who held a chat vanished: it is back at the front of the queue. */
	record ChatRequeued(String conversation, String scout, long at) implements ChatEvent {
	}

	/**
	 * The user erased their data: the chat disappears from the queue and from the
	 * consoles.
	 */
	record ChatErased(String conversation, long at) implements ChatEvent {
	}

	/**
	 * The user is typing in a live chat held by {@code scout} (relayed only, never
	 * stored).
	 */
	record UserTyped(String conversation, String scout, long at) implements ChatEvent {
	}

	/**
	 * A supervisor wrote to the scout who holds a chat, privately: the user never sees
	 * it.
	 *
	 * @param scout who holds the chat
	 * @param supervisor who wrote it (their username), with the {@code alias} staff see
	 * @param text the line, for the consoles only
	 */
	record WhisperWritten(String conversation, String scout, String supervisor, String alias, String text,
			long at) implements ChatEvent {
	}

	/**
	 * A supervisor stepped into a chat next to the scout who holds it (and keeps it): the
	 * user was told, and the supervisor may write to them from now on.
	 */
	record SupervisorJoined(String conversation, String scout, String supervisor, String alias,
			long at) implements ChatEvent {
	}

	/**
	 * A waiting chat was offered to one scout, who may accept it for {@code forMillis}.
	 */
	record ChatOffered(String conversation, String scout, long forMillis, long at) implements ChatEvent {
	}

	/**
	 * A chat event as it reached this instance over Redis, from whichever instance it
	 * happened on.
	 *
	 * @param event what happened
	 */
	record Relayed(ChatEvent event) {
	}

}
