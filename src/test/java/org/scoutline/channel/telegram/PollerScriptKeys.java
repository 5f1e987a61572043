package org.scoutline.channel.telegram;

import java.util.List;

/** The keys the Telegram poller gives its scripts, for the slot test. */
public final class PollerScriptKeys {

	private PollerScriptKeys() {
	}

	public static List<String> lease(String prefix) {
		return List.of(TelegramPoller.leaseKey(prefix));
	}

	public static List<String> offset(String prefix) {
		return List.of(TelegramPoller.leaseKey(prefix), TelegramPoller.offsetKey(prefix));
	}

}
