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
	default List<TranscriptEntry> transcript(ConversationId id, int max) {
		return since(id, 0, max).lines();
	}

	/**
	 * Reads the transcript lines numbered above {@code after} (at most the last
	 * {@code max} of them) with the number of the last line, in one atomic step, so that
	 * a channel that resumes (the widget, the console) gets every line it missed exactly
	 * once.
	 * @param after the number of the last line the reader has ({@code 0}: none)
	 */
	Transcript since(ConversationId id, long after, int max);

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

	/**
	 * Transcript lines with their sequence numbers (see {@link Conversation#lines()}).
	 *
	 * @param lines oldest first
	 * @param last the number of the conversation's last line, {@code 0} when it has none
	 * @param complete whether {@code lines} are every line after the one asked for: none
	 * was trimmed away or left out by the limit, and the reader's number is not ahead of
	 * the store (then it came from another conversation)
	 */
	record Transcript(List<TranscriptEntry> lines, long last, boolean complete) {

		public Transcript {
			lines = List.copyOf(lines);
		}

		/**
		 * @return the sequence number of {@code lines.get(index)}
		 */
		public long seq(int index) {
			return last - lines.size() + 1 + index;
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
