package org.scoutline.channel.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scoutline.schedule.SessionDraftTestData.aSession;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.scoutline.ScoutlineApplication;
import org.scoutline.support.ChatClient;
import org.scoutline.support.ConsoleClient;
import org.scoutline.support.IntegrationTest;
import org.scoutline.support.LiveNow;
import org.scoutline.support.RedisTestSupport.TestKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The widget's live line changes at once on every instance, not at the next poll (both
 * instances poll only once an hour here): a session planned on instance B opens the line
 * of a widget on A, a widget opened right after it says so from its first frame, a scout
 * checking out and in moves it to busy and back, and cancelling closes it.
 */
@IntegrationTest
@TestPropertySource(properties = { "scoutline.webchat.schedule-refresh=1h", "scoutline.handover.heartbeat=200ms" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveLineAtOnceTests {

	@LocalServerPort
	int portA;

	@Autowired
	TestKeys keys;

	@Autowired
	Environment environment;

	@Autowired
	StringRedisTemplate redis;

	/** the accounts (the only runner), to bring back the bootstrap coordinator */
	@Autowired
	ApplicationRunner accounts;

	ConfigurableApplicationContext instanceB;

	int portB;

	private final List<AutoCloseable> open = new ArrayList<>();

	@BeforeAll
	void startSecondInstance() {
		instanceB = new SpringApplicationBuilder(ScoutlineApplication.class).profiles("test")
			.run("--server.port=0", "--scoutline.key-prefix=" + keys.prefix(),
					"--spring.data.redis.host=" + environment.getProperty("spring.data.redis.host", "localhost"),
					"--spring.data.redis.port=" + environment.getProperty("spring.data.redis.port", "6379"),
					"--scoutline.webchat.schedule-refresh=1h", "--scoutline.handover.heartbeat=200ms");
		portB = ((WebServerApplicationContext) instanceB).getWebServer().getPort();
	}

	@AfterAll
	void stopSecondInstance() {
		instanceB.close();
	}

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
	void aSessionPlannedOnOneInstanceOpensTheLiveLineOfWidgetsOnEveryInstanceAtOnce() {
		ConsoleClient admin = keep(ConsoleClient.login(portB, "admin", LiveNow.ADMIN_PASSWORD));
		int created = admin
			.post("/console/api/accounts",
					Map.of("username", "lena", "password", "scout-password-1", "alias", "Lena", "role", "scout"))
			.status();
		assertThat(created).isIn(201, 409);
		ConsoleClient lena = keep(ConsoleClient.login(portB, "lena", "scout-password-1")).connect();
		ChatClient onA = widget(portA, "en");
		ChatClient onB = widget(portB, "en");
		assertThat(onA.nextSchedule().path("state").asText()).isEqualTo("closed");
		assertThat(onB.nextSchedule().path("state").asText()).isEqualTo("closed");

		ConsoleClient.Response planned = admin.post("/console/api/sessions",
				aSession().titled("Right now")
					.startingMinutesFromNow(-1)
					.endingMinutesFromNow(120)
					.withScouts("lena")
					.withSupervisor("admin")
					.build());
		assertThat(planned.status()).as(planned.body()).isEqualTo(201);

		assertThat(onA.nextSchedule().path("state").asText()).as("on the other instance, without a poll")
			.isEqualTo("open");
		assertThat(onB.nextSchedule().path("state").asText()).isEqualTo("open");
		ChatClient openedRightAfter = widget(portA, "de");
		assertThat(openedRightAfter.nextSchedule().path("state").asText())
			.as("a widget opened right after the session was planned")
			.isEqualTo("open");

		lena.disconnect();
		assertThat(onA.nextSchedule().path("state").asText()).as("the only scout checked out").isEqualTo("busy");
		lena = keep(ConsoleClient.login(portA, "lena", "scout-password-1")).connect();
		assertThat(onB.nextSchedule().path("state").asText()).as("busy, then open again").isEqualTo("busy");
		assertThat(onB.nextSchedule().path("state").asText()).isEqualTo("open");
		assertThat(onA.nextSchedule().path("state").asText()).as("checked in on A").isEqualTo("open");

		String id = planned.json().path("id").asText();
		assertThat(admin.delete("/console/api/sessions/" + id).status()).isEqualTo(204);
		assertThat(onA.nextSchedule().path("state").asText()).isEqualTo("closed");
		List<String> seen = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			seen.add(openedRightAfter.nextSchedule().path("state").asText());
		}
		assertThat(seen).as("every widget socket hears every change").containsExactly("busy", "open", "closed");
	}

	private ChatClient widget(int port, String locale) {
		ChatClient chat = ChatClient.connect(port);
		open.add(chat);
		chat.hello(null, locale).next("ready");
		return chat;
	}

	private ConsoleClient keep(ConsoleClient client) {
		open.add(client);
		return client;
	}

}
