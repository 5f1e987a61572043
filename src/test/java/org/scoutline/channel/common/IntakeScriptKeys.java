package org.scoutline.channel.common;

import java.util.List;

/** The keys the intake gives its scripts, for the slot test. */
public final class IntakeScriptKeys {

	private final IntakeKeys keys;

	public IntakeScriptKeys(String prefix) {
		this.keys = new IntakeKeys(prefix);
	}

	public List<String> offer(String channel, String arrival, String chat) {
		return keys.offer(channel, arrival, chat);
	}

	public List<String> step(String channel, String chat) {
		return keys.step(channel, chat);
	}

	public List<String> claim(String channel) {
		return keys.claim(channel);
	}

}
