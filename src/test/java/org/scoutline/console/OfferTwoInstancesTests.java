package org.scoutline.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scoutline.support.ChatClient.texts;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.scoutline.ScoutlineApplication;
import org.scoutline.support.BrokerSubscriptions;
import org.scoutline.support.ChatClient;
import org.scoutline.support.ConsoleClient;
import org.scoutline.support.IntegrationTest;
import org.scoutline.support.RedisTestSupport.TestKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Offers with two instances on one Redis, both making rounds every 50 ms: a waiting chat
 * is offered once, to one scout, and accepted once.
 */
@IntegrationTest
@TestPropertySource(properties = { "scoutline.handover.heartbeat=200ms", "scoutline.handover.assignment=offer",
		"scoutline.handover.offer-sweep=50ms", "scoutline.pseudonym-key=" + OfferTwoInstancesTests.PSEUDONYM_KEY,
		"scoutline.data-key=" + OfferTwoInstancesTests.DATA_KEY })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfferTwoInstancesTests {

	static final String PSEUDONYM_KEY = "offer-two-instances-pseudonym-secret";

	static final String DATA_KEY = "offer-two-instances-data-secret";

	@Autowired
	Accounts accounts;

	@LocalServerPort
	int portA;

	@Autowired
	TestKeys keys;

	@Autowired
	Environment environment;

	@Autowired
	BrokerSubscriptions subscriptionsOnA;

	ConfigurableApplicationContext instanceB;

	int portB;

	BrokerSubscriptions subscriptionsOnB;

	private final List<AutoCloseable> open = new ArrayList<>();

	@BeforeAll
	void startSecondInstance() {
		instanceB = new SpringApplicationBuilder(ScoutlineApplication.class).profiles("test")
			.run("--server.port=0", "--scoutline.key-prefix=" + keys.prefix(),
					"--spring.data.redis.host=" + environment.getProperty("spring.data.redis.host", "localhost"),
					"--spring.data.redis.port=" + environment.getProperty("spring.data.redis.port", "6379"),
					"--scoutline.handover.heartbeat=200ms", "--scoutline.handover.assignment=offer",
					"--scoutline.handover.offer-sweep=50ms", "--scoutline.pseudonym-key=" + PSEUDONYM_KEY,
					"--scoutline.data-key=" + DATA_KEY);
		portB = ((WebServerApplicationContext) instanceB).getWebServer().getPort();
		subscriptionsOnB = BrokerSubscriptions.of(instanceB);
	}

	@AfterAll
	void stopSecondInstance() {
		if (instanceB.isActive()) {
			instanceB.close();
		}
	}

	@AfterEach
	void closeAll() throws Exception {
		for (AutoCloseable c : open) {
			c.close();
		}
		open.clear();
	}

	private static List<JsonNode> drain(BlockingQueue<JsonNode> queue, long millis) throws InterruptedException {
		List<JsonNode> out = new ArrayList<>();
		long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
		while (System.nanoTime() < end) {
			JsonNode next = queue.poll(50, TimeUnit.MILLISECONDS);
			if (next != null) {
				out.add(next);
			}
		}
		return out;
	}

	@Test
	void bothInstancesOfferEachChatOnceToOneScout() throws Exception {
		accounts.run(null);
		Staff.account(portA, "ann", "scout").close();
		Staff.account(portA, "bob", "scout").close();
		ConsoleClient ann = ConsoleClient.login(portA, "ann", Staff.PASSWORD);
		open.add(ann);
		subscriptionsOnA.connect(ann, "ann");
		ConsoleClient bob = ConsoleClient.login(portB, "bob", Staff.PASSWORD);
		open.add(bob);
		subscriptionsOnB.connect(bob, "bob");
		BlockingQueue<JsonNode> toAnn = subscriptionsOnA.subscribe(ann, "ann", "/user/queue/offers");
		BlockingQueue<JsonNode> toBob = subscriptionsOnB.subscribe(bob, "bob", "/user/queue/offers");

		List<ChatClient> users = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			ChatClient user = ChatClient.connect(i == 0 ? portA : portB);
			open.add(user);
			user.hello(null, "en").next("ready");
			user.next("bot");
			user.choice("en").next("bot");
			assertThat(texts(user.command("scout").next("bot"))).contains("queue");
			users.add(user);
		}
		List<JsonNode> annGot = drain(toAnn, 1500);
		List<JsonNode> bobGot = drain(toBob, 300);
		assertThat(annGot).as("one offer each, however many rounds ran on the two instances").hasSize(1);
		assertThat(bobGot).hasSize(1);
		String annsChat = annGot.get(0).path("conversation").asText();
		String bobsChat = bobGot.get(0).path("conversation").asText();
		assertThat(annsChat).isNotEqualTo(bobsChat);

		assertThat(ann.post("/console/api/offer/" + annsChat + "/accept", null).status()).isEqualTo(200);
		assertThat(bob.post("/console/api/offer/" + bobsChat + "/accept", null).status()).isEqualTo(200);
		for (ChatClient user : users) {
			assertThat(texts(user.next("bot"))).containsAnyOf("Ann is here for you", "Bob is here for you");
			assertThat(user.drain(300)).as("each user hears of one scout only").isEmpty();
		}
	}

}
