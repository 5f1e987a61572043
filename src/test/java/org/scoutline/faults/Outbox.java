package org.scoutline.faults;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * What the app sent to each chat through a fake platform, in the order it arrived. Texts
 * stay in memory for the checks; nothing here is ever logged.
 */
final class Outbox {

	/**
	 * One message the app sent.
	 *
	 * @param chat the Telegram chat id or WhatsApp number
	 * @param instance the instance that sent it
	 * @param text its text (never logged)
	 * @param choices the ids of its buttons or list rows, in order
	 * @param at when it arrived
	 */
	record Sent(String chat, String instance, String text, List<String> choices, Instant at) {

	}

	private final Map<String, List<Sent>> byChat = new ConcurrentHashMap<>();

	/** what arrives from this moment on is not counted any more */
	private volatile Instant cutOff = Instant.MAX;

	void add(Sent sent) {
		byChat.computeIfAbsent(sent.chat(), chat -> new CopyOnWriteArrayList<>()).add(sent);
	}

	List<Sent> to(String chat) {
		Instant until = cutOff;
		return byChat.getOrDefault(chat, List.of()).stream().filter(sent -> sent.at().isBefore(until)).toList();
	}

	/**
	 * Counts from now on only what arrived until now, so that a scenario's summary and
	 * its assertions see the same numbers while late replies still come in.
	 */
	void freeze() {
		cutOff = Instant.now();
	}

	/**
	 * @return the messages to {@code chat} at or after {@code from} that {@code reply}
	 * matches
	 */
	List<Sent> matching(String chat, Instant from, Predicate<Sent> reply) {
		return to(chat).stream().filter(sent -> !sent.at().isBefore(from)).filter(reply).toList();
	}

}
