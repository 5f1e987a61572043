package org.scoutline.channel.webchat;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.scoutline.channel.common.CountryGuess;
import org.scoutline.conversation.Bubble;
import org.scoutline.conversation.Channel;
import org.scoutline.conversation.Command;
import org.scoutline.hotline.ChannelSignals;
import org.scoutline.hotline.Hotline;
import org.scoutline.hotline.HotlineReply;
import org.scoutline.conversation.InboundMessage;
import org.scoutline.hotline.Opening;
import org.scoutline.safety.Pseudonyms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * The widget's side of the hotline. A connection says {@code hello} with its secret token (or none), then sends
 * texts, choices, commands and file notices; each is one turn of the {@link Hotline}. Bad frames get an
 * {@code error} frame and the connection stays usable; nothing of them is stored. Binary frames are treated as
 * media: refused, never read.
 */
@Component
class WebChatHandler extends AbstractWebSocketHandler {

	private static final Logger log = LoggerFactory.getLogger(WebChatHandler.class);

	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

	private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private static final Pattern CHOICE_ID = Pattern.compile("[a-z0-9_]{1,64}");


	private static final String TOKEN_ATTRIBUTE = "scoutline.token";

	private static final String LOCALE_ATTRIBUTE = "scoutline.locale";

	/** the guess of the user's country from the hello (page, time zone, language): in memory, never stored */
	private static final String COUNTRY_ATTRIBUTE = "scoutline.country";

	private static final String PSEUDONYM_ATTRIBUTE = "scoutline.pseudonym";

	private static final String OUT_ATTRIBUTE = "scoutline.out";

	private static final String BUCKET_ATTRIBUTE = "scoutline.bucket";

	private final SecureRandom random = new SecureRandom();

	private final Hotline hotline;

	private final ChannelSignals signals;

	private final ObjectMapper json;

	private final WebChatSettings settings;

	private final WebSessions sessions;

	private final Pseudonyms pseudonyms;

	private final LiveStatus liveStatus;

	WebChatHandler(Hotline hotline, ChannelSignals signals, ObjectMapper json, WebChatSettings settings, WebSessions sessions,
			Pseudonyms pseudonyms, LiveStatus liveStatus) {
		this.sessions = sessions;
		this.liveStatus = liveStatus;
		this.pseudonyms = pseudonyms;
		this.hotline = hotline;
		this.signals = signals;
		this.json = json;
		this.settings = settings;
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) {
		session.getAttributes().put(OUT_ATTRIBUTE, new ConcurrentWebSocketSessionDecorator(session, 5_000, 512 * 1024));
		session.getAttributes().put(BUCKET_ATTRIBUTE, Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(settings.burst()).refillGreedy(settings.perSecond(),
					Duration.ofSeconds(1)).build())
			.build());
	}

	@Override
	protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
		JsonNode frame;
		try {
			frame = json.readTree(message.getPayload());
		}
		catch (JsonProcessingException ex) {
			error(session, "bad_frame", "system.bad_frame");
			return;
		}
		if (frame == null || !frame.isObject() || !frame.path("type").isTextual()) {
			error(session, "bad_frame", "system.bad_frame");
			return;
		}
		guarded(session, () -> dispatch(session, frame));
	}

	/** A binary frame is treated as media: refused with the calm explanation, never read. */
	@Override
	protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) throws IOException {
		guarded(session, () -> {
			if (token(session) == null) {
				error(session, "no_hello", "system.bad_frame");
			}
			else if (!bucket(session).tryConsume(1)) {
				error(session, "rate_limited", "system.rate_limited");
			}
			else {
				turn(session, InboundMessage.media(Channel.WEB, token(session), null));
			}
		});
	}

	/** Runs a step; a failure behind it (storage down) gets an error frame, never a closed socket or a stack trace. */
	private void guarded(WebSocketSession session, Step step) throws IOException {
		try {
			step.run();
		}
		catch (RuntimeException ex) {
			log.error("web chat turn failed session={} cause={}", session.getId(), ex.getClass().getSimpleName());
			error(session, "unavailable", "system.unavailable");
		}
	}

	@FunctionalInterface
	interface Step {

		void run() throws IOException;

	}

	@Override
	public void handleTransportError(WebSocketSession session, Throwable exception) {
		log.debug("web chat transport error session={} cause={}", session.getId(),
				exception.getClass().getSimpleName());
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		forget(session);
		liveStatus.unwatch(out(session));
		session.getAttributes().clear();
	}

	private void dispatch(WebSocketSession session, JsonNode frame) throws IOException {
		String type = frame.get("type").asText();
		if (!bucket(session).tryConsume(1)) {
			error(session, "rate_limited", "system.rate_limited");
			return;
		}
		if ("hello".equals(type)) {
			hello(session, frame);
			return;
		}
		String token = token(session);
		if (token == null) {
			error(session, "no_hello", "system.bad_frame");
			return;
		}
		if ("typing".equals(type)) {
			// only relayed while a scout has the chat; never answered, never stored
			signals.typing(Channel.WEB, token);
			return;
		}
		String id = text(frame, "id");
		if (id != null && !MESSAGE_ID.matcher(id).matches()) {
			error(session, "bad_frame", "system.bad_frame");
			return;
		}
		InboundMessage inbound = switch (type) {
			case "text" -> text(frame, "text") == null ? null : InboundMessage.text(Channel.WEB, token, id,
					text(frame, "text"));
			case "choice" -> validChoice(text(frame, "choice")) ? InboundMessage.choice(Channel.WEB, token, id,
					text(frame, "choice")) : null;
			case "command" -> command(frame, token, id);
			case "file", "image", "media" -> InboundMessage.media(Channel.WEB, token, id);
			default -> null;
		};
		if (inbound == null) {
			boolean known = Set.of("text", "choice", "command").contains(type);
			error(session, known ? "bad_frame" : "unknown_type", "system.bad_frame");
			return;
		}
		turn(session, inbound);
	}

	private static boolean validChoice(String choice) {
		return choice != null && CHOICE_ID.matcher(choice).matches();
	}

	private InboundMessage command(JsonNode frame, String token, String id) {
		String command = text(frame, "command");
		if (command == null) {
			return null;
		}
		return InboundMessage.command(Channel.WEB, token, id, Command.parse(command));
	}

	private void hello(WebSocketSession session, JsonNode frame) throws IOException {
		String offered = text(frame, "token");
		String token = offered != null && TOKEN.matcher(offered).matches() ? offered : newToken();
		String locale = text(frame, "locale");
		forget(session);
		session.getAttributes().put(TOKEN_ATTRIBUTE, token);
		String country = CountryGuess.browser(text(frame, "country"), text(frame, "timeZone"),
				text(frame, "language"));
		if (country != null) {
			session.getAttributes().put(COUNTRY_ATTRIBUTE, country);
		}
		else {
			session.getAttributes().remove(COUNTRY_ATTRIBUTE);
		}
		String pseudonym = pseudonyms.of(Channel.WEB.name(), token);
		session.getAttributes().put(PSEUDONYM_ATTRIBUTE, pseudonym);
		sessions.register(pseudonym, out(session));
		Opening opening = signals.open(Channel.WEB, token, locale);
		session.getAttributes().put(LOCALE_ATTRIBUTE, opening.locale());
		send(session, new WebChatFrames.Ready(token, opening.locale(), opening.history(),
				opening.welcome().isEmpty() ? opening.choices() : List.of(), opening.withScout()));
		if (!opening.welcome().isEmpty()) {
			send(session, new WebChatFrames.Bot(opening.locale(), opening.welcome(), opening.choices()));
		}
		// the live line: the frame this instance rendered last, then every change (sent once per socket)
		liveStatus.watch(out(session));
	}

	private void turn(WebSocketSession session, InboundMessage inbound) throws IOException {
		String locale = (String) session.getAttributes().get(LOCALE_ATTRIBUTE);
		String country = (String) session.getAttributes().get(COUNTRY_ATTRIBUTE);
		HotlineReply reply = hotline.receive(inbound.from(null, locale, true).withCountryHint(country));
		if (reply.locale() != null) {
			session.getAttributes().put(LOCALE_ATTRIBUTE, reply.locale());
		}
		switch (reply.outcome()) {
			case DUPLICATE, IGNORED -> {
			}
			case TOO_LONG -> {
				List<Bubble> bubbles = reply.bubbles();
				if (bubbles.size() > 1) {
					send(session, new WebChatFrames.Bot(reply.locale(), bubbles.subList(0, bubbles.size() - 1),
							reply.choices()));
				}
				send(session, new WebChatFrames.Error("too_long", bubbles.get(bubbles.size() - 1).text()));
			}
			case UNAVAILABLE -> send(session, new WebChatFrames.Error("unavailable", reply.bubbles().get(0).text()));
			case ERASED -> {
				forget(session);
				session.getAttributes().remove(TOKEN_ATTRIBUTE);
				send(session, new WebChatFrames.Deleted(reply.bubbles().get(0).text()));
			}
			case ANSWERED -> {
				// relayed to a scout: the bot stays silent
				if (!reply.bubbles().isEmpty() || !reply.choices().isEmpty()) {
					send(session, new WebChatFrames.Bot(reply.locale(), reply.bubbles(), reply.choices()));
				}
			}
		}
	}

	private void error(WebSocketSession session, String code, String key) throws IOException {
		String locale = (String) session.getAttributes().get(LOCALE_ATTRIBUTE);
		send(session, new WebChatFrames.Error(code, hotline.notice(locale, key)));
	}

	/** Stops deliveries from scouts to this socket (closed, erased, or a new hello). */
	private void forget(WebSocketSession session) {
		String pseudonym = (String) session.getAttributes().remove(PSEUDONYM_ATTRIBUTE);
		if (pseudonym != null) {
			sessions.unregister(pseudonym, out(session));
		}
	}

	private static WebSocketSession out(WebSocketSession session) {
		return (WebSocketSession) session.getAttributes().getOrDefault(OUT_ATTRIBUTE, session);
	}

	private void send(WebSocketSession session, Object frame) throws IOException {
		WebSocketSession out = out(session);
		if (out.isOpen()) {
			out.sendMessage(new TextMessage(json.writeValueAsString(frame)));
		}
	}

	private static String token(WebSocketSession session) {
		return (String) session.getAttributes().get(TOKEN_ATTRIBUTE);
	}

	private static Bucket bucket(WebSocketSession session) {
		return (Bucket) session.getAttributes().get(BUCKET_ATTRIBUTE);
	}

	private static String text(JsonNode frame, String field) {
		JsonNode node = frame.get(field);
		return node != null && node.isTextual() ? node.asText() : null;
	}

	private String newToken() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
