package org.scoutline.channel.webchat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.scoutline.channel.common.ChannelMeters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * One widget connection as the server knows it: the socket to write to (safe for
 * concurrent writers: the handover pushes from other threads), the rate limit, and what
 * its {@code hello} said. Kept in the session's attributes and in memory only; the
 * country guess is never stored. While a {@code hello} is answered, what the handover
 * pushes waits, so that it follows the {@code ready} and repeats nothing it showed.
 */
final class WidgetSocket {

	private static final Logger log = LoggerFactory.getLogger(WidgetSocket.class);

	private static final String ATTRIBUTE = "scoutline.widget";

	/** the channel's name in the meters */
	private static final String WEB = "web";

	private final WebSocketSession out;

	private final Bucket bucket;

	private final ObjectMapper json;

	private volatile String token;

	private volatile String locale;

	private volatile String country;

	private volatile String pseudonym;

	/** whether the token has a conversation already (its first turn is behind it) */
	private volatile boolean started;

	/** frames pushed while a hello is answered; {@code null} when none is */
	private List<Pushed> held;

	/** {@link System#nanoTime()} of the client's last frame, or of the opening */
	private volatile long heard = System.nanoTime();

	private final ChannelMeters meters;

	private WidgetSocket(WebSocketSession session, WebChatSettings settings, ObjectMapper json, ChannelMeters meters) {
		this.meters = meters;
		this.out = new ConcurrentWebSocketSessionDecorator(session, 5_000, 512 * 1024);
		this.bucket = Bucket.builder()
			.addLimit(Bandwidth.builder()
				.capacity(settings.burst())
				.refillGreedy(settings.perSecond(), Duration.ofSeconds(1))
				.build())
			.build();
		this.json = json;
	}

	/** A connection opened: it gets its state. */
	static WidgetSocket open(WebSocketSession session, WebChatSettings settings, ObjectMapper json,
			ChannelMeters meters) {
		WidgetSocket socket = new WidgetSocket(session, settings, json, meters);
		session.getAttributes().put(ATTRIBUTE, socket);
		return socket;
	}

	/**
	 * @return the connection's state, {@code null} once it closed
	 */
	static WidgetSocket of(WebSocketSession session) {
		return (WidgetSocket) session.getAttributes().get(ATTRIBUTE);
	}

	/** A frame came from the client: the socket is not idle. */
	void heard() {
		heard = System.nanoTime();
	}

	/**
	 * @return {@link #heard}
	 */
	long heardAt() {
		return heard;
	}

	/**
	 * @return whether the connection may send one more frame now
	 */
	boolean tryConsume() {
		return bucket.tryConsume(1);
	}

	void send(WebChatFrames.Frame frame) throws IOException {
		if (out.isOpen()) {
			try {
				out.sendMessage(new TextMessage(json.writeValueAsString(frame)));
			}
			catch (IOException | RuntimeException ex) {
				meters.call(WEB, ChannelMeters.Call.FAILED);
				throw ex;
			}
			meters.call(WEB, ChannelMeters.Call.OK);
		}
	}

	/**
	 * @return the socket frames are written to (the one the handover and the live line
	 * write to as well)
	 */
	WebSocketSession out() {
		return out;
	}

	String id() {
		return out.getId();
	}

	/**
	 * @return the token of the conversation, {@code null} before a {@code hello} or after
	 * an erasure
	 */
	String token() {
		return token;
	}

	void token(String token) {
		this.token = token;
	}

	/**
	 * @return whether the token has a conversation already, so that a message is not the
	 * first of a new one
	 */
	boolean started() {
		return started;
	}

	void started(boolean started) {
		this.started = started;
	}

	/**
	 * @return the user's language as the server saw it last, {@code null} before the
	 * hello
	 */
	String locale() {
		return locale;
	}

	void locale(String locale) {
		this.locale = locale;
	}

	/**
	 * @return the guess of the user's country from the hello (page, time zone, language),
	 * or {@code null}
	 */
	String country() {
		return country;
	}

	void country(String country) {
		this.country = country;
	}

	/**
	 * Deliveries from scouts come to this socket from now on (for the user of
	 * {@code pseudonym}), held back until {@link #release}: the {@code ready} that
	 * answers the hello goes first.
	 */
	void listen(WebSessions sessions, String pseudonym) {
		synchronized (this) {
			held = new ArrayList<>();
		}
		this.pseudonym = pseudonym;
		sessions.register(pseudonym, this);
	}

	/**
	 * The {@code ready} went out: sends what was pushed meanwhile, in order, but the
	 * frames whose lines it showed already.
	 * @param shown the number of the last transcript line the {@code ready} had
	 */
	synchronized void release(long shown) {
		List<Pushed> waiting = held;
		held = null;
		if (waiting != null) {
			waiting.stream().filter(p -> p.seq() == 0 || p.seq() > shown).forEach(p -> write(p.frame()));
		}
	}

	/**
	 * A frame the handover pushed to the user.
	 * @param seq the number of the last transcript line it shows, {@code 0} when none
	 */
	void pushed(TextMessage frame, long seq) {
		synchronized (this) {
			if (held != null) {
				held.add(new Pushed(frame, seq));
				return;
			}
		}
		write(frame);
	}

	private void write(TextMessage frame) {
		try {
			if (out.isOpen()) {
				out.sendMessage(frame);
				meters.call(WEB, ChannelMeters.Call.OK);
			}
		}
		catch (IOException | RuntimeException ex) {
			meters.call(WEB, ChannelMeters.Call.FAILED);
			log.debug("web delivery failed session={} cause={}", out.getId(), ex.getClass().getSimpleName());
		}
	}

	/** Stops deliveries from scouts to this socket (closed, erased, or a new hello). */
	void forget(WebSessions sessions) {
		String listening = pseudonym;
		pseudonym = null;
		if (listening != null) {
			sessions.unregister(listening, this);
		}
		synchronized (this) {
			held = null;
		}
	}

	private record Pushed(TextMessage frame, long seq) {
	}

}
