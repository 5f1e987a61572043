package org.scoutline.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.scoutline.schedule.SessionDraftTestData.aSession;
import static org.scoutline.support.ChatClient.texts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.scoutline.ScoutlineApplication;
import org.scoutline.conversation.ConversationId;
import org.scoutline.conversation.Conversations;
import org.scoutline.support.BrokerSubscriptions;
import org.scoutline.support.ChatClient;
import org.scoutline.support.ConsoleClient;
import org.scoutline.support.IntegrationTest;
import org.scoutline.schedule.LiveSessions;
import org.scoutline.support.RedisTestSupport.TestKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.scheduling.config.TaskExecutionOutcome;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Two instances of the app on one Redis (the test's own instance A, and B started here
 * with the same key prefix): a widget user on A chats with a scout on B, scouts on both
 * race for one claim, and when B dies, A notices that its scout vanished and returns the
 * chat to the queue.
 */
@IntegrationTest
@TestPropertySource(properties = { "scoutline.handover.grace=1s", "scoutline.handover.sweep=200ms",
		"scoutline.handover.heartbeat=200ms", "scoutline.pseudonym-key=" + TwoInstancesTests.PSEUDONYM_KEY,
		"scoutline.data-key=" + TwoInstancesTests.DATA_KEY, "scoutline.schedule.lifecycle-tick=200ms" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesTests {

	/** both instances need the same secrets, as in production */
	static final String PSEUDONYM_KEY = "two-instances-test-pseudonym-secret";

	static final String DATA_KEY = "two-instances-test-data-secret";

	@Autowired
	Accounts accounts;

	@LocalServerPort
	int portA;

	@Autowired
	TestKeys keys;

	@Autowired
	Environment environment;

	@Autowired
	LiveSessions sessions;

	@Autowired
	Conversations conversations;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	ApplicationContext instanceA;

	ConfigurableApplicationContext instanceB;

	int portB;

	/** the STOMP subscriptions registered by instance B's broker */
	BrokerSubscriptions subscriptionsOnB;

	private final List<AutoCloseable> open = new ArrayList<>();

	@BeforeAll
	void startSecondInstance() {
		// command-line arguments: they win over config/application.yml
		instanceB = new SpringApplicationBuilder(ScoutlineApplication.class).profiles("test")
			.run("--server.port=0", "--scoutline.key-prefix=" + keys.prefix(),
					"--spring.data.redis.host=" + environment.getProperty("spring.data.redis.host", "localhost"),
					"--spring.data.redis.port=" + environment.getProperty("spring.data.redis.port", "6379"),
					"--scoutline.handover.grace=1s", "--scoutline.handover.sweep=200ms",
					"--scoutline.handover.heartbeat=200ms", "--scoutline.pseudonym-key=" + PSEUDONYM_KEY,
					"--scoutline.data-key=" + DATA_KEY, "--scoutline.schedule.lifecycle-tick=200ms");
		portB = ((WebServerApplicationContext) instanceB).getWebServer().getPort();
		subscriptionsOnB = BrokerSubscriptions.of(instanceB);
	}

	@AfterAll
	void stopSecondInstance() {
		if (instanceB.isActive()) {
			instanceB.close();
		}
	}

	@BeforeEach
	void startClean() {
		// the bootstrap coordinator again, if an earlier class cleared the keys
		accounts.run(null);
		List<String> stale = keys.all().stream().filter(k -> !k.contains(":acct")).toList();
		if (!stale.isEmpty()) {
			redis.delete(stale);
		}
	}

	@AfterEach
	void closeAll() throws Exception {
		for (AutoCloseable c : open) {
			c.close();
		}
		open.clear();
	}

	private <T extends AutoCloseable> T keep(T closeable) {
		open.add(closeable);
		return closeable;
	}

	private ChatClient userOnA() {
		ChatClient user = keep(ChatClient.connect(portA));
		user.hello(null, "en").next("ready");
		user.next("bot");
		user.choice("en").next("bot");
		assertThat(texts(user.command("scout").next("bot"))).contains("queue at number");
		return user;
	}

	private String firstWaiting(ConsoleClient client) {
		return client.get("/console/api/queue").json().get(0).path("id").asText();
	}

	@Test
	@Order(1)
	void aUserOnOneInstanceChatsWithAScoutOnTheOther() throws Exception {
		Staff.account(portA, "bea", "scout").close();
		ConsoleClient bea = keep(ConsoleClient.login(portB, "bea", Staff.PASSWORD).connect());
		ChatClient user = userOnA();
		String id = firstWaiting(bea);
		assertThat(bea.post("/console/api/chats/" + id + "/claim", null).status()).isEqualTo(200);
		assertThat(texts(user.next("bot"))).contains("Bea is here for you");
		BlockingQueue<JsonNode> events = subscriptionsOnB.subscribe(bea, "bea", "/topic/chat/" + id);
		bea.send("/app/chat/" + id + "/send", Map.of("text", "Hi from instance B"));
		JsonNode fromScout = user.next("bot");
		assertThat(fromScout.path("messages").get(0).path("from").asText()).isEqualTo("scout");
		assertThat(fromScout.path("messages").get(0).path("name").asText()).as("the scout's alias on the bubble")
			.isEqualTo("Bea");
		assertThat(texts(fromScout)).contains("Hi from instance B");
		user.text("hi from instance A");
		assertThat(ConsoleClient.next(events, e -> "user".equals(e.path("author").asText())).path("text").asText())
			.isEqualTo("hi from instance A");
		assertThat(bea.post("/console/api/chats/" + id + "/close", Map.of("outcome", "helped")).status())
			.isEqualTo(200);
		assertThat(texts(user.next("bot"))).contains("did the chat help you?");
	}

	@Test
	@Order(2)
	void aUserWhoLostTheirConnectionToOneInstanceResumesOnTheOtherWithoutLosingOrRepeatingALine() {
		Staff.account(portA, "eve", "scout").close();
		ConsoleClient eve = keep(ConsoleClient.login(portB, "eve", Staff.PASSWORD).connect());
		ChatClient user = keep(ChatClient.connect(portA));
		String token = user.hello(null, "en").next("ready").path("token").asText();
		user.next("bot");
		user.choice("en").next("bot");
		user.command("scout").next("bot");
		String id = firstWaiting(eve);
		assertThat(eve.post("/console/api/chats/" + id + "/claim", null).status()).isEqualTo(200);
		long seen = user.next("bot").path("seq").asLong();
		user.close();

		// one after the other: the console's frames from one connection are handled in
		// parallel
		eve.send("/app/chat/" + id + "/send", Map.of("text", "Still with me?"));
		await("stored").atMost(Duration.ofSeconds(5))
			.until(() -> conversations.get(new ConversationId(id)).orElseThrow().lines() == seen + 1);
		eve.send("/app/chat/" + id + "/send", Map.of("text", "I am here."));
		await("stored").atMost(Duration.ofSeconds(5))
			.until(() -> conversations.get(new ConversationId(id)).orElseThrow().lines() == seen + 2);

		ChatClient back = keep(ChatClient.connect(portB));
		JsonNode ready = back.resume(token, "en", seen).next("ready");
		assertThat(ready.path("resumed").asBoolean()).isTrue();
		assertThat(ready.path("history").findValuesAsText("text")).containsExactly("Still with me?", "I am here.");
		eve.send("/app/chat/" + id + "/send", Map.of("text", "Tell me more."));
		JsonNode live = back.next("bot");
		assertThat(texts(live)).contains("Tell me more.");
		assertThat(live.path("seq").asLong()).isEqualTo(seen + 3);
	}

	@Test
	@Order(2)
	void anAccountDisabledOnOneInstanceLosesItsConsoleAndLoginOnTheOtherWithinASecond() throws Exception {
		Staff.account(portA, "cid", "scout").close();
		ConsoleClient cid = keep(ConsoleClient.login(portB, "cid", Staff.PASSWORD).connect());
		assertThat(cid.get("/console/api/queue").status()).isEqualTo(200);
		try (ConsoleClient admin = ConsoleClient.login(portA, Staff.ADMIN, Staff.ADMIN_PASSWORD)) {
			assertThat(admin.post("/console/api/accounts/cid/disable", null).status()).isEqualTo(200);
		}
		await().atMost(Duration.ofSeconds(1)).until(() -> !cid.connected());
		assertThat(cid.get("/console/api/queue").status()).isEqualTo(401);
		assertThat(cid.tryConnect(true)).isFalse();
	}

	@Test
	@Order(2)
	void claimsRacingOnBothInstancesHaveOneWinner() throws Exception {
		Staff.account(portA, "ann", "scout").close();
		Staff.account(portA, "bob", "scout").close();
		ConsoleClient ann = keep(ConsoleClient.login(portA, "ann", Staff.PASSWORD).connect());
		ConsoleClient bob = keep(ConsoleClient.login(portB, "bob", Staff.PASSWORD).connect());
		ChatClient user = userOnA();
		String id = firstWaiting(ann);
		List<ConsoleClient> claimants = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			claimants.add(i % 2 == 0 ? ann : bob);
		}
		List<Integer> statuses = ConsoleClient.claimAtOnce(id, claimants);
		// the winner's repeated claims answer 200 ("mine"); everyone else hears it is
		// taken
		String winner = ann.get("/console/api/chats").json().size() == 1 ? "ann" : "bob";
		assertThat(bob.get("/console/api/chats").json().size() + ann.get("/console/api/chats").json().size())
			.isEqualTo(1);
		List<Integer> loser = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			if (!(i % 2 == 0 ? "ann" : "bob").equals(winner)) {
				loser.add(statuses.get(i));
			}
		}
		assertThat(loser).containsOnly(409);
		assertThat(texts(user.next("bot"))).contains("is here for you");
		assertThat(user.drain(300)).isEmpty();
	}

	@Test
	@Order(3)
	void whileBothInstancesTickAReminderReachesItsSubscriberExactlyOnce() throws Exception {
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
		ChatClient user = ChatClient.connect(portA);
		open.add(user);
		user.hello(null, "en").next("ready");
		user.next("bot");
		user.choice("en").next("bot");
		user.command("scout").next("bot");
		assertThat(texts(user.choice("remind_me").next("bot"))).contains("I'll send you one message here");

		// a session that began a minute ago: both instances' tickers see its start, one
		// announces it
		sessions.create(aSession().startingMinutesFromNow(-1)
			.endingMinutesFromNow(120)
			.withScouts("admin")
			.withSupervisor("admin")
			.withMaxQueue(20)
			.build());
		JsonNode reminder = user.next("bot");
		assertThat(texts(reminder)).contains("A live session has just started");
		for (int tick = 0; tick < 3; tick++) { // several more ticks on both instances
			Instant mark = Instant.now();
			await("a lifecycle tick on both instances").atMost(Duration.ofSeconds(10))
				.until(() -> tickedSince(instanceA, mark) && tickedSince(instanceB, mark));
		}
		assertThat(user.drain(300)).noneMatch(frame -> texts(frame).contains("has just started"));
		assertThat(keys.all()).filteredOn(key -> key.contains("{schedule}:fired:") && key.endsWith(":OPENED"))
			.hasSize(1);
	}

	/**
	 * @return whether the lifecycle ticker of {@code instance} has completed a tick that
	 * started after {@code mark} (the scheduler keeps each task's last outcome)
	 */
	private static boolean tickedSince(ApplicationContext instance, Instant mark) {
		return instance.getBeansOfType(ScheduledTaskHolder.class)
			.values()
			.stream()
			.flatMap(holder -> holder.getScheduledTasks().stream())
			.map(ScheduledTask::getTask)
			.filter(task -> task.toString().contains("LifecycleTicker"))
			.map(task -> task.getLastExecutionOutcome())
			.anyMatch(outcome -> outcome.status() == TaskExecutionOutcome.Status.SUCCESS
					&& outcome.executionTime().isAfter(mark));
	}

	@Test
	@Order(4)
	void whenTheInstanceOfAScoutDiesTheOtherReturnsTheChatToTheQueue() {
		Staff.account(portA, "cat", "scout").close();
		Staff.account(portA, "dan", "scout").close();
		ConsoleClient dan = keep(ConsoleClient.login(portA, "dan", Staff.PASSWORD).connect());
		ConsoleClient cat = keep(ConsoleClient.login(portB, "cat", Staff.PASSWORD).connect());
		ChatClient user = userOnA();
		String id = firstWaiting(cat);
		assertThat(cat.post("/console/api/chats/" + id + "/claim", null).status()).isEqualTo(200);
		assertThat(texts(user.next("bot"))).contains("Cat is here for you");
		instanceB.close();
		JsonNode told = HandoverFlowTests.until(user, f -> texts(f).contains("connection to your scout dropped"));
		assertThat(told.path("choices").findValuesAsText("id")).containsExactly("leave_queue");
		assertThat(firstWaiting(dan)).isEqualTo(id);
	}

}
