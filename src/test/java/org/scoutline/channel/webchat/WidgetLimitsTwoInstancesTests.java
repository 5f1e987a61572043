package org.scoutline.channel.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scoutline.support.ChatClient.texts;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.scoutline.ScoutlineApplication;
import org.scoutline.support.ChatClient;
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
 * The widget's limit on new conversations per client address holds across instances: a
 * script that spreads its chats over two instances behind a load balancer is stopped as
 * soon as the two together reach the limit, and a crisis still passes on either.
 */
@IntegrationTest
@TestPropertySource(properties = { "scoutline.webchat.limits.new-chats-per-minute=3",
		"scoutline.pseudonym-key=" + WidgetLimitsTwoInstancesTests.PSEUDONYM_KEY,
		"scoutline.data-key=" + WidgetLimitsTwoInstancesTests.DATA_KEY })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WidgetLimitsTwoInstancesTests {

	/** both instances need the same secrets, as in production */
	static final String PSEUDONYM_KEY = "widget-limits-two-instances-pseudonym";

	static final String DATA_KEY = "widget-limits-two-instances-data";

	@LocalServerPort
	int portA;

	@Autowired
	TestKeys keys;

	@Autowired
	Environment environment;

	ConfigurableApplicationContext instanceB;

	int portB;

	final List<ChatClient> open = new ArrayList<>();

	@BeforeAll
	void startSecondInstance() {
		instanceB = new SpringApplicationBuilder(ScoutlineApplication.class).profiles("test")
			.run("--server.port=0", "--scoutline.key-prefix=" + keys.prefix(),
					"--spring.data.redis.host=" + environment.getProperty("spring.data.redis.host", "localhost"),
					"--spring.data.redis.port=" + environment.getProperty("spring.data.redis.port", "6379"),
					"--scoutline.webchat.limits.new-chats-per-minute=3", "--scoutline.pseudonym-key=" + PSEUDONYM_KEY,
					"--scoutline.data-key=" + DATA_KEY);
		portB = ((WebServerApplicationContext) instanceB).getWebServer().getPort();
	}

	@AfterAll
	void stopSecondInstance() {
		open.forEach(ChatClient::close);
		if (instanceB != null && instanceB.isActive()) {
			instanceB.close();
		}
		keys.clearAllButAccounts();
	}

	@Test
	void newConversationsFromOneAddressAreCountedOnBothInstancesTogether() {
		assertThat(firstAnswer(portA).path("type").asText()).isEqualTo("bot");
		assertThat(firstAnswer(portB).path("type").asText()).isEqualTo("bot");
		assertThat(firstAnswer(portA).path("type").asText()).isEqualTo("bot");
		JsonNode onB = firstAnswer(portB);
		assertThat(onB.path("type").asText()).as("the fourth, though only the second on B").isEqualTo("error");
		assertThat(onB.path("code").asText()).isEqualTo("rate_limited");
		JsonNode onA = firstAnswer(portA);
		assertThat(onA.path("code").asText()).isEqualTo("rate_limited");
		ChatClient inCrisis = greeted(portB);
		assertThat(texts(inCrisis.text("i want to kill myself").next("bot"))).as("a crisis passes on either")
			.contains("112");
	}

	/**
	 * @return what a new user on {@code port} gets for their first answer
	 */
	private JsonNode firstAnswer(int port) {
		return greeted(port).choice("en").next();
	}

	private ChatClient greeted(int port) {
		ChatClient user = ChatClient.connect(port);
		open.add(user);
		user.hello(null, "en").next("ready");
		user.next("bot");
		return user;
	}

}
