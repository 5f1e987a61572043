package org.scoutline.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scoutline.support.ChatClient.choiceIds;
import static org.scoutline.support.ChatClient.texts;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scoutline.conversation.Conversation;
import org.scoutline.conversation.Conversations;
import org.scoutline.safety.Pseudonyms;
import org.scoutline.support.BrokerSubscriptions;
import org.scoutline.support.ChatClient;
import org.scoutline.support.ConsoleClient;
import org.scoutline.support.IntegrationTest;
import org.scoutline.support.RedisTestSupport.TestKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Severity end to end, against the whole app and the real Redis: imminent danger gets the
 * emergency number first and, in a live session, the front of the queue ahead of ordinary
 * crisis chats and an alert naming kind and severity; the console summary keeps a crisis
 * message on record after a "no" in the risk screen. The detector's tuning is not under
 * test here: one text is screened as imminent by a spy on the real detector, everything
 * else is real.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = { "scoutline.handover.sweep=1h", "scoutline.handover.heartbeat=200ms" })
class CrisisSeverityFlowTests {

	/**
	 * screened as imminent by the spy below, whatever the real detector says of it today
	 */
	static final String IMMINENT = "i took all the pills";

	/** a crisis message at the concern level, whatever its kind */
	static final String CONCERN = "i keep cutting myself";

	@Autowired
	Accounts accounts;

	@Autowired
	BrokerSubscriptions subscriptions;

	@Autowired
	Conversations conversations;

	@Autowired
	Pseudonyms pseudonyms;

	@Autowired
	TestKeys keys;

	@Autowired
	StringRedisTemplate redis;

	@LocalServerPort
	int port;

	private final List<AutoCloseable> open = new ArrayList<>();

	@BeforeEach
	void startClean() {
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

	@Test
	void imminentDangerGetsTheEmergencyNumberFirstTheFrontOfTheQueueAndAnAlertNamingKindAndSeverity(
			CapturedOutput output) throws Exception {
		ConsoleClient sam = staff("sam", "scout").connect();
		ConsoleClient sue = staff("sue", "supervisor").connect();
		BlockingQueue<JsonNode> alerts = subscriptions.subscribe(sue, "sue", "/topic/alerts");
		ChatClient ordinary = widgetUser(null);
		assertThat(texts(ordinary.command("scout").next("bot"))).contains("queue");
		ChatClient concern = widgetUser(null);
		assertThat(texts(concern.text(CONCERN).next("bot"))).contains("queue at number 1");
		JsonNode concernAlert = ConsoleClient.next(alerts);
		assertThat(concernAlert.path("severity").asText()).isEqualTo("concern");

		ChatClient urgent = widgetUser("Europe/London");
		JsonNode answer = urgent.text(IMMINENT).next("bot");
		JsonNode first = answer.path("messages").get(0);
		assertThat(first.path("kind").asText()).as("the emergency number before anything else").isEqualTo("emergency");
		assertThat(first.path("text").asText()).isEqualTo("Please call the emergency number right now: 999.");
		assertThat(answer.path("messages").get(1).path("kind").asText()).isEqualTo("crisis");
		assertThat(answer.path("messages").get(1).path("text").asText()).contains("In the UK:");
		assertThat(texts(answer)).as("ahead of the crisis chat that waited longer").contains("queue at number 1");

		JsonNode queue = sam.get("/console/api/queue").json();
		assertThat(queue).hasSize(3);
		assertThat(queue.get(0).path("urgent").asBoolean()).isTrue();
		assertThat(queue.get(0).path("signal").path("kind").asText()).isEqualTo("suicide");
		assertThat(queue.get(0).path("signal").path("severity").asText()).isEqualTo("imminent");
		assertThat(queue.get(0).path("signal").path("at").asLong()).isPositive();
		assertThat(queue.get(1).path("crisis").asBoolean()).isTrue();
		assertThat(queue.get(1).path("urgent").asBoolean()).isFalse();
		assertThat(queue.get(1).path("signal").path("severity").asText()).isEqualTo("concern");
		assertThat(queue.get(2).path("crisis").asBoolean()).isFalse();
		assertThat(queue.get(2).hasNonNull("signal")).isFalse();

		JsonNode alert = ConsoleClient.next(alerts,
				a -> queue.get(0).path("id").asText().equals(a.path("conversation").asText()));
		assertThat(alert.path("kind").asText()).isEqualTo("suicide");
		assertThat(alert.path("severity").asText()).isEqualTo("imminent");
		assertThat(alert.path("text").isMissingNode()).isTrue();
		assertThat(alert.path("number").asLong()).as("the chat's number, as the consoles show it")
			.isEqualTo(queue.get(0).path("number").asLong())
			.isPositive();
		assertThat(output.getAll()).as("never the words in a log")
			.doesNotContain(IMMINENT)
			.doesNotContain(CONCERN)
			.contains("severity=imminent kind=suicide");
	}

	@Test
	void imminentDangerInALiveChatAlertsTheSupervisorAndFlagsTheChatAsUrgent() throws Exception {
		ConsoleClient sam = staff("sam", "scout").connect();
		ConsoleClient sue = staff("sue", "supervisor").connect();
		BlockingQueue<JsonNode> alerts = subscriptions.subscribe(sue, "sue", "/topic/alerts");
		ChatClient user = widgetUser("Europe/Berlin");
		user.command("scout").next("bot");
		String id = sam.get("/console/api/queue").json().get(0).path("id").asText();
		assertThat(sam.post("/console/api/chats/" + id + "/claim", null).status()).isEqualTo(200);
		user.next("bot");

		JsonNode answer = user.text(IMMINENT).next("bot");
		assertThat(answer.path("messages").findValuesAsText("kind")).containsExactly("emergency", "crisis");
		assertThat(answer.path("messages").get(0).path("text").asText()).contains("112");
		JsonNode alert = ConsoleClient.next(alerts);
		assertThat(alert.path("type").asText()).isEqualTo("crisis");
		assertThat(alert.path("conversation").asText()).isEqualTo(id);
		assertThat(alert.path("severity").asText()).isEqualTo("imminent");
		assertThat(alert.path("kind").asText()).isEqualTo("suicide");
		JsonNode chat = sue.get("/console/api/chats/" + id).json();
		assertThat(chat.path("urgent").asBoolean()).isTrue();
		assertThat(chat.path("signal").path("severity").asText()).isEqualTo("imminent");
	}

	@Test
	void imminentDangerOutsideALiveSessionStillGetsTheEmergencyNumberFirstAndIsKeptOnRecord() {
		ChatClient user = ChatClient.connect(port);
		open.add(user);
		String token = user.hello(null, "en").next("ready").path("token").asText();
		user.next("bot");
		user.choice("en").next("bot");
		JsonNode answer = user.text(IMMINENT).next("bot");
		JsonNode first = answer.path("messages").get(0);
		assertThat(first.path("kind").asText()).isEqualTo("emergency");
		assertThat(first.path("text").asText()).as("no country known: every region's number")
			.contains("112")
			.contains("999")
			.contains("911");
		assertThat(answer.path("messages").get(1).path("text").asText()).contains("Which country do you live in?");
		assertThat(choiceIds(answer)).contains("gb", "us", "int");
		Conversation conversation = conversations.find(pseudonyms.of("WEB", token), null).conversation();
		assertThat(conversation.facts()).as("flagged as urgent in the conversation: kind, severity, when")
			.containsEntry("crisis_kind", "suicide")
			.containsEntry("crisis_severity", "imminent")
			.containsKey("crisis_at")
			.doesNotContainValue(IMMINENT);
	}

	@Test
	void theSummaryShowsTheCrisisMessageEvenAfterANoInTheRiskScreen() {
		ChatClient user = widgetUser("Europe/Berlin");
		JsonNode card = user.text(CONCERN).next("bot");
		assertThat(choiceIds(card)).contains("yes", "no");
		user.choice("no").next("bot");
		JsonNode resumed = user.choice("no").next("bot");
		assertThat(choiceIds(resumed)).as("back at the first question").contains("a", "f");

		ConsoleClient sam = staff("sam", "scout").connect();
		widgetUser(null).command("scout").next("bot");
		assertThat(texts(user.command("scout").next("bot"))).as("the earlier crisis message counts: ahead of the other")
			.contains("queue at number 1");
		JsonNode queued = sam.get("/console/api/queue").json().get(0);
		assertThat(queued.path("crisis").asBoolean()).as("flagged in the queue").isTrue();
		assertThat(queued.path("signal").path("severity").asText()).isEqualTo("concern");
		String id = queued.path("id").asText();
		assertThat(sam.post("/console/api/chats/" + id + "/claim", null).status()).isEqualTo(200);
		JsonNode chat = sam.get("/console/api/chats/" + id).json();
		assertThat(chat.hasNonNull("risk")).as("the screen recorded no risk level").isFalse();
		assertThat(chat.path("signal").path("kind").asText()).isEqualTo("self_harm");
		assertThat(chat.path("signal").path("severity").asText()).isEqualTo("concern");
		assertThat(chat.path("signal").path("at").asLong()).isPositive();
		assertThat(chat.path("facts").path("risk_thoughts").asText()).isEqualTo("no");
		assertThat(chat.path("facts").has("crisis_kind")).as("shown once, as the signal").isFalse();
	}

	private ConsoleClient staff(String name, String role) {
		ConsoleClient client = Staff.account(port, name, role);
		open.add(client);
		return client;
	}

	/**
	 * A widget user in English, past the language question; {@code timeZone} as their
	 * browser reports it.
	 */
	private ChatClient widgetUser(String timeZone) {
		ChatClient chat = ChatClient.connect(port);
		open.add(chat);
		chat.hello(null, "en", timeZone, timeZone == null ? null : "en-GB", null).next("ready");
		chat.next("bot");
		chat.choice("en").next("bot");
		return chat;
	}

}
