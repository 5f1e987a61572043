package org.scoutline.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.scoutline.schedule.SessionDraftTestData.aSession;
import static org.scoutline.support.ChatClient.texts;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;

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
import org.scoutline.support.RedisCluster;
import org.scoutline.support.RedisTestSupport.TestKeys;
import org.scoutline.support.RequiresRedisBinaries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The whole journey on a real Redis Cluster (three masters, three replicas, configured
 * with {@code spring.data.redis.cluster.nodes} only): a widget user with nobody on duty
 * asks to be reminded, the live session's start reaches them, they ask for a scout, two
 * scouts claim at once and one wins, messages go both ways, the chat is closed, and
 * {@code /delete} leaves no key about them on any master. Every script runs on the
 * cluster, which refuses a call whose keys span two slots (CROSSSLOT). The intake's
 * streams work there too.
 */
@IntegrationTest
@Tag("cluster")
@RequiresRedisBinaries
@TestPropertySource(properties = { "scoutline.handover.grace=1s", "scoutline.handover.sweep=200ms",
		"scoutline.handover.heartbeat=200ms", "scoutline.schedule.lifecycle-tick=200ms",
		"scoutline.intake.claim-after=400ms" })
class ClusterJourneyTests {

	@DynamicPropertySource
	static void cluster(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.cluster.nodes", () -> RedisCluster.shared().nodes());
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
	RedisConnectionFactory connections;

	@Autowired
	Intake intake;

	private final List<AutoCloseable> open = new ArrayList<>();

	@AfterEach
	void closeAll() throws Exception {
		for (AutoCloseable c : open) {
			c.close();
		}
		open.clear();
		keys.clearAllButAccounts();
	}

	@Test
	void theAppRunsOnTheClusterItWasGiven() {
		assertThat(connections).isInstanceOfSatisfying(LettuceConnectionFactory.class,
				factory -> assertThat(factory.isClusterAware()).isTrue());
		assertThat(RedisCluster.shared().masters()).hasSize(3);
	}

	@Test
	void theWholeJourneyRunsOnTheCluster() throws Exception {
		accounts.run(null);
		createScouts("sam", "kim");
		LocalDate tomorrow = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(1);
		sessions.create(aSession().titled("Tomorrow")
			.about("")
			.inLanguages("en")
			.onChannels("WEB")
			.startingAt(tomorrow + "T19:00")
			.endingAt(tomorrow + "T21:00")
			.withScouts("admin")
			.withSupervisor("admin")
			.withMaxQueue(20)
			.withEscalationStopMinutes(10)
			.build());

		// triage over the widget; nobody on duty yet: the user asks to be reminded
		ChatClient user = open(ChatClient.connect(port));
		user.hello(null, "en").next("ready");
		user.next("bot");
		user.choice("en").next("bot");
		user.command("scout").next("bot");
		assertThat(texts(user.choice("remind_me").next("bot"))).contains("I'll send you one message here");

		// the session lifecycle: a session that began a minute ago is announced
		sessions.create(aSession().titled(LiveNow.TITLE)
			.startingMinutesFromNow(-1)
			.endingMinutesFromNow(120)
			.withScouts("sam", "kim")
			.withSupervisor("admin")
			.withMaxQueue(20)
			.build());
		assertThat(texts(user.next("bot"))).contains("A live session has just started");
		assertThat(keys.all()).filteredOn(key -> key.contains("{schedule}:fired:") && key.endsWith(":OPENED"))
			.hasSize(1);

		// escalation, then a claim race: exactly one of two scouts gets the chat
		ConsoleClient sam = open(ConsoleClient.login(port, "sam", Staff.PASSWORD).connect());
		ConsoleClient kim = open(ConsoleClient.login(port, "kim", Staff.PASSWORD).connect());
		JsonNode queued = user.command("scout").next("bot");
		assertThat(texts(queued)).contains("queue");
		JsonNode queue = sam.get("/console/api/queue").json();
		assertThat(queue).hasSize(1);
		String id = queue.get(0).path("id").asText();
		List<Integer> statuses = ConsoleClient.claimAtOnce(id, List.of(sam, kim));
		assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		ConsoleClient winner = statuses.get(0) == 200 ? sam : kim;
		String winnerName = winner == sam ? "sam" : "kim";
		assertThat(texts(user.next("bot"))).contains("is here for you");

		// a relay both ways
		BlockingQueue<JsonNode> events = subscriptions.subscribe(winner, winnerName, "/topic/chat/" + id);
		winner.send("/app/chat/" + id + "/send", Map.of("text", "Hi, what happened?"));
		assertThat(texts(user.next("bot"))).contains("what happened?");
		user.text("someone took my phone");
		JsonNode relayed = ConsoleClient.next(events, e -> "user".equals(e.path("author").asText()));
		assertThat(relayed.path("text").asText()).isEqualTo("someone took my phone");
		assertThat(winner.post("/console/api/chats/" + id + "/close", Map.of("outcome", "helped")).status())
			.isEqualTo(200);
		assertThat(RedisCluster.shared().keys(keys.prefix() + "*")).anyMatch(key -> key.contains(id));

		// /delete leaves no key about the user on any master
		user.drain(300);
		assertThat(user.command("delete").next("deleted").path("message").asText()).isNotBlank();
		await("no key about the user on any master").atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(RedisCluster.shared().keys(keys.prefix() + "*"))
				.noneMatch(key -> key.contains(id) || key.contains("conv:") || key.contains(":key:")));
	}

	@Test
	void theIntakeTakesEachArrivalOnceAndInOrderOnTheCluster() {
		String channel = "cluster" + UUID.randomUUID().toString().substring(0, 8);
		List<String> handled = new CopyOnWriteArrayList<>();
		IntakeWorkers workers = intake.workers(channel, 2, new IntakeHandler() {
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
		for (int n = 1; n <= 5; n++) {
			for (String chat : List.of("a", "b")) {
				assertThat(intake.offer(channel, chat + n, chat, chat + ":" + n)).isTrue();
			}
		}
		assertThat(intake.offer(channel, "a1", "a", "again")).as("an arrival delivered again").isFalse();
		await().atMost(Duration.ofSeconds(15)).until(() -> handled.size() == 10);
		assertThat(handled.stream().filter(p -> p.startsWith("a:"))).containsExactly("a:1", "a:2", "a:3", "a:4", "a:5");
		assertThat(handled.stream().filter(p -> p.startsWith("b:"))).containsExactly("b:1", "b:2", "b:3", "b:4", "b:5");
	}

	private void createScouts(String... names) {
		try (ConsoleClient admin = ConsoleClient.login(port, Staff.ADMIN, Staff.ADMIN_PASSWORD)) {
			for (String name : names) {
				int created = admin
					.post("/console/api/accounts", Map.of("username", name, "password", Staff.PASSWORD, "alias",
							Staff.alias(name), "role", "scout"))
					.status();
				assertThat(created).isIn(201, 409);
			}
		}
	}

	private <T extends AutoCloseable> T open(T closeable) {
		open.add(closeable);
		return closeable;
	}

}
