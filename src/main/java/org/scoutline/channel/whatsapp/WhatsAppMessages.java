package org.scoutline.channel.whatsapp;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.scoutline.channel.common.CountryGuess;
import org.scoutline.channel.common.InboundTurns;
import org.scoutline.channel.common.InboundTurns.Arrival;
import org.scoutline.channel.common.TurnRenderer;
import org.scoutline.conversation.Bubble;
import org.scoutline.conversation.Channel;
import org.scoutline.conversation.Command;
import org.scoutline.conversation.InboundMessage;
import org.scoutline.hotline.ChannelSignals;
import org.scoutline.hotline.HotlineReply;
import org.scoutline.hotline.Opening;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Handles one WhatsApp message through {@link InboundTurns}: de-duplicates it by its
 * message id (Meta retries), maps it to an {@link InboundMessage}, runs it through the
 * hotline and sends the reply with the {@link WhatsAppSender}. Media are never fetched;
 * the media id is not even read. Nothing free-form is sent outside the 24-hour
 * customer-service window: a message that arrives (or is re-delivered) more than 24 hours
 * after it was written is not answered. Logs carry the message type and the conversation
 * id, never the phone number or the text.
 */
class WhatsAppMessages {

	private static final Logger log = LoggerFactory.getLogger(WhatsAppMessages.class);

	static final String CHANNEL = "whatsapp";

	static final Set<String> MEDIA = Set.of("image", "video", "audio", "document", "sticker");

	/**
	 * types Meta documents that carry nothing the triage can use (and may carry personal
	 * data)
	 */
	static final Set<String> UNREADABLE = Set.of("location", "contacts", "unsupported", "unknown", "order", "system",
			"request_welcome");

	static final Set<String> KNOWN = Set.of("text", "interactive", "button", "reaction", "image", "video", "audio",
			"document", "sticker", "location", "contacts", "unsupported", "unknown", "order", "system",
			"request_welcome");

	/** one message from the webhook, already checked for its shape */
	record Incoming(String from, String id, Instant sentAt, String type, JsonNode message) {
	}

	private final InboundTurns turns;

	private final WhatsAppSender sender;

	private final ChannelSignals signals;

	WhatsAppMessages(InboundTurns turns, WhatsAppSender sender, ChannelSignals signals) {
		this.turns = turns;
		this.sender = sender;
		this.signals = signals;
	}

	void handle(Incoming incoming) {
		Arrival arrival = Arrival.of("whatsapp message", "type=" + incoming.type()).replayable(CHANNEL, incoming.id());
		turns.handle(arrival, () -> answer(incoming), new Number(incoming.from()));
	}

	private void answer(Incoming incoming) {
		if (!sender.insideWindow(incoming.sentAt())) {
			log.info("whatsapp message skipped: older than the 24-hour window type={}", incoming.type());
			return;
		}
		String from = incoming.from();
		InboundMessage inbound = inbound(incoming);
		if (inbound != null) {
			// the calling code tells the country to show crisis lines for until the user
			// names it
			turns.turn(inbound.from(from, null, false).withCountryHint(CountryGuess.phoneNumber(from)),
					new Number(from));
		}
		else if (UNREADABLE.contains(incoming.type()) || "interactive".equals(incoming.type())) {
			new Number(from).say(turns.notice(null, "system.unsupported_message"));
		}
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
				String choice = interactive.path("button_reply")
					.path("id")
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
				return MEDIA.contains(incoming.type())
						? InboundMessage.media(Channel.WHATSAPP, from, id, "system.media_whatsapp") : null;
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
		sender.page(from, now.choices(), offset, now.locale());
	}

	/**
	 * The replies to one number, in the reply's language; the Cloud API's refusals are
	 * logged by the sender.
	 */
	private final class Number implements TurnRenderer<RuntimeException> {

		private final String to;

		Number(String to) {
			this.to = to;
		}

		@Override
		public void reply(HotlineReply reply) {
			sender.send(to, reply.bubbles(), reply.choices(), reply.locale());
		}

		@Override
		public void unavailable(String notice) {
			say(notice);
		}

		void say(String notice) {
			sender.send(to, List.of(Bubble.notice(notice)), List.of(), null);
		}

	}

}
