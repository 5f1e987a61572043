package org.scoutline.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.scoutline.support.ChatClient.texts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.scoutline.channel.common.Intake;
import org.scoutline.channel.common.IntakeHandler;
import org.scoutline.channel.common.IntakeWorkers;
import org.scoutline.schedule.LiveSessions;
import org.scoutline.support.BrokerSubscriptions;
import org.scoutline.support.ChatClient;
import org.scoutline.support.ConsoleClient;
import org.scoutline.support.IntegrationTest;
import org.scoutline.support.LiveNow;
import org.scoutline.support.RedisSentinel;
import org.scoutline.support.RedisTestSupport.TestKeys;
import org.scoutline.support.RequiresRedisBinaries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The journey on Redis Sentinel (configured with {@code spring.data.redis.sentinel.*}
 * only), with the master killed in the middle of a chat between a user and a scout: once
 * the sentinels have promoted the replica, the app answers again on both sides, and
 * everything it had answered before the crash is still in the chat. The durable intake's
 * workers handle arrivals on the new master, each once.
 */
@IntegrationTest
@Tag("sentinel")
@RequiresRedisBinaries
@DirtiesContext
// a grace far longer than the failover (as the default, 2m): a scout is not taken for
// gone while
// Redis fails over
@TestPropertySource(properties = { "scoutline.handover.grace=30s", "scoutline.handover.sweep=200ms",
		"scoutline.handover.heartbeat=200ms" })
class SentinelFailoverTests {

	private static final String CHANNEL = "sentinel-test";

	private static RedisSentinel sentinel;

	@DynamicPropertySource
	static void sentinel(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.sentinel.master", () -> RedisSentinel.MASTER_NAME);
		registry.add("spring.data.redis.sentinel.nodes", () -> started().nodes());
	}

	private static synchronized RedisSentinel started() {
		if (sentinel == null) {
			sentinel = RedisSentinel.start();
		}
		return sentinel;
	}

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	LiveSessions sessions;

	@Autowired
	TestKeys keys;

	@Autowired
	BrokerSubscriptions subscriptions;

	@Autowired
	Intake intake;

	private final List<AutoCloseable> open = new ArrayList<>();

	@AfterEach
	void closeAll() throws Exception {
		for (AutoCloseable c : open) {
			c.close();
		}
		open.clear();
	}

	@Test
	void aChatGoesOnAfterTheMasterIsKilledAndNothingAnsweredIsLost() throws Exception {
		accounts.run(null);
		try (ConsoleClient admin = ConsoleClient.login(port, Staff.ADMIN, Staff.ADMIN_PASSWORD)) {
			assertThat(admin
				.post("/console/api/accounts",
						Map.of("username", "sam", "password", Staff.PASSWORD, "alias", "Sam", "role", "scout"))
				.status()).isIn(201, 409);
		}
		LiveNow.open(sessions, List.of("sam"), "admin");
		ConsoleClient sam = open(ConsoleClient.login(port, "sam", Staff.PASSWORD).connect());
		ChatClient user = open(ChatClient.connect(port));
		user.hello(null, "en").next("ready");
		user.next("bot");
		user.choice("en").next("bot");
		assertThat(texts(user.command("scout").next("bot"))).contains("queue");
		String id = sam.get("/console/api/queue").json().get(0).path("id").asText();
		assertThat(sam.post("/console/api/chats/" + id + "/claim", null).status()).isEqualTo(200);
		assertThat(texts(user.next("bot"))).contains("is here for you");
		BlockingQueue<JsonNode> events = subscriptions.subscribe(sam, "sam", "/topic/chat/" + id);
		sam.send("/app/chat/" + id + "/send", Map.of("text", "scout before the crash"));
		assertThat(texts(user.next("bot"))).contains("scout before the crash");
		user.text("user before the crash");
		assertThat(ConsoleClient.next(events, fromUser("user before the crash"))).isNotNull();

		// the durable intake's workers (their blocking reader has a connection of its
		// own)
		List<String> handled = new CopyOnWriteArrayList<>();
		IntakeWorkers workers = intake.workers(CHANNEL, 2, new IntakeHandler() {
			@Override
			public void handle(String payload, int attempt) {
				handled.add(payload);
			}

			@Override
			public void giveUp(String payload) {
			}
		});
		workers.start();
		open.add(workers::stop);
		assertThat(intake.offer(CHANNEL, "before", "chat", "arrival before the crash")).isTrue();
		await().atMost(Duration.ofSeconds(10)).until(() -> handled.contains("arrival before the crash"));

		sentinel.awaitReplicated();
		Duration failover = sentinel.killMaster();
		long promoted = System.nanoTime();
		System.out.println("sentinel failover took " + failover.toMillis() + " ms");

		// the app answers again: a scout's message reaches the user, the user's the scout
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		boolean scoutReached = false;
		while (!scoutReached && System.nanoTime() < deadline) {
			sam.send("/app/chat/" + id + "/send", Map.of("text", "scout after the crash"));
			scoutReached = user.drain(2000).stream().anyMatch(frame -> texts(frame).contains("scout after the crash"));
		}
		assertThat(scoutReached).as("a scout's message after the failover reaches the user").isTrue();
		boolean userReached = false;
		while (!userReached && System.nanoTime() < deadline) {
			user.text("user after the crash");
			userReached = poll(events, fromUser("user after the crash"), Duration.ofSeconds(2));
		}
		assertThat(userReached).as("the user's message after the failover reaches the scout").isTrue();
		System.out.println(
				"both sides answered again " + (System.nanoTime() - promoted) / 1_000_000 + " ms after the promotion");

		// an arrival taken after the failover is handled by the same workers
		await().atMost(Duration.ofSeconds(30))
			.ignoreExceptions()
			.until(() -> intake.offer(CHANNEL, "after", "chat", "arrival after the crash"));
		await().atMost(Duration.ofSeconds(30)).until(() -> handled.contains("arrival after the crash"));
		assertThat(handled).containsOnlyOnce("arrival before the crash");

		JsonNode chat = sam.get("/console/api/chats/" + id).json();
		assertThat(chat.path("transcript").findValuesAsText("text")).contains("scout before the crash",
				"user before the crash", "scout after the crash", "user after the crash");
		assertThat(sentinel.keys(keys.prefix() + "*")).anyMatch(key -> key.contains(id));

		// and a new user is triaged on the new master
		ChatClient newcomer = open(ChatClient.connect(port));
		newcomer.hello(null, "en").next("ready");
		assertThat(newcomer.next("bot").path("messages").size()).isPositive();
	}

	private static Predicate<JsonNode> fromUser(String text) {
		return event -> "user".equals(event.path("author").asText()) && text.equals(event.path("text").asText());
	}

	private static boolean poll(BlockingQueue<JsonNode> events, Predicate<JsonNode> match, Duration within)
			throws InterruptedException {
		long deadline = System.nanoTime() + within.toNanos();
		for (long left = within.toNanos(); left > 0; left = deadline - System.nanoTime()) {
			JsonNode event = events.poll(left, TimeUnit.NANOSECONDS);
			if (event != null && match.test(event)) {
				return true;
			}
		}
		return false;
	}

	private <T extends AutoCloseable> T open(T closeable) {
		open.add(closeable);
		return closeable;
	}

}
