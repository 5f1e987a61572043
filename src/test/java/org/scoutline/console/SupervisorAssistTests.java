package org.scoutline.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scoutline.support.ChatClient.texts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scoutline.conversation.ConversationId;
import org.scoutline.conversation.Conversations;
import org.scoutline.support.BrokerSubscriptions;
import org.scoutline.support.ChatClient;
import org.scoutline.support.ConsoleClient;
import org.scoutline.support.IntegrationTest;
import org.scoutline.support.RedisTestSupport.TestKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A supervisor next to a scout, against the whole app and the real Redis: private lines
 * to the scout that never reach the user's widget, and stepping in with a line the user
 * sees while the scout keeps the chat.
 */
@IntegrationTest
class SupervisorAssistTests {

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

	private ConsoleClient staff(String name, String role) {
		ConsoleClient client = Staff.account(port, name, role);
		open.add(client);
		return subscriptions.connect(client, name);
	}

	/**
	 * @return a widget user whose chat {@code scout} has claimed, and its id
	 */
	private Map.Entry<ChatClient, String> liveChat(ConsoleClient scout, String locale) {
		ChatClient user = ChatClient.connect(port);
		open.add(user);
		user.hello(null, locale).next("ready");
		user.next("bot");
		user.choice(locale).next("bot");
		user.command("scout").next("bot");
		JsonNode queue = scout.get("/console/api/queue").json();
		String id = queue.get(queue.size() - 1).path("id").asText();
		assertThat(scout.post("/console/api/chats/" + id + "/claim", null).status()).isEqualTo(200);
		user.next("bot");
		return Map.entry(user, id);
	}

	private String whispersKey(String id) {
		return keys.all().stream().filter(k -> k.endsWith("}:" + id + ":whispers")).findFirst().orElse(null);
	}

	@Test
	void aSupervisorsPrivateLinesReachTheScoutButNeverTheUser() throws Exception {
		ConsoleClient sam = staff("sam", "scout");
		ConsoleClient sue = staff("sue", "supervisor");
		Map.Entry<ChatClient, String> live = liveChat(sam, "en");
		ChatClient user = live.getKey();
		String id = live.getValue();
		BlockingQueue<JsonNode> samSees = subscriptions.subscribe(sam, "sam", "/topic/chat/" + id);
		BlockingQueue<JsonNode> sueSees = subscriptions.subscribe(sue, "sue", "/topic/chat/" + id);
		int lines = conversations.transcript(new ConversationId(id), 500).size();

		sue.send("/app/chat/" + id + "/whisper", Map.of("text", "Ask whether they already paid"));
		JsonNode whisper = ConsoleClient.next(samSees, e -> "whisper".equals(e.path("type").asText()));
		assertThat(whisper.path("text").asText()).isEqualTo("Ask whether they already paid");
		assertThat(whisper.path("alias").asText()).isEqualTo("Sue");
		assertThat(whisper.path("author").asText()).isEqualTo("sue");
		assertThat(ConsoleClient.next(sueSees, e -> "whisper".equals(e.path("type").asText())).path("text").asText())
			.isEqualTo("Ask whether they already paid");
		assertThat(sue.post("/console/api/chats/" + id + "/whispers", Map.of("text", "Take Down link next")).status())
			.isEqualTo(200);

		JsonNode assist = sam.get("/console/api/chats/" + id + "/assist").json();
		assertThat(assist.path("whispers").findValuesAsText("text")).containsExactly("Ask whether they already paid",
				"Take Down link next");
		assertThat(assist.path("whispers").findValuesAsText("by")).containsOnly("sue");
		assertThat(user.drain(500)).as("the user's widget gets nothing of it").isEmpty();
		assertThat(conversations.transcript(new ConversationId(id), 500)).as("nor does the transcript").hasSize(lines);

		String key = whispersKey(id);
		assertThat(key).isNotNull();
		assertThat(redis.getExpire(key)).as("expires like the notes").isPositive();
		assertThat(redis.opsForList().range(key, 0, -1)).as("stored encrypted")
			.noneMatch(line -> line.contains("paid"));

		user.command("delete").next("deleted");
		assertThat(redis.hasKey(key)).as("erased with the conversation").isFalse();
	}

	@Test
	void aSupervisorStepsInWithALineTheUserSeesAndTheScoutKeepsTheChat() throws Exception {
		ConsoleClient sam = staff("sam", "scout");
		ConsoleClient sue = staff("sue", "supervisor");
		Map.Entry<ChatClient, String> live = liveChat(sam, "en");
		ChatClient user = live.getKey();
		String id = live.getValue();
		BlockingQueue<JsonNode> samSees = subscriptions.subscribe(sam, "sam", "/topic/chat/" + id);
		BlockingQueue<JsonNode> sueErrors = subscriptions.subscribe(sue, "sue", "/user/queue/errors");

		sue.send("/app/chat/" + id + "/send", Map.of("text", "too early"));
		assertThat(ConsoleClient.next(sueErrors).path("error").asText()).as("steps in first").isEqualTo("not_yours");
		assertThat(user.drain(300)).isEmpty();

		ConsoleClient.Response joined = sue.post("/console/api/chats/" + id + "/step-in", null);
		assertThat(joined.status()).isEqualTo(200);
		assertThat(joined.json().path("outcome").asText()).isEqualTo("joined");
		assertThat(texts(user.next("bot"))).contains("Sue from the team has joined");
		assertThat(ConsoleClient.next(samSees, e -> "joined".equals(e.path("type").asText())).path("alias").asText())
			.isEqualTo("Sue");
		assertThat(sue.post("/console/api/chats/" + id + "/step-in", null).json().path("outcome").asText())
			.as("once is enough: the user is told once")
			.isEqualTo("already");
		assertThat(user.drain(300)).isEmpty();

		sue.send("/app/chat/" + id + "/send", Map.of("text", "Hi, I'm Sue, I'm here too."));
		assertThat(texts(user.next("bot"))).contains("I'm here too");
		JsonNode fromSue = ConsoleClient.next(samSees, e -> "message".equals(e.path("type").asText()));
		assertThat(fromSue.path("author").asText()).isEqualTo("supervisor");
		sam.send("/app/chat/" + id + "/send", Map.of("text", "And I'm still here."));
		assertThat(texts(user.next("bot"))).contains("still here");
		JsonNode chat = sam.get("/console/api/chats/" + id).json();
		assertThat(chat.path("scout").asText()).as("Sam keeps the chat").isEqualTo("sam");
		assertThat(sam.get("/console/api/chats/" + id + "/assist").json().path("helpers").get(0).asText())
			.isEqualTo("sue");

		assertThat(sam.post("/console/api/chats/" + id + "/close", Map.of("outcome", "helped")).status())
			.isEqualTo(200);
		user.next("bot");
		sue.send("/app/chat/" + id + "/send", Map.of("text", "after the close"));
		assertThat(ConsoleClient.next(sueErrors).path("error").asText()).isEqualTo("not_yours");
		assertThat(user.drain(300)).as("a closed chat takes nobody's lines").isEmpty();
	}

	@Test
	void theUserIsToldInTheirLanguage() {
		ConsoleClient sam = staff("sam", "scout");
		ConsoleClient sue = staff("sue", "supervisor");
		Map.Entry<ChatClient, String> live = liveChat(sam, "de");
		assertThat(sue.post("/console/api/chats/" + live.getValue() + "/step-in", null).status()).isEqualTo(200);
		assertThat(texts(live.getKey().next("bot"))).contains("Sue aus dem Team ist jetzt auch im Chat");
	}

	@Test
	void aScoutCanNeitherWhisperNorStepInAndRefusalsSayWhy() throws Exception {
		ConsoleClient sam = staff("sam", "scout");
		ConsoleClient sue = staff("sue", "supervisor");
		Map.Entry<ChatClient, String> live = liveChat(sam, "en");
		ChatClient user = live.getKey();
		String id = live.getValue();
		BlockingQueue<JsonNode> samErrors = subscriptions.subscribe(sam, "sam", "/user/queue/errors");

		assertThat(sam.get("/console/api/offer").json().path("assignment").asText()).as("claim by hand by default")
			.isEqualTo("claim");
		ConsoleClient.Response stepIn = sam.post("/console/api/chats/" + id + "/step-in", null);
		assertThat(stepIn.status()).isEqualTo(403);
		assertThat(stepIn.json().path("error").asText()).isEqualTo("supervisors_only");
		ConsoleClient.Response whisper = sam.post("/console/api/chats/" + id + "/whispers", Map.of("text", "x"));
		assertThat(whisper.status()).isEqualTo(403);
		assertThat(whisper.json().path("error").asText()).isEqualTo("supervisors_only");
		sam.send("/app/chat/" + id + "/whisper", Map.of("text", "to myself"));
		assertThat(ConsoleClient.next(samErrors).path("error").asText()).isEqualTo("supervisors_only");
		assertThat(sam.connected()).as("a refusal, not a closed socket").isTrue();

		assertThat(sue.post("/console/api/chats/" + id + "/whispers", Map.of("text", " ")).status()).isEqualTo(400);
		assertThat(sue.post("/console/api/chats/" + id + "/whispers", Map.of("text", "x".repeat(5000))).status())
			.isEqualTo(400);
		assertThat(sue.post("/console/api/chats/not-an-id/step-in", null).status()).isEqualTo(404);
		assertThat(sue.post("/console/api/chats/AAAAAAAAAAAAAAAAAAAAAA/step-in", null).json().path("error").asText())
			.isEqualTo("not_live");
		assertThat(sam.get("/console/api/chats/" + id + "/assist").json().path("whispers")).isEmpty();
		assertThat(user.drain(300)).isEmpty();

		ChatClient waiting = ChatClient.connect(port);
		open.add(waiting);
		waiting.hello(null, "en").next("ready");
		waiting.next("bot");
		waiting.choice("en").next("bot");
		waiting.command("scout").next("bot");
		JsonNode queue = sue.get("/console/api/queue").json();
		String queued = queue.get(queue.size() - 1).path("id").asText();
		ConsoleClient.Response notLive = sue.post("/console/api/chats/" + queued + "/step-in", null);
		assertThat(notLive.status()).isEqualTo(409);
		assertThat(notLive.json().path("error").asText()).isEqualTo("not_live");
		assertThat(sue.post("/console/api/chats/" + queued + "/claim", null).status()).isEqualTo(200);
		waiting.next("bot");
		assertThat(sue.post("/console/api/chats/" + queued + "/whispers", Map.of("text", "x"))
			.json()
			.path("error")
			.asText()).isEqualTo("own_chat");
	}

}
