package org.scoutline.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.scoutline.support.ChatClient.texts;

import java.time.Duration;
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
 * Nothing a scout writes is lost while the widget's connection is gone (issue 12): every
 * frame that shows stored transcript lines carries the {@code seq} of the last, the
 * widget's {@code hello} says the last one it has, and the {@code ready} brings exactly
 * the lines after it, once. The console gets the same from
 * {@code /console/api/chats/<id>/transcript?after=<seq>}. Against the whole app, the real
 * Redis, a real widget WebSocket client and a real STOMP client.
 */
@IntegrationTest
class ResumeFlowTests {

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

	private <T extends AutoCloseable> T keep(T closeable) {
		open.add(closeable);
		return closeable;
	}

	/** A widget user with a scout: the token, the conversation and the last seq seen. */
	private record Live(String token, String id, long seq) {
	}

	private Live claimedBy(ConsoleClient scout) {
		ChatClient user = keep(ChatClient.connect(port));
		String token = user.hello(null, "en").next("ready").path("token").asText();
		user.next("bot");
		long answered = user.choice("en").next("bot").path("seq").asLong();
		JsonNode queued = user.command("scout").next("bot");
		assertThat(queued.path("seq").asLong()).as("every stored answer is numbered").isGreaterThan(answered);
		JsonNode queue = scout.get("/console/api/queue").json();
		String id = queue.get(queue.size() - 1).path("id").asText();
		assertThat(scout.post("/console/api/chats/" + id + "/claim", null).status()).isEqualTo(200);
		JsonNode joined = user.next("bot");
		assertThat(texts(joined)).contains("is here for you");
		assertThat(joined.path("seq").asLong()).isGreaterThan(queued.path("seq").asLong());
		user.close();
		return new Live(token, id, joined.path("seq").asLong());
	}

	private void awaitLines(String id, long lines) {
		await("stored").atMost(Duration.ofSeconds(5))
			.until(() -> conversations.get(new ConversationId(id)).orElseThrow().lines() == lines);
	}

	@Test
	void aWidgetThatComesBackGetsWhatTheScoutWroteMeanwhileExactlyOnceAndInOrder() throws Exception {
		ConsoleClient sam = keep(Staff.account(port, "sam", "scout").connect());
		Live live = claimedBy(sam);

		// one after the other: the console's frames from one connection are handled in
		// parallel
		sam.send("/app/chat/" + live.id() + "/send", Map.of("text", "Are you still there?"));
		awaitLines(live.id(), live.seq() + 1);
		sam.send("/app/chat/" + live.id() + "/send", Map.of("text", "Take your time."));
		awaitLines(live.id(), live.seq() + 2);

		ChatClient back = keep(ChatClient.connect(port));
		JsonNode ready = back.resume(live.token(), "en", live.seq()).next("ready");
		assertThat(ready.path("resumed").asBoolean()).isTrue();
		assertThat(ready.path("scout").asBoolean()).isTrue();
		assertThat(ready.path("seq").asLong()).isEqualTo(live.seq() + 2);
		JsonNode history = ready.path("history");
		assertThat(history).hasSize(2);
		assertThat(history.findValuesAsText("text")).containsExactly("Are you still there?", "Take your time.");
		assertThat(history.findValuesAsText("from")).containsExactly("scout", "scout");
		assertThat(history.findValuesAsText("name")).as("under the alias the user saw them")
			.containsExactly(Staff.alias("sam"), Staff.alias("sam"));
		assertThat(history.findValues("seq")).extracting(JsonNode::asLong)
			.containsExactly(live.seq() + 1, live.seq() + 2);
		assertThat(back.drain(300)).as("nothing again afterwards")
			.noneMatch(f -> "bot".equals(f.path("type").asText()));

		sam.send("/app/chat/" + live.id() + "/send", Map.of("text", "Here is what we can do."));
		JsonNode next = back.next("bot");
		assertThat(texts(next)).contains("Here is what we can do.");
		assertThat(next.path("seq").asLong()).isEqualTo(live.seq() + 3);
		assertThat(back.drain(300)).isEmpty();
	}

	@Test
	void aWidgetThatIsUpToDateGetsNothingAndOneWithoutOrWithAForeignSeqGetsTheWholeHistory() {
		ConsoleClient sam = keep(Staff.account(port, "sid", "scout").connect());
		Live live = claimedBy(sam);

		ChatClient upToDate = keep(ChatClient.connect(port));
		JsonNode ready = upToDate.resume(live.token(), "en", live.seq()).next("ready");
		assertThat(ready.path("resumed").asBoolean()).isTrue();
		assertThat(ready.path("history")).isEmpty();
		upToDate.close();

		ChatClient fresh = keep(ChatClient.connect(port));
		JsonNode full = fresh.hello(live.token(), "en").next("ready");
		assertThat(full.path("resumed").asBoolean()).isFalse();
		assertThat(full.path("history")).hasSize((int) live.seq());
		assertThat(full.path("history").get(0).path("seq").asLong()).isEqualTo(1);
		assertThat(full.path("seq").asLong()).isEqualTo(live.seq());
		fresh.close();

		ChatClient foreign = keep(ChatClient.connect(port));
		JsonNode ahead = foreign.resume(live.token(), "en", live.seq() + 50).next("ready");
		assertThat(ahead.path("resumed").asBoolean()).as("a seq from another conversation").isFalse();
		assertThat(ahead.path("history")).hasSize((int) live.seq());
	}

	@Test
	void aConsoleThatComesBackGetsTheLinesAfterItsLastSeqOnce() throws Exception {
		ConsoleClient sam = keep(Staff.account(port, "sue", "scout").connect());
		ChatClient user = keep(ChatClient.connect(port));
		user.hello(null, "en").next("ready");
		user.next("bot");
		user.choice("en").next("bot");
		user.command("scout").next("bot");
		JsonNode queue = sam.get("/console/api/queue").json();
		String id = queue.get(queue.size() - 1).path("id").asText();
		assertThat(sam.post("/console/api/chats/" + id + "/claim", null).status()).isEqualTo(200);
		user.next("bot");

		BlockingQueue<JsonNode> events = subscriptions.subscribe(sam, "sue", "/topic/chat/" + id);
		sam.send("/app/chat/" + id + "/send", Map.of("text", "Hi, I'm Sue."));
		JsonNode mine = ConsoleClient.next(events, e -> "scout".equals(e.path("author").asText()));
		JsonNode chat = sam.get("/console/api/chats/" + id).json();
		long seen = chat.path("seq").asLong();
		assertThat(mine.path("seq").asLong()).as("the live frame has its line's seq").isEqualTo(seen);
		JsonNode transcript = chat.path("transcript");
		assertThat(transcript.get(transcript.size() - 1).path("seq").asLong()).isEqualTo(seen);

		sam.disconnect();
		user.text("my ex posted it");
		awaitLines(id, seen + 1);
		user.text("what can I do?");
		awaitLines(id, seen + 2);

		JsonNode missed = sam.get("/console/api/chats/" + id + "/transcript?after=" + seen).json();
		assertThat(missed.path("complete").asBoolean()).isTrue();
		assertThat(missed.path("seq").asLong()).isEqualTo(seen + 2);
		assertThat(missed.path("lines").findValuesAsText("text")).containsExactly("my ex posted it", "what can I do?");
		JsonNode again = sam.get("/console/api/chats/" + id + "/transcript?after=" + (seen - 1)).json();
		assertThat(again.path("lines").get(0).path("name").asText()).as("the scout's stored line names who wrote it")
			.isEqualTo(Staff.alias("sue"));
		assertThat(again.path("lines").get(1).has("name")).as("the user's line names nobody").isFalse();
		assertThat(missed.path("lines").findValues("seq")).extracting(JsonNode::asLong)
			.containsExactly(seen + 1, seen + 2);
		assertThat(sam.get("/console/api/chats/" + id + "/transcript?after=" + (seen + 2)).json().path("lines"))
			.isEmpty();
		assertThat(sam.get("/console/api/chats/" + id + "/transcript?after=-1").status()).isEqualTo(400);
		assertThat(sam.get("/console/api/chats/" + id + "/transcript?after=x").status()).isEqualTo(400);
	}

}
