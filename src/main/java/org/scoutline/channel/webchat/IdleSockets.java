package org.scoutline.channel.webchat;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;

/**
 * Drops widget sockets that have gone quiet: one whose client sent no frame for
 * {@code scoutline.webchat.idle-timeout} is closed with {@link #IDLE} (4000 "idle"), a
 * code of its own, so that the widget can tell it from a lost connection or a shutdown
 * (1001, which is also what the server container's own idle timeout sends). What the
 * server pushes (the live line, a scout's message) does not count: only the client's
 * frames do. One thread looks every tenth of the timeout (at most every 10 seconds), so a
 * socket closes at most that much after its time. The widget connects again when the user
 * acts, or at once while it waits for a scout or talks to one, and resumes with
 * {@code seq}: nothing is lost ({@code docs/widget-protocol.md}).
 */
@Component
class IdleSockets implements SmartLifecycle {

	/** the close status of a socket dropped for being idle */
	static final CloseStatus IDLE = new CloseStatus(4000, "idle");

	private static final Logger log = LoggerFactory.getLogger(IdleSockets.class);

	private static final Duration LONGEST_LOOK = Duration.ofSeconds(10);

	private static final Duration SHORTEST_LOOK = Duration.ofMillis(100);

	private final Set<WidgetSocket> open = ConcurrentHashMap.newKeySet();

	private final long timeoutNanos;

	private final Duration every;

	private final Ticker ticker = new Ticker("webchat-idle-sockets", this::sweep, log, "idle widget sockets not swept");

	@Autowired
	IdleSockets(WebChatSettings settings) {
		this(settings.idleTimeout());
	}

	IdleSockets(Duration timeout) {
		this.timeoutNanos = timeout.toNanos();
		Duration tenth = timeout.dividedBy(10);
		this.every = tenth.compareTo(LONGEST_LOOK) > 0 ? LONGEST_LOOK
				: tenth.compareTo(SHORTEST_LOOK) < 0 ? SHORTEST_LOOK : tenth;
	}

	/** A socket opened: its idle time runs from now. */
	void opened(WidgetSocket socket) {
		open.add(socket);
	}

	/** A socket closed, for whatever reason. */
	void closed(WidgetSocket socket) {
		if (socket != null) {
			open.remove(socket);
		}
	}

	/**
	 * @return how many widget sockets are open on this instance
	 */
	int open() {
		return open.size();
	}

	/**
	 * Closes every socket whose client has been silent for the timeout.
	 * @return how many it closed
	 */
	int sweep() {
		long now = System.nanoTime();
		int closed = 0;
		for (WidgetSocket socket : open) {
			if (now - socket.heardAt() >= timeoutNanos && open.remove(socket)) {
				close(socket);
				closed++;
			}
		}
		if (closed > 0) {
			log.debug("idle widget sockets closed count={} open={}", closed, open.size());
		}
		return closed;
	}

	private void close(WidgetSocket socket) {
		try {
			socket.out().close(IDLE);
		}
		catch (IOException | RuntimeException ex) {
			log.debug("idle widget socket not closed cleanly session={} cause={}", socket.id(),
					ex.getClass().getSimpleName());
		}
	}

	@Override
	public void start() {
		ticker.start(every, every);
	}

	@Override
	public void stop() {
		ticker.stop();
	}

	@Override
	public boolean isRunning() {
		return ticker.isRunning();
	}

}
