package org.scoutline.conversation;

import java.util.List;

/**
 * The names of a conversation's Redis keys. Every key about one conversation, and the
 * person's lookup key, carry the conversation's {@linkplain ConversationId#slotTag() slot
 * tag} in braces, so they share one Redis Cluster slot and a script may touch them
 * together:
 * <ul>
 * <li>{@code <prefix>conv:{<tag>}:<id>} (and {@code :log}, {@code :seen},
 * {@code :notes})</li>
 * <li>{@code <prefix>key:{<tag>}:<pseudonym>}, the tag being the pseudonym's</li>
 * </ul>
 */
final class ConversationKeys {

	private final String prefix;

	ConversationKeys(String prefix) {
		this.prefix = prefix;
	}

	String conversation(String id) {
		// the id comes from a ConversationId, checked when it was made: only its
		// length is checked again here, as this runs for every key of every turn
		if (id.length() != 22) {
			throw new IllegalArgumentException("not a conversation id");
		}
		return conversationsOf(id.substring(0, 2)) + id;
	}

	String log(String id) {
		return conversation(id) + ":log";
	}

	String seen(String id) {
		return conversation(id) + ":seen";
	}

	String notes(String id) {
		return conversation(id) + ":notes";
	}

	String person(String pseudonym) {
		return prefix + "key:{" + ConversationId.slotTagOf(pseudonym) + "}:" + pseudonym;
	}

	/**
	 * @return what a conversation key of the pseudonym's slot starts with (a script
	 * appends the id it looked up)
	 */
	String conversationsOfPerson(String pseudonym) {
		return conversationsOf(ConversationId.slotTagOf(pseudonym));
	}

	private String conversationsOf(String tag) {
		return prefix + "conv:{" + tag + "}:";
	}

	/** the keys {@code find-conversation.lua} is given */
	List<String> find(String pseudonym) {
		return List.of(person(pseudonym));
	}

	/** the keys {@code save-conversation.lua} is given */
	List<String> save(String id, String pseudonym) {
		String conversation = conversation(id);
		return List.of(conversation, conversation + ":log", conversation + ":seen", person(pseudonym));
	}

	/** the keys {@code read-transcript.lua} is given */
	List<String> read(String id) {
		return List.of(conversation(id), log(id));
	}

}
