package org.scoutline.handover;

import java.util.List;

/**
 * The names of the handover's Redis keys. The queue, the chats' handover states, the
 * scouts' sets and the held chats share one hash tag, {@code {ho}}: a claim, a transfer
 * and a release change them together in one script, atomically, also on a Redis Cluster
 * (one slot). That slot holds only what people hand over (a few hundred chats at a time);
 * the conversations themselves are spread by their own tags. Presence has a tag of its
 * own.
 */
final class HandoverKeys {

	private final String prefix;

	HandoverKeys(String prefix) {
		this.prefix = prefix + "{ho}:";
	}

	String queue() {
		return prefix + "queue";
	}

	String chat(String id) {
		return prefix + "chat:" + id;
	}

	String scoutChats(String scout) {
		return prefix + "scout:" + scout;
	}

	String active() {
		return prefix + "active";
	}

	String stats() {
		return prefix + "stats";
	}

	/** a list of conversations waiting for the next session, per channel */
	String nextSession(String list, String channel) {
		return prefix + list + ":" + channel;
	}

	/** the keys {@code handover-enqueue.lua} is given */
	List<String> enqueue(String id) {
		return List.of(queue(), chat(id));
	}

	/** the keys {@code handover-claim.lua} is given */
	List<String> claim(String id, String scout) {
		return List.of(queue(), chat(id), scoutChats(scout), active());
	}

	/** the keys {@code handover-transfer.lua} is given */
	List<String> transfer(String id, String from, String to) {
		return List.of(chat(id), scoutChats(from), scoutChats(to));
	}

	/** the keys {@code handover-release.lua} is given */
	List<String> release(String id, String scout) {
		return List.of(chat(id), scoutChats(scout), active(), queue());
	}

	/** the chat offered to a scout now */
	String offer(String scout) {
		return prefix + "offer:" + scout;
	}

	/** the keys {@code handover-offer.lua} is given */
	List<String> offer(String id, String scout) {
		return List.of(queue(), chat(id), offer(scout), scoutChats(scout));
	}

	/** the keys {@code handover-accept.lua} is given */
	List<String> accept(String id, String scout) {
		return List.of(queue(), chat(id), scoutChats(scout), active(), offer(scout));
	}

	/** the keys {@code handover-decline.lua} is given */
	List<String> decline(String id, String scout) {
		return List.of(chat(id), offer(scout));
	}

	/** the keys {@code handover-step-in.lua} is given */
	List<String> stepIn(String id) {
		return List.of(chat(id));
	}

	/** the keys {@code handover-tell.lua} is given */
	List<String> tell(String id) {
		return List.of(chat(id));
	}

	/**
	 * @param prefix {@code scoutline.key-prefix}
	 * @return the sorted set of scouts by their last heartbeat
	 */
	static String presence(String prefix) {
		return prefix + "{presence}:scouts";
	}

}
