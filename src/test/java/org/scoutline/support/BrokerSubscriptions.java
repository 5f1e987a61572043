package org.scoutline.support;

import java.security.Principal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.broker.AbstractBrokerMessageHandler;
import org.springframework.messaging.support.AbstractSubscribableChannel;
import org.springframework.messaging.support.ExecutorChannelInterceptor;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Tells a test when the broker has registered a STOMP subscription, so that it waits for that event instead of
 * sleeping (as spring-websocket-portfolio's {@code TestChannelInterceptor} does): an interceptor on the inbound
 * channel notes every SUBSCRIBE once the broker has handled it.
 */
public final class BrokerSubscriptions implements ExecutorChannelInterceptor {

	/** per user and destination, how many subscriptions the broker has registered so far */
	private final Map<String, AtomicInteger> registered = new ConcurrentHashMap<>();

	@Override
	public void afterMessageHandled(Message<?> message, MessageChannel channel, MessageHandler handler,
			Exception ex) {
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.wrap(message);
		if (ex == null && handler instanceof AbstractBrokerMessageHandler
				&& headers.getMessageType() == SimpMessageType.SUBSCRIBE) {
			Principal user = headers.getUser();
			count(user == null ? null : user.getName(), headers.getDestination()).incrementAndGet();
		}
	}

	/**
	 * Subscribes {@code client} (logged in as {@code username}) to {@code destination} and waits (at most 10 s) until
	 * the broker has registered that subscription, so that nothing published afterwards is missed.
	 * @return the messages that arrive on the subscription
	 */
	public BlockingQueue<JsonNode> subscribe(ConsoleClient client, String username,
			String destination) {
		AtomicInteger count = count(username, destination);
		int before = count.get();
		BlockingQueue<JsonNode> messages = client.subscribe(destination);
		Awaitility.await("subscription of " + username + " to " + destination)
			.atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(5))
			.until(() -> count.get() > before);
		return messages;
	}

	private AtomicInteger count(String username, String destination) {
		return registered.computeIfAbsent(key(username, destination), k -> new AtomicInteger());
	}

	private static String key(String username, String destination) {
		return username + " " + destination;
	}

	/** Adds the signal to the application's inbound STOMP channel. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		BrokerSubscriptions brokerSubscriptions(
				@Qualifier("clientInboundChannel") AbstractSubscribableChannel clientInboundChannel) {
			BrokerSubscriptions signal = new BrokerSubscriptions();
			clientInboundChannel.addInterceptor(signal);
			return signal;
		}

	}

}
