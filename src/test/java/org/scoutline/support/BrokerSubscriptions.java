package org.scoutline.support;

import java.security.Principal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.awaitility.Awaitility;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.broker.AbstractBrokerMessageHandler;
import org.springframework.messaging.simp.user.UserDestinationMessageHandler;
import org.springframework.messaging.support.AbstractSubscribableChannel;
import org.springframework.messaging.support.ExecutorChannelInterceptor;
import org.springframework.web.socket.messaging.SubProtocolWebSocketHandler;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Tells a test when the broker has registered a STOMP subscription, so that it waits for
 * that event instead of sleeping (as spring-websocket-portfolio's
 * {@code TestChannelInterceptor} does): an interceptor on the inbound channel notes every
 * SUBSCRIBE once the broker has handled it. On the outbound channel it notes every
 * CONNECTED frame once it has been written to the socket, for tests whose first frame is
 * answered with an ERROR.
 */
public final class BrokerSubscriptions implements ExecutorChannelInterceptor {

	/** the destination under which {@link #registered} counts written CONNECTED frames */
	private static final String CONNECTED = "CONNECTED";

	/**
	 * per user and destination, how many subscriptions the broker has registered so far
	 */
	private final Map<String, AtomicInteger> registered = new ConcurrentHashMap<>();

	@Override
	public void afterMessageHandled(Message<?> message, MessageChannel channel, MessageHandler handler, Exception ex) {
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.wrap(message);
		if (ex != null) {
			return;
		}
		Principal user = headers.getUser();
		String username = user == null ? null : user.getName();
		if (headers.getMessageType() == SimpMessageType.SUBSCRIBE && registers(handler, headers.getDestination())) {
			count(username, headers.getDestination()).incrementAndGet();
		}
		else if (handler instanceof SubProtocolWebSocketHandler
				&& headers.getMessageType() == SimpMessageType.CONNECT_ACK) {
			count(username, CONNECTED).incrementAndGet();
		}
	}

	/**
	 * The broker registers a subscription to one of its own destinations itself; a
	 * {@code /user/...} subscription is translated to a session's own queue and
	 * registered (synchronously, on the broker channel) by the user destination handler.
	 */
	private static boolean registers(MessageHandler handler, String destination) {
		if (destination == null) {
			return false;
		}
		if (handler instanceof AbstractBrokerMessageHandler broker) {
			return broker.getDestinationPrefixes().isEmpty()
					|| broker.getDestinationPrefixes().stream().anyMatch(destination::startsWith);
		}
		return handler instanceof UserDestinationMessageHandler;
	}

	/**
	 * Opens the STOMP session of {@code client} (logged in as {@code username}) and waits
	 * (at most 10 s) until the server has finished writing its CONNECTED frame. Until
	 * then the server's socket is busy with that frame: an ERROR answering the client's
	 * first frame would only be buffered, and lost when the server closes the socket
	 * right after it.
	 * @return the client
	 */
	public ConsoleClient connect(ConsoleClient client, String username) {
		AtomicInteger count = count(username, CONNECTED);
		int before = count.get();
		client.connect();
		Awaitility.await("CONNECTED written to " + username)
			.atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(5))
			.until(() -> count.get() > before);
		return client;
	}

	/**
	 * Subscribes {@code client} (logged in as {@code username}) to {@code destination}
	 * and waits (at most 10 s) until the broker has registered that subscription, so that
	 * nothing published afterwards is missed.
	 * @return the messages that arrive on the subscription
	 */
	public BlockingQueue<JsonNode> subscribe(ConsoleClient client, String username, String destination) {
		BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
		subscribe(client, username, destination, messages::add);
		return messages;
	}

	/**
	 * Like {@link #subscribe(ConsoleClient, String, String)}, but every message goes to
	 * {@code onMessage} the moment it arrives.
	 */
	public void subscribe(ConsoleClient client, String username, String destination, Consumer<JsonNode> onMessage) {
		AtomicInteger count = count(username, destination);
		int before = count.get();
		client.subscribe(destination, onMessage);
		Awaitility.await("subscription of " + username + " to " + destination)
			.atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(5))
			.until(() -> count.get() > before);
	}

	private AtomicInteger count(String username, String destination) {
		return registered.computeIfAbsent(key(username, destination), k -> new AtomicInteger());
	}

	private static String key(String username, String destination) {
		return username + " " + destination;
	}

	/**
	 * Adds the signal to the STOMP channels of an application started outside the test
	 * context (a second instance).
	 */
	public static BrokerSubscriptions of(ApplicationContext context) {
		return attach(context.getBean("clientInboundChannel", AbstractSubscribableChannel.class),
				context.getBean("clientOutboundChannel", AbstractSubscribableChannel.class));
	}

	private static BrokerSubscriptions attach(AbstractSubscribableChannel inbound,
			AbstractSubscribableChannel outbound) {
		BrokerSubscriptions signal = new BrokerSubscriptions();
		inbound.addInterceptor(signal);
		outbound.addInterceptor(signal);
		return signal;
	}

	/** Adds the signal to the application's inbound and outbound STOMP channels. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		BrokerSubscriptions brokerSubscriptions(
				@Qualifier("clientInboundChannel") AbstractSubscribableChannel clientInboundChannel,
				@Qualifier("clientOutboundChannel") AbstractSubscribableChannel clientOutboundChannel) {
			return attach(clientInboundChannel, clientOutboundChannel);
		}

	}

}
