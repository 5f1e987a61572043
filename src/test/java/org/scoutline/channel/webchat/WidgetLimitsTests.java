package org.scoutline.channel.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.scoutline.support.ChatClient.texts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scoutline.handover.Presence;
import org.scoutline.report.SessionReport;
import org.scoutline.report.SessionReports;
import org.scoutline.schedule.LiveSessions;
import org.scoutline.schedule.Occurrence;
import org.scoutline.support.ChatClient;
import org.scoutline.support.IntegrationTest;
import org.scoutline.support.LiveNow;
import org.scoutline.support.RedisTestSupport.TestKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The hotline can't be filled by a script: one address holds only so many widget
 * connections and starts only so many conversations a minute, one person asks for a scout
 * only so often an hour and only after a first answer; a crisis passes every one of these
 * limits; the session report counts the refusals by reason.
 */
@IntegrationTest
@DirtiesContext
@TestPropertySource(properties = { "scoutline.webchat.limits.sockets-per-client=4",
		"scoutline.webchat.limits.sockets-per-token=2", "scoutline.webchat.limits.new-chats-per-minute=3",
		"scoutline.handover.escalations-per-hour=2", "scoutline.handover.escalations-per-address-per-hour=4" })
class WidgetLimitsTests {

	@LocalServerPort
	int port;

	@Autowired
	TestKeys keys;

	@Autowired
	Presence presence;

	@Autowired
	LiveSessions sessions;

	@Autowired
	SessionReports reports;

	final List<ChatClient> open = new ArrayList<>();

	@BeforeEach
	void clean() {
		keys.clearAllButAccounts();
	}

	@AfterEach
	void closeAll() {
		open.forEach(ChatClient::close);
		open.clear();
		keys.clearAllButAccounts();
	}

	@Test
	void oneAddressHoldsOnlySoManyConnectionsOpen() {
		for (int i = 0; i < 4; i++) {
			connect();
		}
		assertThatThrownBy(this::connect).as("the fifth connection is refused at the handshake")
			.hasStackTraceContaining("429");
		open.remove(0).close();
		await().atMost(Duration.ofSeconds(5)).ignoreExceptions().until(() -> connect() != null);
	}

	@Test
	void oneConversationIsOpenInOnlySoManyWindows() {
		String token = connect().hello(null, "en").next("ready").path("token").asText();
		connect().hello(token, "en").next("ready");
		JsonNode third = connect().hello(token, "en").next();
		assertThat(third.path("type").asText()).isEqualTo("error");
		assertThat(third.path("code").asText()).isEqualTo("too_many_windows");
		assertThat(third.path("message").asText()).contains("windows");
		open.remove(0).close();
		await().atMost(Duration.ofSeconds(5)).ignoreExceptions().until(() -> {
			try (ChatClient probe = ChatClient.connect(port)) {
				return probe.hello(token, "en").next().path("type").asText().equals("ready");
			}
		});
	}

	@Test
	void newConversationsPerAddressAreLimitedButACrisisAlwaysPasses() {
		for (int i = 0; i < 3; i++) {
			ChatClient user = greeted("de");
			assertThat(user.choice("en").next().path("type").asText()).isEqualTo("bot");
		}
		ChatClient third = greeted("de");
		JsonNode refused = third.choice("en").next();
		assertThat(refused.path("type").asText()).isEqualTo("error");
		assertThat(refused.path("code").asText()).isEqualTo("rate_limited");
		assertThat(refused.path("message").asText()).contains("Netz").contains("112");
		JsonNode crisis = third.text("ich will nicht mehr leben").next("bot");
		assertThat(texts(crisis)).as("a crisis is answered whatever the limit").contains("112");
	}

	@Test
	void aScoutIsAskedForAfterAFirstAnswerOnlyAndOnlySoOftenAnHourButACrisisAlwaysJoinsTheQueue() {
		LiveNow.roster(port, "tina", "scout");
		presence.beat("tina");
		ChatClient user = greeted("en");
		assertThat(texts(user.command("scout").next("bot"))).as("the very first message").contains("question first");
		user.choice("en").next("bot");
		for (int i = 0; i < 2; i++) {
			assertThat(texts(user.command("scout").next("bot"))).contains("queue at number");
			user.choice("leave_queue").next("bot");
		}
		assertThat(texts(user.command("scout").next("bot"))).as("the third request in an hour")
			.contains("many times")
			.doesNotContain("queue at number");
		assertThat(texts(user.text("i want to kill myself").next("bot"))).as("a crisis joins the queue")
			.contains("queue at number");
		SessionReport report = reports.report(running().key()).orElseThrow();
		assertThat(report.refusedBy()).containsEntry("no_turn_yet", 1L).containsEntry("limited", 1L);
	}

	@Test
	void thePeopleBehindOneAddressAskForAScoutOnlySoOftenAnHourButACrisisAlwaysJoinsTheQueue() {
		LiveNow.roster(port, "tina", "scout");
		presence.beat("tina");
		for (int person = 0; person < 2; person++) {
			ChatClient user = greeted("en");
			user.choice("en").next("bot");
			for (int i = 0; i < 2; i++) {
				assertThat(texts(user.command("scout").next("bot"))).contains("queue at number");
				user.choice("leave_queue").next("bot");
			}
		}
		ChatClient third = greeted("en");
		third.choice("en").next("bot");
		assertThat(texts(third.command("scout").next("bot"))).as("the fifth request from the address in an hour")
			.contains("many times")
			.doesNotContain("queue at number");
		assertThat(texts(third.text("i want to kill myself").next("bot"))).as("a crisis joins the queue")
			.contains("queue at number");
	}

	private Occurrence running() {
		Instant now = Instant.now();
		return sessions.occurrences(now.minusSeconds(86_400), now.plusSeconds(60))
			.stream()
			.filter(o -> LiveNow.TITLE.equals(o.session().title()))
			.findFirst()
			.orElseThrow();
	}

	private ChatClient connect() {
		ChatClient client = ChatClient.connect(port);
		open.add(client);
		return client;
	}

	private ChatClient greeted(String locale) {
		ChatClient user = connect();
		user.hello(null, locale).next("ready");
		user.next("bot");
		return user;
	}

}
