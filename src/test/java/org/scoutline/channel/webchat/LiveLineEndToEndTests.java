package org.scoutline.channel.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scoutline.handover.Presence;
import org.scoutline.schedule.LiveSession;
import org.scoutline.support.ChatClient;
import org.scoutline.support.IntegrationTest;
import org.scoutline.support.RedisTestSupport.TestKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The widget's live line over a real WebSocket against the whole app and the real Redis:
 * what the {@code schedule} frame says on connect, that it follows the schedule and the
 * scouts' check-in within a refresh, and that nothing is sent while nothing changes.
 */
@IntegrationTest
@TestPropertySource(properties = "scoutline.webchat.schedule-refresh=1s")
class LiveLineEndToEndTests {

	@LocalServerPort
	int port;

	@Autowired
	TestKeys keys;

	@Autowired
	ApplicationContext context;

	@Autowired
	Presence presence;

	@Autowired
	LiveStatus liveStatus;

	LiveLine line;

	@BeforeEach
	void staff() {
		// sockets of an earlier test close asynchronously
		await().atMost(Duration.ofSeconds(5)).until(() -> liveStatus.watching() == 0);
		keys.clear();
		line = LiveLine.staffed(context, port);
	}

	@Test
	void theWidgetHearsWhenScoutsAnswerAndOnlyWhenThatChanges() throws Exception {
		LiveSession later = line.laterOnTheWeb();
		line.tomorrowOnTelegramOnly();
		liveStatus.refresh();
		try (ChatClient chat = ChatClient.connect(port).scheduleInline(); ChatClient other = ChatClient.connect(port)) {
			chat.hello(null, "en").next("ready");
			chat.next("bot");
			JsonNode closed = chat.next("schedule");
			assertThat(closed.path("state").asText()).isEqualTo("closed");
			assertThat(closed.path("until").isNull()).isTrue();
			assertThat(closed.path("next")).as("the Telegram-only session is not offered").hasSize(1);
			JsonNode next = closed.path("next").get(0);
			assertThat(next.path("title").asText()).isEqualTo("Safer Internet Day");
			assertThat(next.path("topic").asText()).isEqualTo("Deepfakes");
			assertThat(next.path("timeZone").asText()).isEqualTo("Europe/Berlin");
			assertThat(OffsetDateTime.parse(next.path("start").asText()).toInstant())
				.isEqualTo(later.start().toInstant());
			assertThat(OffsetDateTime.parse(next.path("end").asText()).toInstant()).isEqualTo(later.end().toInstant());
			other.hello(null, "de").next("ready");
			assertThat(other.nextSchedule()).isEqualTo(closed);
			assertThat(chat.drain(2_500)).as("nothing changed, nothing sent").isEmpty();

			LiveSession live = line.now();
			JsonNode busy = chat.next("schedule");
			assertThat(busy.path("state").asText()).as("live, but no scout checked in yet").isEqualTo("busy");
			assertThat(OffsetDateTime.parse(busy.path("until").asText()).toInstant()).isEqualTo(live.end().toInstant());
			assertThat(busy.path("next")).isEmpty();

			presence.beat(LiveLine.SCOUT);
			JsonNode open = chat.next("schedule");
			assertThat(open.path("state").asText()).isEqualTo("open");
			assertThat(open.path("until").asText()).isEqualTo(busy.path("until").asText());
			assertThat(open.toString()).as("nobody on duty is named")
				.doesNotContain(LiveLine.SCOUT, LiveLine.SUPERVISOR, "Lena");
			assertThat(chat.drain(2_500)).as("still open: nothing sent").isEmpty();
			assertThat(other.drainSchedules(500)).extracting(frame -> frame.path("state").asText())
				.as("every widget socket on the instance")
				.containsExactly("busy", "open");

			line.cancel(live);
			JsonNode after = chat.next("schedule");
			assertThat(after.path("state").asText()).isEqualTo("closed");
			assertThat(after.path("next").findValuesAsText("title")).containsExactly("Safer Internet Day");
		}
	}

	@Test
	void aNewSocketGetsTheCurrentStateRightAfterItsOpeningFramesAndTheChatGoesOnAsBefore() {
		line.now();
		presence.beat(LiveLine.SCOUT);
		liveStatus.refresh();
		try (ChatClient chat = ChatClient.connect(port).scheduleInline()) {
			chat.hello(null, "de").next("ready");
			chat.next("bot");
			assertThat(chat.next("schedule").path("state").asText()).isEqualTo("open");
			assertThat(ChatClient.choiceIds(chat.choice("de").next("bot"))).contains("a", "f");
			assertThat(chat.hello(null, "de").next("ready").path("history")).isEmpty();
			chat.next("bot");
			assertThat(chat.choice("en").next("bot").path("type").asText())
				.as("a second hello on the same socket does not repeat the frame")
				.isEqualTo("bot");
			assertThat(liveStatus.watching()).isEqualTo(1);
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> liveStatus.watching() == 0);
	}

}
