package org.scoutline.channel.common;

import java.util.List;

/**
 * The names of a channel's intake keys in Redis. All of one channel share the hash tag
 * {@code {intake:<channel>}}: the stream, the arrival ids seen, and each chat's inbox
 * with its token and its attempt count. Taking an arrival (seen, inbox, token, stream)
 * and a worker's step (inbox, token, stream, attempts) are then each one script on one
 * Redis Cluster slot, atomic as on a single Redis; each channel's intake lives on one
 * node.
 */
final class IntakeKeys {

	private final String prefix;

	IntakeKeys(String prefix) {
		this.prefix = prefix;
	}

	private String area(String channel) {
		return prefix + "{intake:" + channel + "}:";
	}

	String stream(String channel) {
		return area(channel) + "stream";
	}

	String seen(String channel, String arrival) {
		return area(channel) + "seen:" + arrival;
	}

	String inbox(String channel, String chatKey) {
		return area(channel) + "inbox:" + chatKey;
	}

	/** the keys {@code intake-offer.lua} is given */
	List<String> offer(String channel, String arrival, String chatKey) {
		String inbox = inbox(channel, chatKey);
		return List.of(seen(channel, arrival), inbox, inbox + ":token", stream(channel));
	}

	/** the keys {@code intake-step.lua} is given */
	List<String> step(String channel, String chatKey) {
		String inbox = inbox(channel, chatKey);
		return List.of(inbox, inbox + ":token", stream(channel), inbox + ":tries");
	}

	/** the keys {@code intake-claim.lua} is given */
	List<String> claim(String channel) {
		return List.of(stream(channel));
	}

}
