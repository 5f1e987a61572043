package org.scoutline.channel.webchat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.scoutline.platform.LogGate;
import org.scoutline.platform.RedisBuckets;
import org.scoutline.platform.RefusedMessages;
import org.scoutline.safety.Pseudonyms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.server.HandshakeInterceptor;

import io.github.bucket4j.BucketConfiguration;

/**
 * The widget's limits per client address ({@link ClientLimitSettings}): connections
 * opened per minute and new conversations per minute are counted in Redis, so they hold
 * across instances; connections held open at once are counted on this instance. A refused
 * connection gets {@code 429} at the handshake. The address is known only as a keyed
 * pseudonym, and when Redis can't answer a limit lets the request through: a limit must
 * never be the reason a young person gets no answer.
 */
@Component
class ClientLimits implements HandshakeInterceptor {

	private static final Logger log = LoggerFactory.getLogger(ClientLimits.class);

	static final String ATTRIBUTE = "scoutline.client";

	private final RedisBuckets buckets;

	private final Pseudonyms pseudonyms;

	private final ClientLimitSettings settings;

	private final BucketConfiguration sockets;

	private final BucketConfiguration newChats;

	private final ConcurrentMap<String, AtomicInteger> open = new ConcurrentHashMap<>();

	private final LogGate gate = new LogGate();

	private final RefusedMessages refused;

	ClientLimits(RedisBuckets buckets, Pseudonyms pseudonyms, ClientLimitSettings settings, RefusedMessages refused) {
		this.refused = refused;
		this.buckets = buckets;
		this.pseudonyms = pseudonyms;
		this.settings = settings;
		this.sockets = perMinute(settings.socketsPerMinute());
		this.newChats = perMinute(settings.newChatsPerMinute());
	}

	private static BucketConfiguration perMinute(int count) {
		return BucketConfiguration.builder()
			.addLimit(limit -> limit.capacity(count).refillGreedy(count, Duration.ofMinutes(1)))
			.build();
	}

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Map<String, Object> attributes) {
		String client = client(request.getRemoteAddress());
		AtomicInteger held = open.get(client);
		if (held != null && held.get() >= settings.socketsPerClient() || !allowed("socket:" + client, sockets)) {
			if (gate.open("socket")) {
				log.warn("widget connection refused: too many from one address (logged once a minute)");
			}
			refused.count(RefusedMessages.Reason.CONNECTION_LIMIT);
			response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
			return false;
		}
		attributes.put(ATTRIBUTE, client);
		return true;
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Exception exception) {
	}

	/** A connection of this client is open now. */
	void opened(WebSocketSession session) {
		Object client = session.getAttributes().get(ATTRIBUTE);
		if (client != null) {
			open.computeIfAbsent(client.toString(), c -> new AtomicInteger()).incrementAndGet();
		}
	}

	/** A connection of this client closed. */
	void closed(WebSocketSession session) {
		Object client = session.getAttributes().get(ATTRIBUTE);
		if (client != null) {
			open.computeIfPresent(client.toString(), (c, count) -> count.decrementAndGet() <= 0 ? null : count);
		}
	}

	/**
	 * @return the pseudonym of the client address behind {@code session}, {@code null}
	 * when unknown
	 */
	String client(WebSocketSession session) {
		Object client = session.getAttributes().get(ATTRIBUTE);
		return client == null ? null : client.toString();
	}

	/**
	 * Counts a new conversation of the client behind {@code session}.
	 * @return whether it is within the limit
	 */
	boolean mayStartConversation(WebSocketSession session) {
		Object client = session.getAttributes().get(ATTRIBUTE);
		boolean allowed = client == null || allowed("chat:" + client, newChats);
		if (!allowed && gate.open("chat")) {
			log.warn("new widget conversation refused: too many from one address (logged once a minute)");
		}
		return allowed;
	}

	private boolean allowed(String name, BucketConfiguration configuration) {
		try {
			return buckets.bucket("web:" + name, configuration).tryConsume(1);
		}
		catch (RuntimeException ex) {
			if (gate.open("redis")) {
				log.warn("widget limit not checked, request let through cause={} (logged once a minute)",
						ex.getClass().getSimpleName());
			}
			return true;
		}
	}

	private String client(InetSocketAddress address) {
		String host = address == null || address.getAddress() == null ? "unknown"
				: address.getAddress().getHostAddress();
		return pseudonyms.of("client", host);
	}

}
