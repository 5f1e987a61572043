package org.scoutline.conversation;

import java.util.List;
import java.util.Optional;

/**
 * The conversation store. A turn costs two round trips: {@link #find} and {@link #save}.
 * Saves are optimistic: a save based on an outdated version is refused with
 * {@link SaveOutcome#CONFLICT} and the caller runs the turn again on fresh data, so two
 * messages processed at once on two instances never lose an update. Every key expires
 * after the retention period without activity.
 */
public interface Conversations {

	/**
	 * Loads the conversation of a person in one round trip.
	 * @param pseudonym the person's keyed pseudonym
	 * @param messageId the channel's id of the message being handled, or {@code null}
	 * @return the conversation (if any) and whether that message was already handled
	 */
	Lookup find(String pseudonym, String messageId);

	/**
	 * Saves a conversation, appends to its transcript, marks the message as handled and
	 * refreshes every expiry, in one round trip, only if the stored version is still
	 * {@code conversation.version()}.
	 * @param conversation the new state, carrying the version it was based on
	 * @param messageId the channel's message id, or {@code null}
	 * @param appended transcript lines to add
	 * @return what happened
	 */
	SaveOutcome save(Conversation conversation, String messageId, List<TranscriptEntry> appended);

	/**
	 * @return the conversation with this id, if it still exists
	 */
	Optional<Conversation> get(ConversationId id);

	/**
	 * @return the last {@code max} transcript lines, oldest first
	 */
	List<TranscriptEntry> transcript(ConversationId id, int max);

	/**
	 * Adds an internal note of a scout: encrypted like the transcript, never shown to the
	 * user, expiring with the conversation and erased with it.
	 */
	void addNote(ConversationId id, String note);

	/**
	 * @return the last {@code max} internal notes, oldest first
	 */
	List<String> notes(ConversationId id, int max);

	/** Erases every key about this conversation and its person at once. */
	void erase(Conversation conversation);

	/**
	 * @param conversation the stored conversation, or {@code null} when the person has
	 * none
	 * @param duplicate whether the message was already handled
	 */
	record Lookup(Conversation conversation, boolean duplicate) {

		public Optional<Conversation> existing() {
			return Optional.ofNullable(conversation);
		}

	}

	enum SaveOutcome {

		SAVED,
		/** someone saved a newer version first: load again and redo the turn */
		CONFLICT,
		/** the message had already been handled: drop it */
		DUPLICATE

	}

}
