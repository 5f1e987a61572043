package org.scoutline.conversation;

import java.util.List;

/** The keys the conversation store gives its scripts, for the slot test. */
public final class ConversationScriptKeys {

	private final ConversationKeys keys;

	public ConversationScriptKeys(String prefix) {
		this.keys = new ConversationKeys(prefix);
	}

	/**
	 * @return find-conversation's keys, and the key it builds from its ARGV[1] and the id
	 * found
	 */
	public List<String> find(String pseudonym, String idFound) {
		return List.of(keys.find(pseudonym).get(0), keys.conversationsOfPerson(pseudonym) + idFound);
	}

	/**
	 * @return save-conversation's keys, and the key it builds for the id already mapped
	 */
	public List<String> save(String id, String pseudonym, String idMapped) {
		List<String> given = keys.save(id, pseudonym);
		return List.of(given.get(0), given.get(1), given.get(2), given.get(3),
				keys.conversationsOfPerson(pseudonym) + idMapped);
	}

	public List<String> read(String id) {
		return keys.read(id);
	}

	/**
	 * @return what {@code /delete} erases
	 */
	public List<String> all(String id, String pseudonym) {
		return List.of(keys.conversation(id), keys.log(id), keys.seen(id), keys.notes(id), keys.person(pseudonym));
	}

}
