package org.scoutline.channel.whatsapp;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.scoutline.channel.common.CountryGuess;
import org.scoutline.channel.common.InboundTurns;
import org.scoutline.channel.common.IntakeHandler;
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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Handles one WhatsApp message that the intake's workers hand over (the webhook stored it
 * once, by its message id, however often Meta delivers it): maps it to an
 * {@link InboundMessage}, runs it through {@link InboundTurns} and sends the reply with
 * the {@link WhatsAppSender}; a reply the Cloud API failed to take is tried again from
 * the intake, and after the last attempt the user is asked to send it again. Media are
 * never fetched; the media id is not even read. Nothing free-form is sent outside the
 * 24-hour customer-service window: a message that arrives (or is re-delivered) more than
 * 24 hours after it was written is not answered. Logs carry the message type and the
 * conversation id, never the phone number or the text.
 */
class WhatsAppMessages implements IntakeHandler {

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

	/**
	 * one message from the webhook, already checked for its shape; {@code message} is
	 * Meta's message object, kept only for the types whose content a turn reads
	 */
	record Incoming(String from, String id, Instant sentAt, String type, JsonNode message) {

		/**
		 * the types whose message object a turn reads; of any other only the type is kept
		 */
		private static final Set<String> READ = Set.of("text", "interactive", "button");

		/**
		 * @return what the intake keeps: nothing of media, locations or contacts
		 */
		Incoming kept() {
			return READ.contains(type) ? this : new Incoming(from, id, sentAt, type, null);
		}

	}

	private final InboundTurns turns;

	private final WhatsAppSender sender;

	private final ChannelSignals signals;

	private final ObjectMapper json;

	WhatsAppMessages(InboundTurns turns, WhatsAppSender sender, ChannelSignals signals, ObjectMapper json) {
		this.turns = turns;
		this.sender = sender;
		this.signals = signals;
		this.json = json;
	}

	/**
	 * @return what the intake keeps of a message
	 */
	String payload(Incoming incoming) {
		try {
			return json.writeValueAsString(incoming.kept());
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("a checked message could not be written", ex);
		}
	}

	@Override
	public void handle(String payload, int attempt) throws JsonProcessingException {
		Incoming incoming = json.readValue(payload, Incoming.class);
		answer(incoming, attempt > 1);
	}

	@Override
	public void giveUp(String payload) {
		try {
			Incoming incoming = json.readValue(payload, Incoming.class);
			String text = incoming.message() == null ? null : incoming.message().path("text").path("body").asText(null);
			new Number(incoming.from(), false).say(turns.notReceived(null, text));
		}
		catch (JsonProcessingException | RuntimeException ex) {
			log.warn("whatsapp notice not sent cause={}", ex.getClass().getSimpleName());
		}
	}

	private void answer(Incoming incoming, boolean again) {
		if (!sender.insideWindow(incoming.sentAt())) {
			log.info("whatsapp message skipped: older than the 24-hour window type={}", incoming.type());
			return;
		}
		String from = incoming.from();
		String choice = choiceOf(incoming);
		if (choice.startsWith(WhatsAppReplies.MORE)) {
			more(from, choice);
			return;
		}
		InboundMessage inbound = inbound(incoming, choice);
		if (inbound != null) {
			// the calling code tells the country to show crisis lines for until the user
			// names it
			turns.turn(inbound.from(from, null, false).withCountryHint(CountryGuess.phoneNumber(from)),
					new Number(from, again));
		}
		else if (UNREADABLE.contains(incoming.type()) || "interactive".equals(incoming.type())) {
			new Number(from, again).say(turns.notice(null, "system.unsupported_message"));
		}
	}

	/**
	 * @return the id of the button or list row a user tapped, or {@code ""}
	 */
	private static String choiceOf(Incoming incoming) {
		if (!"interactive".equals(incoming.type()) || incoming.message() == null) {
			return "";
		}
		JsonNode interactive = incoming.message().path("interactive");
		return interactive.path("button_reply").path("id").asText(interactive.path("list_reply").path("id").asText(""));
	}

	private InboundMessage inbound(Incoming incoming, String choice) {
		String from = incoming.from();
		String id = incoming.id();
		JsonNode message = incoming.message() == null ? json.createObjectNode() : incoming.message();
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

	/**
	 * "More …" in a long list: the next page of the choices the user has now; a page
	 * outside them (not one of our buttons) sends nothing.
	 */
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

		private final boolean again;

		Number(String to, boolean again) {
			this.to = to;
			this.again = again;
		}

		@Override
		public void reply(HotlineReply reply) {
			sender.reply(to, reply.bubbles(), reply.choices(), reply.locale());
		}

		@Override
		public boolean sendsAgain() {
			return again;
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
