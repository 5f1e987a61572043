package org.scoutline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.scoutline.support.ChatClient;
import org.scoutline.support.ConsoleClient;
import org.scoutline.support.IntegrationTest;
import org.scoutline.support.LiveNow;
import org.scoutline.support.RedisTestSupport.TestKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * "With a crisis signal" counts every chat of the session that had one, once: flagged
 * when it joined the queue, while it waited, while a scout had it, or closed by the scout
 * as referred to crisis help. Through the widget, the console API and the real Redis.
 */
@IntegrationTest
@TestPropertySource(properties = { "scoutline.handover.sweep=1h", "scoutline.handover.heartbeat=200ms" })
class CrisisCountFlowTests {

	static final String CONCERN = "i keep cutting myself";

	static final String REPORTS = "/console/api/sessions/reports";

	@Autowired
	/** the accounts (the only runner), to bring back the bootstrap coordinator */
	ApplicationRunner accounts;

	@Autowired
	TestKeys keys;

	@Autowired
	StringRedisTemplate redis;

	@LocalServerPort
	int port;

	private final List<AutoCloseable> open = new ArrayList<>();

	@BeforeEach
	void startClean() throws Exception {
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
	void aCrisisInALiveChatClosedAsCrisisReferredCountsOnce() {
		ConsoleClient sam = scout("sam");
		ChatClient user = widgetUser();
		user.command("scout").next("bot");
		String id = claimFirst(sam);
		user.next("bot");
		user.text(CONCERN).next("bot");
		user.text(CONCERN + " again").next("bot");
		close(sam, id, "crisis_referred");

		JsonNode report = reportWhen(r -> r.path("outcomes").path("crisis_referred").asLong() == 1);
		assertThat(report.path("crisis").asLong()).as("one chat with a crisis signal, however many messages")
			.isEqualTo(1);
		assertThat(report.path("waited").asLong()).isEqualTo(1);
	}

	@Test
	void aChatCountsWhetherItsSignalCameBeforeWhileOrAfterWaiting() {
		ConsoleClient sam = scout("sam");
		ChatClient flaggedAtJoin = widgetUser();
		flaggedAtJoin.text(CONCERN).next("bot");
		flaggedAtJoin.command("scout").next("bot");
		ChatClient flaggedWhileWaiting = widgetUser();
		flaggedWhileWaiting.command("scout").next("bot");
		flaggedWhileWaiting.text(CONCERN).next("bot");
		ChatClient referredByTheScout = widgetUser();
		referredByTheScout.command("scout").next("bot");
		ChatClient ordinary = widgetUser();
		ordinary.command("scout").next("bot");

		// the two crisis chats first, then the others in the order they came; one at a
		// time
		for (String outcome : List.of("crisis_referred", "helped", "crisis_referred", "helped")) {
			close(sam, claimFirst(sam), outcome);
		}

		JsonNode report = reportWhen(r -> r.path("outcomes").path("helped").asLong() == 2
				&& r.path("outcomes").path("crisis_referred").asLong() == 2);
		assertThat(report.path("waited").asLong()).isEqualTo(4);
		assertThat(report.path("crisis").asLong()).as("at join, while waiting, referred by the scout; not the ordinary")
			.isEqualTo(3);
	}

	private String claimFirst(ConsoleClient scout) {
		JsonNode queue = scout.get("/console/api/queue").json();
		assertThat(queue.size()).isPositive();
		String id = queue.get(0).path("id").asText();
		assertThat(scout.post("/console/api/chats/" + id + "/claim", null).status()).isEqualTo(200);
		return id;
	}

	private static void close(ConsoleClient scout, String id, String outcome) {
		ConsoleClient.Response closed = scout.post("/console/api/chats/" + id + "/close", Map.of("outcome", outcome));
		assertThat(closed.status()).as(closed.body()).isEqualTo(200);
	}

	private JsonNode reportWhen(java.util.function.Predicate<JsonNode> ready) {
		try (ConsoleClient admin = ConsoleClient.login(port, "admin", LiveNow.ADMIN_PASSWORD)) {
			JsonNode[] found = new JsonNode[1];
			await().atMost(Duration.ofSeconds(10)).until(() -> {
				for (JsonNode report : admin.get(REPORTS).json()) {
					if (LiveNow.TITLE.equals(report.path("title").asText()) && ready.test(report)) {
						found[0] = report;
						return true;
					}
				}
				return false;
			});
			return found[0];
		}
	}

	private ConsoleClient scout(String name) {
		LiveNow.roster(port, name, "scout");
		ConsoleClient client = ConsoleClient.login(port, name, "scout-password-1").connect();
		open.add(client);
		return client;
	}

	private ChatClient widgetUser() {
		ChatClient chat = ChatClient.connect(port);
		open.add(chat);
		chat.hello(null, "en", "Europe/Berlin", "en-GB", null).next("ready");
		chat.next("bot");
		chat.choice("en").next("bot");
		return chat;
	}

}
