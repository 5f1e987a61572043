package org.scoutline.channel.whatsapp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.scoutline.channel.common.CountryGuess;
import org.scoutline.channel.common.Replays;
import org.scoutline.conversation.Bubble;
import org.scoutline.conversation.Channel;
import org.scoutline.conversation.Choice;
import org.scoutline.conversation.Command;
import org.scoutline.hotline.ChannelSignals;
import org.scoutline.hotline.Hotline;
import org.scoutline.hotline.HotlineReply;
import org.scoutline.conversation.InboundMessage;
import org.scoutline.hotline.Opening;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Handles one WhatsApp message: de-duplicates it by its message id (Meta retries), maps it to an
 * {@link InboundMessage}, runs it through the {@link Hotline} and sends the reply. Media are never fetched; the
 * media id is not even read. Nothing free-form is sent outside the 24-hour customer-service window: a message that
 * arrives (or is re-delivered) more than 24 hours after it was written is not answered. Logs carry the message
 * type and the conversation id, never the phone number or the text.
 */
class WhatsAppMessages {

	private static final Logger log = LoggerFactory.getLogger(WhatsAppMessages.class);

	static final String CHANNEL = "whatsapp";

	/** the customer-service window: free-form messages only this long after the user's last message */
	static final Duration WINDOW = Duration.ofHours(24);

	static final Set<String> MEDIA = Set.of("image", "video", "audio", "document", "sticker");

	/** types Meta documents that carry nothing the triage can use (and may carry personal data) */
	static final Set<String> UNREADABLE = Set.of("location", "contacts", "unsupported", "unknown", "order", "system",
			"request_welcome");

	static final Set<String> KNOWN = Set.of("text", "interactive", "button", "reaction", "image", "video", "audio",
			"document", "sticker", "location", "contacts", "unsupported", "unknown", "order", "system",
			"request_welcome");


	/** one message from the webhook, already checked for its shape */
	record Incoming(String from, String id, Instant sentAt, String type, JsonNode message) {
	}

	private final GraphApi graph;

	private final Hotline hotline;

	private final ChannelSignals signals;

	private final Replays replays;

	private final Clock clock;

	WhatsAppMessages(GraphApi graph, Hotline hotline, ChannelSignals signals, Replays replays, Clock clock) {
		this.signals = signals;
		this.graph = graph;
		this.hotline = hotline;
		this.replays = replays;
		this.clock = clock;
	}

	void handle(Incoming incoming) {
		if (!replays.firstTime(CHANNEL, incoming.id())) {
			log.info("whatsapp message skipped: replay type={}", incoming.type());
			return;
		}
		if (!insideWindow(incoming.sentAt())) {
			log.info("whatsapp message skipped: older than the 24-hour window type={}", incoming.type());
			return;
		}
		String from = incoming.from();
		InboundMessage inbound = inbound(incoming);
		if (inbound != null) {
			HotlineReply reply;
			try {
				// the calling code tells the country to show crisis lines for until the user names it
				reply = hotline.receive(inbound.from(from, null, false).withCountryHint(CountryGuess.phoneNumber(from)));
			}
			catch (RuntimeException ex) {
				// the webhook was answered already, so Meta will not send it again: forget it and ask the user
				replays.forget(CHANNEL, incoming.id());
				log.error("whatsapp message not handled type={} cause={}", incoming.type(),
						ex.getClass().getSimpleName());
				send(from, List.of(Bubble.notice(hotline.notice(null, "system.unavailable"))), List.of(), null);
				return;
			}
			reply(from, reply);
		}
		else if (UNREADABLE.contains(incoming.type()) || "interactive".equals(incoming.type())) {
			send(from, List.of(Bubble.notice(hotline.notice(null, "system.unsupported_message"))), List.of(), null);
		}
	}

	/** @return whether a free-form message may still be sent to someone whose last message was sent then */
	boolean insideWindow(Instant lastMessage) {
		return insideWindow(lastMessage, clock.instant());
	}

	/** @return whether a free-form message may be sent at {@code at} to someone whose last message was sent then */
	static boolean insideWindow(Instant lastMessage, Instant at) {
		return Duration.between(lastMessage, at).compareTo(WINDOW) < 0;
	}

	/**
	 * Sends an approved template (no parameters) in the user's language, the only message allowed outside the window.
	 * @return whether the Cloud API accepted it
	 */
	boolean template(String to, String name, String locale) {
		ObjectNode message = JsonNodeFactory.instance.objectNode();
		message.put("messaging_product", "whatsapp").put("recipient_type", "individual").put("to", to).put("type",
				"template");
		ObjectNode template = message.putObject("template");
		template.put("name", name);
		template.putObject("language").put("code", locale);
		return graph.send(message);
	}

	private InboundMessage inbound(Incoming incoming) {
		String from = incoming.from();
		String id = incoming.id();
		JsonNode message = incoming.message();
		switch (incoming.type()) {
			case "text" -> {
				String body = message.path("text").path("body").asText("");
				if (body.isBlank()) {
					return null;
				}
				return body.startsWith("/") ? InboundMessage.command(Channel.WHATSAPP, from, id, Command.parse(body))
						: InboundMessage.text(Channel.WHATSAPP, from, id, body);
			}
			case "interactive" -> {
				JsonNode interactive = message.path("interactive");
				String choice = interactive.path("button_reply").path("id")
					.asText(interactive.path("list_reply").path("id").asText(""));
				if (choice.startsWith(WhatsAppReplies.MORE)) {
					more(from, choice);
					return null;
				}
				return choice.isBlank() ? null : InboundMessage.choice(Channel.WHATSAPP, from, id, choice);
			}
			case "button" -> {
				String text = message.path("button").path("text").asText("");
				return text.isBlank() ? null : InboundMessage.text(Channel.WHATSAPP, from, id, text);
			}
			default -> {
				return MEDIA.contains(incoming.type()) ? InboundMessage.media(Channel.WHATSAPP, from, id) : null;
			}
		}
	}

	/** "More …" in a long list: the next page of the choices the user has now. */
	private void more(String from, String choice) {
		int offset;
		try {
			offset = Integer.parseInt(choice.substring(WhatsAppReplies.MORE.length()));
		}
		catch (NumberFormatException ex) {
			return;
		}
		Opening now = signals.open(Channel.WHATSAPP, from, null);
		WhatsAppReplies.Labels labels = labels(now.locale());
		graph.send(WhatsAppReplies.choices(from, labels.choose(), now.choices(), offset, labels));
	}

	private void reply(String to, HotlineReply reply) {
		if (reply.sendsNothing()) {
			return;
		}
		log.debug("whatsapp reply conversation={} outcome={}", reply.conversation(), reply.outcome());
		send(to, reply.bubbles(), reply.choices(), reply.locale());
	}

	/** Sends bubbles the user did not ask for (a scout writes, the queue moves), same rendering as replies. */
	void deliver(String to, List<Bubble> bubbles, List<Choice> choices, String locale) {
		send(to, bubbles, choices, locale);
	}

	private void send(String to, List<Bubble> bubbles, List<Choice> choices, String locale) {
		for (ObjectNode message : WhatsAppReplies.render(to, bubbles, choices, labels(locale))) {
			if (!graph.send(message)) {
				return;
			}
		}
	}

	private WhatsAppReplies.Labels labels(String locale) {
		return new WhatsAppReplies.Labels(hotline.notice(locale, "system.list_button"),
				hotline.notice(locale, "system.more_choices"), hotline.notice(locale, "system.choose"));
	}


}
