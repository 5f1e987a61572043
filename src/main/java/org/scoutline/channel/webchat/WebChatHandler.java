package org.scoutline.channel.webchat;

import java.io.IOException;

import org.scoutline.channel.common.ChannelMeters;
import org.scoutline.channel.common.InboundTurns;
import org.scoutline.channel.common.InboundTurns.Arrival;
import org.scoutline.conversation.Channel;
import org.scoutline.conversation.InboundMessage;
import org.scoutline.hotline.ChannelSignals;
import org.scoutline.hotline.HotlineReply;
import org.scoutline.platform.ClientContext;
import org.scoutline.platform.RefusedMessages;
import org.scoutline.hotline.Hotline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The widget's side of the hotline. A connection says {@code hello} with its secret token
 * (or none), then sends texts, choices, commands and file notices ({@link WidgetFrame});
 * each is one turn of the {@link Hotline} through {@link InboundTurns}, rendered by
 * {@link WidgetReplies}. Bad frames get an {@code error} frame and the connection stays
 * usable; nothing of them is stored. Binary frames are treated as media: refused, never
 * read. Every frame keeps the socket from being dropped as idle ({@link IdleSockets}).
 */
@Component
class WebChatHandler extends AbstractWebSocketHandler {

	private static final Logger log = LoggerFactory.getLogger(WebChatHandler.class);

	private final InboundTurns turns;

	private final ChannelSignals signals;

	private final ObjectMapper json;

	private final WebChatSettings settings;

	private final WebSessions sessions;

	private final WidgetHello hello;

	private final LiveStatus liveStatus;

	private final ClientLimits limits;

	private final ChannelMeters meters;

	private final RefusedMessages refused;

	private final IdleSockets idle;

	WebChatHandler(InboundTurns turns, ChannelSignals signals, ObjectMapper json, WebChatSettings settings,
			WebSessions sessions, WidgetHello hello, LiveStatus liveStatus, ClientLimits limits, ChannelMeters meters,
			RefusedMessages refused, IdleSockets idle) {
		this.idle = idle;
		this.limits = limits;
		this.meters = meters;
		this.refused = refused;
		this.turns = turns;
		this.signals = signals;
		this.json = json;
		this.settings = settings;
		this.sessions = sessions;
		this.hello = hello;
		this.liveStatus = liveStatus;
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) {
		idle.opened(WidgetSocket.open(session, settings, json, meters));
		limits.opened(session);
	}

	@Override
	protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
		WidgetSocket socket = WidgetSocket.of(session);
		socket.heard();
		WidgetFrame frame = read(message.getPayload());
		if (frame == null) {
			error(socket, "bad_frame", "system.bad_frame");
			return;
		}
		guarded(socket, () -> dispatch(socket, frame));
	}

	/**
	 * A binary frame is treated as media: refused with the calm explanation, never read.
	 */
	@Override
	protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) throws IOException {
		WidgetSocket socket = WidgetSocket.of(session);
		socket.heard();
		guarded(socket, () -> {
			if (socket.token() == null) {
				error(socket, "no_hello", "system.bad_frame");
			}
			else if (!socket.tryConsume()) {
				error(socket, "rate_limited", "system.rate_limited");
			}
			else {
				turn(socket, InboundMessage.media(Channel.WEB, socket.token(), null, WidgetFrame.MEDIA_NOTICE));
			}
		});
	}

	@Override
	public void handleTransportError(WebSocketSession session, Throwable exception) {
		log.debug("web chat transport error session={} cause={}", session.getId(),
				exception.getClass().getSimpleName());
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		limits.closed(session);
		WidgetSocket socket = WidgetSocket.of(session);
		idle.closed(socket);
		if (socket != null) {
			socket.forget(sessions);
			liveStatus.unwatch(socket.out());
		}
		session.getAttributes().clear();
	}

	/**
	 * @return the frame, {@code null} when it is not a JSON object with a textual
	 * {@code type}
	 */
	private WidgetFrame read(String payload) {
		try {
			JsonNode tree = json.readTree(payload);
			if (tree == null || !tree.isObject() || !tree.path("type").isTextual()) {
				return null;
			}
			return json.treeToValue(tree, WidgetFrame.class);
		}
		catch (JsonProcessingException | IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * Runs a step; a failure behind it (storage down) gets an error frame, never a closed
	 * socket or a stack trace.
	 */
	private void guarded(WidgetSocket socket, InboundTurns.Work<IOException> step) throws IOException {
		turns.handle(Arrival.of("web chat frame", "session=" + socket.id()), step, new WidgetReplies(socket, sessions));
	}

	private void dispatch(WidgetSocket socket, WidgetFrame frame) throws IOException {
		if (!socket.tryConsume()) {
			error(socket, "rate_limited", "system.rate_limited");
			return;
		}
		if (frame instanceof WidgetFrame.Hello greeting) {
			hello.greet(socket, greeting);
			return;
		}
		String token = socket.token();
		if (token == null) {
			error(socket, "no_hello", "system.bad_frame");
			return;
		}
		if (frame instanceof WidgetFrame.Typing) {
			// only relayed while a scout has the chat; never answered, never stored
			signals.typing(Channel.WEB, token);
			return;
		}
		WidgetFrame.Message said = (WidgetFrame.Message) frame;
		if (!said.validId()) {
			error(socket, "bad_frame", "system.bad_frame");
			return;
		}
		InboundMessage inbound = said.inbound(token);
		if (inbound == null) {
			error(socket, said instanceof WidgetFrame.Unknown ? "unknown_type" : "bad_frame", "system.bad_frame");
			return;
		}
		turn(socket, inbound);
	}

	/**
	 * One turn; the first of a new conversation counts against the address's limit, and
	 * only a crisis message passes it when it is used up.
	 */
	private void turn(WidgetSocket socket, InboundMessage inbound) throws IOException {
		if (!socket.started() && !turns.isCrisis(inbound) && !limits.mayStartConversation(socket.out())) {
			error(socket, "rate_limited", "system.too_many_new_chats");
			return;
		}
		// the address is known inside the turn, for its limit on requests for a scout
		HotlineReply reply = ClientContext.with(limits.client(socket.out()), () -> turns.turn(
				inbound.from(null, socket.locale(), true).withCountryHint(socket.country()).showingSectionsFolded(),
				new WidgetReplies(socket, sessions)));
		socket.started(reply.conversation() != null || reply.sendsNothing());
	}

	private void error(WidgetSocket socket, String code, String key) throws IOException {
		refused.count("system.too_many_new_chats".equals(key) ? RefusedMessages.Reason.NEW_CHAT_LIMIT
				: "rate_limited".equals(code) ? RefusedMessages.Reason.RATE_LIMITED : RefusedMessages.Reason.MALFORMED);
		socket.send(new WebChatFrames.Error(code, turns.notice(socket.locale(), key)));
	}

}
