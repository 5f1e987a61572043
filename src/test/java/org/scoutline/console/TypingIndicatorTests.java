package org.scoutline.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scoutline.support.ChatClient.texts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scoutline.conversation.Channel;
import org.scoutline.conversation.ConversationId;
import org.scoutline.conversation.Conversations;
import org.scoutline.safety.Pseudonyms;
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
 * Typing indicators between a widget user and a scout, end to end against the real Redis:
 * relayed over pub/sub, never stored, refused for a chat that is not one's own, ignored
 * while the bot has the conversation.
 */
@IntegrationTest
@TestPropertySource(properties = { "scoutline.handover.grace=1s", "scoutline.handover.sweep=200ms",
		"scoutline.handover.heartbeat=200ms" })
class TypingIndicatorTests {

	@Autowired
	Accounts accounts;

	@LocalServerPort
	int port;

	@Autowired
	Conversations conversations;

	@Autowired
	Pseudonyms pseudonyms;

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
		return client;
	}

	/**
	 * A widget user past the language question; {@code token[0]} receives their secret.
	 */
	private ChatClient widgetUser(String[] token) {
		ChatClient chat = ChatClient.connect(port);
		open.add(chat);
		token[0] = chat.hello(null, "en").next("ready").path("token").asText();
		chat.next("bot");
		chat.choice("en").next("bot");
		return chat;
	}

	private ConversationId conversationOf(String token) {
		return conversations.find(pseudonyms.of(Channel.WEB.name(), token), null).conversation().id();
	}

	/**
	 * @return the chat's id, claimed by {@code scout}; the join notice has been read
	 */
	private String claimed(ChatClient user, ConsoleClient scout) {
		assertThat(texts(user.command("scout").next("bot"))).contains("queue");
		JsonNode queue = scout.get("/console/api/queue").json();
		String id = queue.get(queue.size() - 1).path("id").asText();
		assertThat(scout.post("/console/api/chats/" + id + "/claim", null).status()).isEqualTo(200);
		JsonNode joined = user.next("bot");
		assertThat(joined.path("scout").asBoolean()).as("the widget learns that a scout holds the chat").isTrue();
		return id;
	}

	/**
	 * @return the chat's events, once the broker has registered the subscription
	 */
	private BlockingQueue<JsonNode> watch(ConsoleClient scout, String username, String id) {
		return subscriptions.subscribe(scout, username, "/topic/chat/" + id);
	}

	private Set<String> keySet() {
		return new TreeSet<>(keys.all());
	}

	@Test
	void theScoutsTypingReachesTheWidgetAndTheUsersTypingReachesTheScoutWithoutAnythingStored() throws Exception {
		ConsoleClient sam = staff("sam", "scout").connect();
		String[] token = new String[1];
		ChatClient user = widgetUser(token);
		String id = claimed(user, sam);
		BlockingQueue<JsonNode> events = watch(sam, "sam", id);
		int before = conversations.transcript(new ConversationId(id), 500).size();
		Set<String> keysBefore = keySet();

		sam.send("/app/chat/" + id + "/typing", Map.of());
		JsonNode typing = user.next("typing");
		assertThat(typing.path("name").asText()).isEqualTo("Sam");
		assertThat(typing.has("messages")).as("a status, not a chat bubble").isFalse();

		user.sendRaw("{\"type\":\"typing\"}");
		JsonNode signal = ConsoleClient.next(events, e -> "typing".equals(e.path("type").asText()));
		assertThat(signal.path("author").asText()).isEqualTo("user");
		assertThat(signal.has("text")).isFalse();
		assertThat(user.drain(300)).as("no answer to a typing frame").isEmpty();
		assertThat(sam.errors.poll(300, TimeUnit.MILLISECONDS)).isNull();

		assertThat(conversations.transcript(new ConversationId(id), 500)).hasSize(before);
		assertThat(keySet()).as("no key is written for typing").isEqualTo(keysBefore);

		sam.send("/app/chat/" + id + "/send", Map.of("text", "Still there?"));
		JsonNode message = user.next("bot");
		assertThat(texts(message)).contains("Still there?");
		assertThat(message.path("scout").asBoolean()).isTrue();
	}

	@Test
	void aScoutTypingInSomeoneElsesChatIsRefusedAndTheUserSeesNothing() throws Exception {
		ConsoleClient sam = staff("sam", "scout").connect();
		ConsoleClient amy = staff("amy", "scout").connect();
		String[] token = new String[1];
		ChatClient user = widgetUser(token);
		String id = claimed(user, sam);

		amy.send("/app/chat/" + id + "/typing", Map.of());
		assertThat(amy.nextError()).isEqualTo("Access Denied");
		assertThat(user.drain(500)).as("nothing reaches the user").isEmpty();
	}

	@Test
	void aSupervisorMaySignalTypingInAnyChat() throws Exception {
		ConsoleClient sam = staff("sam", "scout").connect();
		ConsoleClient sue = staff("sue", "supervisor").connect();
		String[] token = new String[1];
		ChatClient user = widgetUser(token);
		String id = claimed(user, sam);

		sue.send("/app/chat/" + id + "/typing", Map.of());
		assertThat(user.next("typing").path("name").asText()).isEqualTo("Sue");
		assertThat(sue.errors.poll(300, TimeUnit.MILLISECONDS)).isNull();
	}

	@Test
	void aTypingFrameToTheBotOrWhileWaitingIsIgnoredWithoutAnAnswerAndStoresNothing() throws Exception {
		ConsoleClient sue = staff("sue", "supervisor").connect();
		String[] token = new String[1];
		ChatClient user = widgetUser(token);
		ConversationId id = conversationOf(token[0]);
		int before = conversations.transcript(id, 500).size();
		Set<String> keysBefore = keySet();

		user.sendRaw("{\"type\":\"typing\"}");
		assertThat(user.drain(500)).as("no answer, no error").isEmpty();
		assertThat(conversations.transcript(id, 500)).hasSize(before);
		assertThat(keySet()).isEqualTo(keysBefore);

		assertThat(texts(user.command("scout").next("bot"))).contains("queue");
		BlockingQueue<JsonNode> events = watch(sue, "sue", id.value());
		int waiting = conversations.transcript(id, 500).size();
		user.sendRaw("{\"type\":\"typing\"}");
		assertThat(user.drain(500)).as("no answer while waiting either").isEmpty();
		List<JsonNode> seen = new ArrayList<>();
		events.drainTo(seen);
		JsonNode late = events.poll(300, TimeUnit.MILLISECONDS);
		if (late != null) {
			seen.add(late);
		}
		// the queue event of the request itself may still arrive on a slow machine; a
		// typing event must not
		assertThat(seen).as("nobody holds the chat yet").noneMatch(e -> "typing".equals(e.path("type").asText()));
		assertThat(conversations.transcript(id, 500)).hasSize(waiting);
	}

}
