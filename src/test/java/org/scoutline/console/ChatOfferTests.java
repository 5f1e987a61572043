package org.scoutline.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scoutline.support.ChatClient.texts;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
 * With {@code scoutline.handover.assignment=offer}, end to end against the real Redis:
 * the next chat is offered to the free scout with the most room, accepted with one click,
 * and goes on to the next scout when it runs out or is declined.
 */
@IntegrationTest
@TestPropertySource(properties = { "scoutline.handover.assignment=offer", "scoutline.handover.offer-timeout=4s",
		"scoutline.handover.offer-sweep=100ms" })
class ChatOfferTests {

	@Autowired
	Accounts accounts;

	@LocalServerPort
	int port;

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

	private BlockingQueue<JsonNode> offers(ConsoleClient client, String name) {
		return subscriptions.subscribe(client, name, "/user/queue/offers");
	}

	private ChatClient waitingUser() {
		ChatClient user = ChatClient.connect(port);
		open.add(user);
		user.hello(null, "en").next("ready");
		user.next("bot");
		user.choice("en").next("bot");
		assertThat(texts(user.command("scout").next("bot"))).contains("queue");
		return user;
	}

	private static String offered(BlockingQueue<JsonNode> offers) throws InterruptedException {
		JsonNode offer = ConsoleClient.next(offers, o -> "offered".equals(o.path("type").asText()));
		assertThat(offer.path("expiresIn").asLong()).isEqualTo(4000);
		return offer.path("conversation").asText();
	}

	@Test
	void theNextChatGoesToTheFreeScoutWithTheMostRoomWhoAcceptsWithOneClick() throws Exception {
		ConsoleClient bob = staff("bob", "scout");
		BlockingQueue<JsonNode> toBob = offers(bob, "bob");
		ChatClient first = waitingUser();
		String firstId = offered(toBob);
		assertThat(bob.post("/console/api/offer/" + firstId + "/accept", null).status()).isEqualTo(200);
		assertThat(texts(first.next("bot"))).contains("Bob is here for you");

		ConsoleClient ann = staff("ann", "scout");
		BlockingQueue<JsonNode> toAnn = offers(ann, "ann");
		ConsoleClient sue = staff("sue", "supervisor");
		BlockingQueue<JsonNode> toSue = offers(sue, "sue");
		ChatClient second = waitingUser();
		String secondId = offered(toAnn);
		assertThat(secondId).as("Ann has two places left, Bob one").isNotEqualTo(firstId);
		JsonNode mine = ann.get("/console/api/offer").json();
		assertThat(mine.path("assignment").asText()).isEqualTo("offer");
		assertThat(mine.path("offer").path("conversation").asText()).isEqualTo(secondId);
		assertThat(mine.path("offer").path("expiresIn").asLong()).isBetween(1L, 4000L);
		assertThat(toBob.poll(300, TimeUnit.MILLISECONDS)).as("one scout at a time").isNull();
		assertThat(toSue.poll(300, TimeUnit.MILLISECONDS)).as("supervisors claim by hand").isNull();
		assertThat(bob.get("/console/api/offer").json().path("offer").path("conversation").isMissingNode()).isTrue();

		assertThat(bob.post("/console/api/offer/" + secondId + "/accept", null).json().path("error").asText())
			.as("not Bob's offer")
			.isEqualTo("expired");
		ConsoleClient.Response accepted = ann.post("/console/api/offer/" + secondId + "/accept", null);
		assertThat(accepted.status()).isEqualTo(200);
		assertThat(texts(second.next("bot"))).contains("Ann is here for you");
		assertThat(ann.get("/console/api/chats/" + secondId).json().path("scout").asText()).isEqualTo("ann");
	}

	@Test
	void anOfferNobodyAcceptsGoesToTheNextScoutAndALateAcceptIsRefused() throws Exception {
		ConsoleClient ann = staff("ann", "scout");
		BlockingQueue<JsonNode> toAnn = offers(ann, "ann");
		ConsoleClient bob = staff("bob", "scout");
		BlockingQueue<JsonNode> toBob = offers(bob, "bob");
		ChatClient user = waitingUser();
		String id = offered(toAnn);
		long offeredAt = System.nanoTime();
		JsonNode next = toBob.poll(8, TimeUnit.SECONDS);
		assertThat(next).as("Bob's turn once Ann's offer ran out").isNotNull();
		assertThat(next.path("conversation").asText()).isEqualTo(id);
		assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - offeredAt)).as("not before the timeout")
			.isGreaterThanOrEqualTo(3_500);

		ConsoleClient.Response late = ann.post("/console/api/offer/" + id + "/accept", null);
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.json().path("error").asText()).isEqualTo("expired");
		assertThat(bob.post("/console/api/offer/" + id + "/accept", null).status()).isEqualTo(200);
		assertThat(texts(user.next("bot"))).contains("Bob is here for you");
		assertThat(user.drain(300)).as("the user hears of one scout only").isEmpty();
	}

	@Test
	void aDeclinedOfferGoesOnAtOnce() throws Exception {
		ConsoleClient ann = staff("ann", "scout");
		BlockingQueue<JsonNode> toAnn = offers(ann, "ann");
		ConsoleClient bob = staff("bob", "scout");
		BlockingQueue<JsonNode> toBob = offers(bob, "bob");
		waitingUser();
		String id = offered(toAnn);
		long declinedAt = System.nanoTime();
		assertThat(ann.post("/console/api/offer/" + id + "/decline", null).status()).isEqualTo(200);
		assertThat(offered(toBob)).isEqualTo(id);
		assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - declinedAt)).as("without waiting for the timeout")
			.isLessThan(3_000);
		ConsoleClient.Response again = ann.post("/console/api/offer/" + id + "/decline", null);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().path("error").asText()).isEqualTo("no_offer");
	}

	@Test
	void aClaimByHandWinsOverALaterAccept() throws Exception {
		ConsoleClient ann = staff("ann", "scout");
		BlockingQueue<JsonNode> toAnn = offers(ann, "ann");
		ChatClient user = waitingUser();
		String id = offered(toAnn);
		ConsoleClient sue = staff("sue", "supervisor");
		assertThat(sue.post("/console/api/chats/" + id + "/claim", null).status()).isEqualTo(200);
		assertThat(texts(user.next("bot"))).contains("Sue is here for you");
		ConsoleClient.Response taken = ann.post("/console/api/offer/" + id + "/accept", null);
		assertThat(taken.status()).isEqualTo(409);
		assertThat(taken.json().path("error").asText()).isEqualTo("taken");
		assertThat(ann.get("/console/api/offer").json().path("offer").path("conversation").isMissingNode()).isTrue();
		assertThat(user.drain(300)).isEmpty();
	}

}
