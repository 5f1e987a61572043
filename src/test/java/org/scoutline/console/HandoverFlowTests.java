package org.scoutline.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.scoutline.support.ChatClient.choiceIds;
import static org.scoutline.support.ChatClient.texts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scoutline.conversation.ConversationId;
import org.scoutline.conversation.Conversations;
import org.scoutline.conversation.Mode;
import org.scoutline.support.BrokerSubscriptions;
import org.scoutline.support.ChatClient;
import org.scoutline.support.ConsoleClient;
import org.scoutline.support.IntegrationTest;
import org.scoutline.support.RedisTestSupport.TestKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The handover end to end, against the whole app and the real Redis: a widget user (a
 * real WebSocket client of the widget protocol) and scouts (logged in through the form,
 * REST with CSRF, a real STOMP client).
 */
@IntegrationTest
@TestPropertySource(properties = { "scoutline.handover.grace=1s", "scoutline.handover.sweep=200ms",
		"scoutline.handover.heartbeat=200ms" })
class HandoverFlowTests {

	@Autowired
	Accounts accounts;

	@LocalServerPort
	int port;

	@Autowired
	Conversations conversations;

	@Autowired
	TestKeys keys;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	BrokerSubscriptions subscriptions;

	@BeforeEach
	void startClean() {
		// the bootstrap coordinator again, if an earlier class cleared the keys
		accounts.run(null);
		List<String> stale = keys.all().stream().filter(k -> !k.contains(":acct")).toList();
		if (!stale.isEmpty()) {
			redis.delete(stale);
		}
	}

	private final List<AutoCloseable> open = new ArrayList<>();

	@AfterEach
	void closeAll() throws Exception {
		for (AutoCloseable c : open) {
			c.close();
		}
		open.clear();
	}

	private ConsoleClient staff(String name, String role) {
		ConsoleClient client = Staff.account(port, name, role);
		open.add(client);
		return client;
	}

	private ChatClient widgetUser() {
		ChatClient chat = ChatClient.connect(port);
		open.add(chat);
		chat.hello(null, "en").next("ready");
		chat.next("bot");
		chat.choice("en").next("bot");
		return chat;
	}

	/**
	 * @return the conversation id of the user just queued (the last in the queue)
	 */
	private String askForScout(ChatClient chat, ConsoleClient anyStaff) {
		JsonNode queued = chat.command("scout").next("bot");
		assertThat(texts(queued)).contains("queue");
		assertThat(choiceIds(queued)).containsExactly("leave_queue");
		JsonNode queue = anyStaff.get("/console/api/queue").json();
		return queue.get(queue.size() - 1).path("id").asText();
	}

	static JsonNode until(ChatClient chat, Predicate<JsonNode> match) {
		for (int i = 0; i < 20; i++) {
			JsonNode frame = chat.next();
			if (match.test(frame)) {
				return frame;
			}
		}
		throw new AssertionError("no matching frame");
	}

	/**
	 * @return the chat's events, once the broker has registered the subscription
	 */
	private BlockingQueue<JsonNode> watch(ConsoleClient scout, String username, String id) {
		return subscriptions.subscribe(scout, username, "/topic/chat/" + id);
	}

	@Test
	void aWidgetUserTalksWithAScoutWhoClosesAndTheBotAsksForFeedback() throws Exception {
		ConsoleClient sam = staff("sam", "scout").connect();
		ChatClient user = widgetUser();
		String id = askForScout(user, sam);

		assertThat(sam.post("/console/api/chats/" + id + "/claim", null).status()).isEqualTo(200);
		assertThat(texts(user.next("bot"))).contains("Sam is here for you");
		assertThat(conversations.get(new ConversationId(id)).orElseThrow().mode()).isEqualTo(Mode.WITH_SCOUT);

		BlockingQueue<JsonNode> events = watch(sam, "sam", id);
		sam.send("/app/chat/" + id + "/send", Map.of("text", "Hi, I'm Sam. What happened?"));
		JsonNode fromScout = user.next("bot");
		assertThat(fromScout.path("messages").get(0).path("from").asText()).isEqualTo("scout");
		assertThat(fromScout.path("messages").get(0).path("name").asText()).as("the scout's alias on the bubble")
			.isEqualTo("Sam");
		assertThat(texts(fromScout)).contains("What happened?");

		user.text("someone wants money for my pictures");
		JsonNode relayed = ConsoleClient.next(events, e -> "user".equals(e.path("author").asText()));
		assertThat(relayed.path("text").asText()).isEqualTo("someone wants money for my pictures");
		assertThat(user.drain(300)).as("the bot stays silent while a scout chats").isEmpty();

		JsonNode chat = sam.get("/console/api/chats/" + id).json();
		assertThat(chat.path("transcript").findValuesAsText("from")).contains("user", "bot", "scout");
		assertThat(chat.path("locale").asText()).isEqualTo("en");
		assertThat(chat.path("scout").asText()).isEqualTo("sam");

		assertThat(sam.post("/console/api/chats/" + id + "/close", Map.of("outcome", "helped")).status())
			.isEqualTo(200);
		JsonNode closed = user.next("bot");
		assertThat(texts(closed)).contains("closed the chat").contains("did the chat help you?");
		assertThat(choiceIds(closed)).containsExactly("feedback_yes", "feedback_partly", "feedback_no", "show_plan");

		JsonNode thanks = user.choice("feedback_yes").next("bot");
		assertThat(texts(thanks)).contains("Thank you");
		assertThat(choiceIds(thanks)).contains("a", "f");
		assertThat(conversations.get(new ConversationId(id)).orElseThrow().mode()).isEqualTo(Mode.BOT);
	}

	@Test
	void aWaitingUserCanLeaveTheQueue() {
		ConsoleClient sam = staff("sam", "scout").connect();
		ChatClient user = widgetUser();
		String id = askForScout(user, sam);
		assertThat(texts(user.text("hello?").next("bot"))).contains("still in the queue, at number");
		JsonNode left = user.choice("leave_queue").next("bot");
		assertThat(texts(left)).contains("left the queue");
		assertThat(sam.get("/console/api/queue").json().findValuesAsText("id")).doesNotContain(id);
		JsonNode claim = sam.post("/console/api/chats/" + id + "/claim", null).json();
		assertThat(claim.path("error").asText()).isEqualTo("gone");
	}

	@Test
	void exactlyOneOfManyConcurrentClaimsWins() throws Exception {
		List<ConsoleClient> scouts = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			scouts.add(staff("racer" + (char) ('a' + i), "scout").connect());
		}
		ChatClient user = widgetUser();
		String id = askForScout(user, scouts.get(0));
		List<Integer> statuses = ConsoleClient.claimAtOnce(id, scouts);
		assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
		assertThat(statuses).filteredOn(s -> s == 409).hasSize(scouts.size() - 1);
		assertThat(texts(user.next("bot"))).contains("is here for you");
		assertThat(user.drain(300)).as("the user hears of one scout only").isEmpty();
	}

	@Test
	void aScoutHoldsAtMostTwoChats() {
		ConsoleClient sam = staff("sam", "scout").connect();
		for (int i = 0; i < 2; i++) {
			String id = askForScout(widgetUser(), sam);
			assertThat(sam.post("/console/api/chats/" + id + "/claim", null).status()).isEqualTo(200);
		}
		String third = askForScout(widgetUser(), sam);
		ConsoleClient.Response refused = sam.post("/console/api/chats/" + third + "/claim", null);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().path("error").asText()).isEqualTo("full");
	}

	@Test
	void aTransferToTheSupervisorMovesTheChatAndTellsTheUser() throws Exception {
		ConsoleClient sam = staff("sam", "scout").connect();
		ConsoleClient sue = staff("sue", "supervisor").connect();
		ChatClient user = widgetUser();
		String id = askForScout(user, sam);
		sam.post("/console/api/chats/" + id + "/claim", null);
		user.next("bot");
		assertThat(sam.get("/console/api/team").json().findValuesAsText("username")).contains("sam", "sue");
		staff("ola", "scout").close();
		ConsoleClient.Response offDuty = sam.post("/console/api/chats/" + id + "/transfer", Map.of("to", "ola"));
		assertThat(offDuty.status()).isEqualTo(409);
		assertThat(offDuty.json().path("error").asText()).isEqualTo("not_on_duty");
		assertThat(sam.post("/console/api/chats/" + id + "/transfer", Map.of("to", "admin")).status())
			.as("coordinators take no chats")
			.isEqualTo(400);
		assertThat(sam.post("/console/api/chats/" + id + "/transfer", Map.of("to", "sue")).status()).isEqualTo(200);
		assertThat(texts(user.next("bot"))).contains("Sue is taking over");
		assertThat(sam.get("/console/api/chats/" + id).status()).as("no longer Sam's").isEqualTo(403);
		BlockingQueue<JsonNode> events = watch(sue, "sue", id);
		sue.send("/app/chat/" + id + "/send", Map.of("text", "Hi, I'm Sue."));
		assertThat(texts(user.next("bot"))).contains("Hi, I'm Sue.");
		// the transfer's own event may still be on its way (Redis pub/sub): wait for the
		// message
		assertThat(ConsoleClient.next(events, e -> "message".equals(e.path("type").asText())).path("author").asText())
			.isEqualTo("scout");
	}

	@Test
	void aCrisisGoesToTheFrontOfTheQueueAndAlertsTheSupervisor() throws Exception {
		ConsoleClient sam = staff("sam", "scout").connect();
		ConsoleClient sue = staff("sue", "supervisor").connect();
		BlockingQueue<JsonNode> alerts = subscriptions.subscribe(sue, "sue", "/topic/alerts");
		askForScout(widgetUser(), sam);
		askForScout(widgetUser(), sam);
		ChatClient inCrisis = widgetUser();
		JsonNode crisis = inCrisis.text("i want to kill myself").next("bot");
		assertThat(crisis.path("messages").findValuesAsText("kind")).contains("crisis");
		assertThat(texts(crisis)).contains("queue at number 1");
		JsonNode queue = sam.get("/console/api/queue").json();
		assertThat(queue).hasSize(3);
		assertThat(queue.get(0).path("crisis").asBoolean()).isTrue();
		assertThat(queue.get(1).path("crisis").asBoolean()).isFalse();
		JsonNode alert = ConsoleClient.next(alerts);
		assertThat(alert.path("conversation").asText()).isEqualTo(queue.get(0).path("id").asText());
	}

	@Test
	void aCrisisDuringTheLiveChatFlagsItForTheSupervisor() throws Exception {
		ConsoleClient sam = staff("sam", "scout").connect();
		ConsoleClient sue = staff("sue", "supervisor").connect();
		BlockingQueue<JsonNode> alerts = subscriptions.subscribe(sue, "sue", "/topic/alerts");
		ChatClient user = widgetUser();
		String id = askForScout(user, sam);
		sam.post("/console/api/chats/" + id + "/claim", null);
		user.next("bot");
		JsonNode card = user.text("i want to kill myself").next("bot");
		assertThat(card.path("messages").findValuesAsText("kind")).containsExactly("crisis");
		assertThat(ConsoleClient.next(alerts).path("conversation").asText()).isEqualTo(id);
		JsonNode chats = sue.get("/console/api/chats").json();
		assertThat(chats.findValuesAsText("id")).containsExactly(id);
		assertThat(chats.get(0).path("crisis").asBoolean()).isTrue();
	}

	@Test
	void aVanishedScoutsChatGoesBackToTheFrontAndTheUserIsToldHonestly() {
		ConsoleClient sam = staff("sam", "scout").connect();
		ConsoleClient kim = staff("kim", "scout").connect();
		ChatClient user = widgetUser();
		String id = askForScout(user, sam);
		askForScout(widgetUser(), sam);
		sam.post("/console/api/chats/" + id + "/claim", null);
		user.next("bot");
		sam.disconnect();
		JsonNode told = until(user, f -> texts(f).contains("connection to your scout dropped"));
		assertThat(choiceIds(told)).containsExactly("leave_queue");
		JsonNode queue = kim.get("/console/api/queue").json();
		assertThat(queue.get(0).path("id").asText()).as("back at the front").isEqualTo(id);
		assertThat(conversations.get(new ConversationId(id)).orElseThrow().mode()).isEqualTo(Mode.QUEUED);
		assertThat(kim.post("/console/api/chats/" + id + "/claim", null).status()).isEqualTo(200);
	}

	@Test
	void refusalsSayWhyAndChangeNothing() throws Exception {
		ConsoleClient sam = staff("sam", "scout").connect();
		ConsoleClient kim = staff("kim", "scout").connect();
		assertThat(sam.post("/console/api/chats/AAAAAAAAAAAAAAAAAAAAAA/claim", null).json().path("error").asText())
			.isEqualTo("gone");
		assertThat(sam.post("/console/api/chats/not-an-id/claim", null).status()).isEqualTo(404);
		ChatClient user = widgetUser();
		String id = askForScout(user, sam);
		sam.post("/console/api/chats/" + id + "/claim", null);
		user.next("bot");
		ConsoleClient.Response taken = kim.post("/console/api/chats/" + id + "/claim", null);
		assertThat(taken.status()).isEqualTo(409);
		assertThat(taken.json().path("message").asText()).contains("Another scout");

		BlockingQueue<JsonNode> errors = subscriptions.subscribe(sam, "sam", "/user/queue/errors");
		sam.send("/app/chat/" + id + "/send", Map.of("text", "x".repeat(2001)));
		assertThat(ConsoleClient.next(errors).path("error").asText()).isEqualTo("too_long");
		sam.send("/app/chat/" + id + "/send", Map.of("text", "   "));
		assertThat(ConsoleClient.next(errors).path("error").asText()).isEqualTo("empty");
		assertThat(user.drain(300)).as("nothing reached the user").isEmpty();
		assertThat(sam.post("/console/api/chats/" + id + "/close", Map.of("outcome", "whatever")).status())
			.isEqualTo(400);
		ConsoleClient.Response noOutcome = sam.post("/console/api/chats/" + id + "/close", Map.of());
		assertThat(noOutcome.status()).as("no outcome: a precise refusal, not a 503").isEqualTo(400);
		assertThat(noOutcome.json().path("error").asText()).isEqualTo("outcome_required");
		assertThat(sam.post("/console/api/chats/" + id + "/close", null).status()).isEqualTo(400);
		assertThat(sam.post("/console/api/chats/" + id + "/notes", Map.of("text", "")).status()).isEqualTo(400);
		assertThat(sam.post("/console/api/chats/" + id + "/notes", Map.of("text", "asked about police")).status())
			.isEqualTo(200);
		assertThat(sam.get("/console/api/chats/" + id).json().path("notes").get(0).asText())
			.isEqualTo("sam: asked about police");
		assertThat(user.drain(300)).as("notes never reach the user").isEmpty();
		await().atMost(Duration.ofSeconds(2)).until(() -> sam.connected());
	}

	@Test
	void aDisabledAccountLosesAccessAtOnceAndCanBeEnabledAgain() {
		ConsoleClient zoe = staff("zoe", "scout");
		assertThat(zoe.get("/console/api/queue").status()).isEqualTo(200);
		try (ConsoleClient admin = ConsoleClient.login(port, Staff.ADMIN, Staff.ADMIN_PASSWORD)) {
			assertThat(admin.post("/console/api/accounts/zoe/disable", null).status()).isEqualTo(200);
			ConsoleClient.Response refused = zoe.get("/console/api/queue");
			// refused at once: by the account's state (403), or because the login has
			// ended already (401)
			assertThat(refused.status()).isIn(401, 403);
			assertThat(refused.json().path("error").asText()).isIn("account_disabled", "session_expired");
			await().atMost(Duration.ofSeconds(1)).until(() -> zoe.get("/console/api/queue").status() == 401);
			assertThat(ConsoleClient.anonymous(port).formLogin("zoe", Staff.PASSWORD)).isEqualTo(401);
			assertThat(admin.post("/console/api/accounts/zoe/enable", null).status()).isEqualTo(200);
			assertThat(admin.post("/console/api/accounts/zoe/password", Map.of("password", "short")).status())
				.isEqualTo(400);
			assertThat(
					admin.post("/console/api/accounts/zoe/password", Map.of("password", "a-new-password-2")).status())
				.isEqualTo(200);
			assertThat(
					admin
						.post("/console/api/accounts",
								Map.of("username", "zoe", "password", "whatever-long-1", "alias", "Zoe", "role",
										"scout"))
						.status())
				.as("taken")
				.isEqualTo(409);
			assertThat(
					admin
						.post("/console/api/accounts",
								Map.of("username", "X!", "password", "whatever-long-1", "alias", "Zoe", "role",
										"scout"))
						.status())
				.isEqualTo(400);
		}
		try (ConsoleClient again = ConsoleClient.login(port, "zoe", "a-new-password-2")) {
			assertThat(again.get("/console/api/queue").status()).isEqualTo(200);
		}
	}

}
