package org.scoutline.channel.whatsapp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.scoutline.conversation.Bubble;
import org.scoutline.conversation.Choice;
import org.scoutline.dialogue.Texts;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Everything the hotline sends to a WhatsApp number, whether a user asked (a reply) or
 * not (a scout writes, the queue moves, a reminder): rendered by {@link WhatsAppReplies}
 * in the user's language and sent through the {@link GraphApi}, stopping at the first
 * message the Cloud API refuses. Knows the 24-hour customer-service window and sends
 * nothing but an approved template outside it. Needs nothing of the hotline, so that the
 * handover's notices can use it.
 */
class WhatsAppSender {

	/**
	 * the customer-service window: free-form messages only this long after the user's
	 * last message
	 */
	static final Duration WINDOW = Duration.ofHours(24);

	private final GraphApi graph;

	private final Texts texts;

	private final Clock clock;

	WhatsAppSender(GraphApi graph, Texts texts, Clock clock) {
		this.graph = graph;
		this.texts = texts;
		this.clock = clock;
	}

	/**
	 * @return whether a free-form message may still be sent to someone whose last message
	 * was sent then
	 */
	boolean insideWindow(Instant lastMessage) {
		return insideWindow(lastMessage, clock.instant());
	}

	/**
	 * @return whether a free-form message may be sent at {@code at} to someone whose last
	 * message was sent then
	 */
	static boolean insideWindow(Instant lastMessage, Instant at) {
		return Duration.between(lastMessage, at).compareTo(WINDOW) < 0;
	}

	/** A reply the Cloud API did not take after every attempt; it may take it later. */
	static final class NotDelivered extends RuntimeException {

		private static final long serialVersionUID = 1L;

		NotDelivered() {
			super("the Cloud API did not take the reply", null, false, false);
		}

	}

	/**
	 * Sends bubbles and the choices after them, in {@code locale} ({@code null}: the
	 * default), best effort.
	 */
	void send(String to, List<Bubble> bubbles, List<Choice> choices, String locale) {
		deliver(to, bubbles, choices, locale);
	}

	/**
	 * Sends the answer to a user's message.
	 * @throws NotDelivered when the Cloud API failed (not when it refused for good), so
	 * that the message is tried again
	 */
	void reply(String to, List<Bubble> bubbles, List<Choice> choices, String locale) {
		if (deliver(to, bubbles, choices, locale) == GraphApi.Sent.FAILED) {
			throw new NotDelivered();
		}
	}

	private GraphApi.Sent deliver(String to, List<Bubble> bubbles, List<Choice> choices, String locale) {
		for (ObjectNode message : WhatsAppReplies.render(to, bubbles, choices, labels(locale))) {
			GraphApi.Sent sent = graph.send(message);
			if (sent != GraphApi.Sent.ACCEPTED) {
				return sent;
			}
		}
		return GraphApi.Sent.ACCEPTED;
	}

	/**
	 * Sends the page of a long list of choices that starts at {@code offset} ("More …");
	 * an offset outside the list sends nothing.
	 */
	void page(String to, List<Choice> choices, int offset, String locale) {
		if (offset < 0 || offset >= choices.size()) {
			return;
		}
		WhatsAppReplies.Labels labels = labels(locale);
		graph.send(WhatsAppReplies.choices(to, labels.choose(), choices, offset, labels));
	}

	/**
	 * Sends an approved template (no parameters) in the user's language, the only message
	 * allowed outside the window.
	 * @return whether the Cloud API accepted it
	 */
	boolean template(String to, String name, String locale) {
		ObjectNode message = JsonNodeFactory.instance.objectNode();
		message.put("messaging_product", "whatsapp")
			.put("recipient_type", "individual")
			.put("to", to)
			.put("type", "template");
		ObjectNode template = message.putObject("template");
		template.put("name", name);
		template.putObject("language").put("code", locale);
		return graph.send(message) == GraphApi.Sent.ACCEPTED;
	}

	private WhatsAppReplies.Labels labels(String locale) {
		return new WhatsAppReplies.Labels(texts.get(locale, "system.list_button"),
				texts.get(locale, "system.more_choices"), texts.get(locale, "system.choose"));
	}

}
