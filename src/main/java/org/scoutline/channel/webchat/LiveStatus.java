package org.scoutline.channel.webchat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.scoutline.conversation.Channel;
import org.scoutline.hotline.Hotline;
import org.scoutline.schedule.OpeningChanged;
import org.scoutline.schedule.OpeningDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The widget's live line ({@code schedule} frame) on this instance. One thread asks the
 * hotline whether scouts answer on the web now: at once when a session is saved or
 * cancelled or staff check in or out on any instance ({@link OpeningChanged}), and every
 * {@code scoutline.webchat.schedule-refresh} as a safety net; renders the frame once and,
 * only when its text changed, sends that same text to every widget socket open here. A
 * socket gets the current frame right after its opening frames. A failed refresh is
 * logged (exception class only) and the last frame stays. Every socket remembers the
 * version it was sent last, so a frame never overtakes a newer one.
 */
@Component
class LiveStatus implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(LiveStatus.class);

	private final Map<WebSocketSession, Delivered> watching = new ConcurrentHashMap<>();

	private final Supplier<OpeningDecision> opening;

	private final ObjectMapper json;

	private final Duration every;

	private volatile Published current;

	private final Ticker ticker = new Ticker("webchat-live-status", this::refresh, log, "web live status tick failed");

	@Autowired
	LiveStatus(Hotline hotline, ObjectMapper json, WebChatSettings settings) {
		this(() -> hotline.opening(Channel.WEB), json, settings.scheduleRefresh());
	}

	LiveStatus(Supplier<OpeningDecision> opening, ObjectMapper json, Duration every) {
		this.opening = opening;
		this.json = json;
		this.every = every;
	}

	/**
	 * Asks once; sends the frame to every watching socket if it differs from the last
	 * one.
	 */
	synchronized void refresh() {
		WebChatFrames.Schedule frame;
		String text;
		try {
			frame = WebChatFrames.Schedule.of(opening.get());
			text = json.writeValueAsString(frame);
		}
		catch (JsonProcessingException | RuntimeException ex) {
			log.warn("web live status not refreshed, keeping the last one cause={}", ex.getClass().getSimpleName());
			return;
		}
		Published last = current;
		if (last != null && last.message().getPayload().equals(text)) {
			return;
		}
		Published next = new Published(last == null ? 1 : last.version() + 1, new TextMessage(text));
		current = next;
		watching.forEach((session, delivered) -> {
			if (session.isOpen()) {
				delivered.offer(session, next);
			}
			else {
				// closed without a goodbye (a race with the hello): not kept forever
				watching.remove(session);
			}
		});
		log.info("web live status changed state={} version={} sockets={}", frame.state(), next.version(),
				watching.size());
	}

	/**
	 * A socket said hello (its opening frames are sent): it gets the current frame and
	 * every change.
	 */
	void watch(WebSocketSession session) {
		Delivered delivered = watching.computeIfAbsent(session, s -> new Delivered());
		if (!session.isOpen()) {
			watching.remove(session);
			return;
		}
		Published now = current;
		if (now != null) {
			delivered.offer(session, now);
		}
	}

	/**
	 * A session was saved or cancelled, or staff checked in or out, on any instance: the
	 * live line is asked again at once (on its own thread), not at the next tick.
	 */
	@EventListener
	void on(OpeningChanged changed) {
		ticker.runSoon();
	}

	void unwatch(WebSocketSession session) {
		watching.remove(session);
	}

	/**
	 * @return how many sockets get the frame
	 */
	int watching() {
		return watching.size();
	}

	/**
	 * @return the frame sent last, {@code null} before the first successful refresh
	 */
	String current() {
		Published now = current;
		return now == null ? null : now.message().getPayload();
	}

	@Override
	public void start() {
		ticker.start(Duration.ZERO, every);
	}

	@Override
	public void stop() {
		ticker.stop();
	}

	@Override
	public boolean isRunning() {
		return ticker.isRunning();
	}

	/** One rendered frame; {@code version} grows with every change. */
	record Published(long version, TextMessage message) {
	}

	/** What one socket was sent last. */
	private static final class Delivered {

		private long version;

		synchronized void offer(WebSocketSession session, Published frame) {
			if (frame.version() <= version) {
				return;
			}
			version = frame.version();
			try {
				if (session.isOpen()) {
					session.sendMessage(frame.message());
				}
			}
			catch (IOException | RuntimeException ex) {
				log.debug("web live status not delivered session={} cause={}", session.getId(),
						ex.getClass().getSimpleName());
			}
		}

	}

}
