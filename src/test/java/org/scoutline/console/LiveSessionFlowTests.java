package org.scoutline.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.scoutline.schedule.SessionDraftTestData.aSession;
import static org.scoutline.support.ChatClient.choiceIds;
import static org.scoutline.support.ChatClient.texts;

import java.time.Instant;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scoutline.conversation.ConversationId;
import org.scoutline.conversation.Conversations;
import org.scoutline.conversation.Mode;
import org.scoutline.schedule.EscalationsStopped;
import org.scoutline.schedule.LiveSession;
import org.scoutline.schedule.LiveSessions;
import org.scoutline.schedule.Occurrence;
import org.scoutline.schedule.SessionDraftTestData;
import org.scoutline.schedule.SessionEnded;
import org.scoutline.schedule.SessionOpened;
import org.scoutline.report.SessionReport;
import org.scoutline.report.SessionReports;
import org.scoutline.support.ChatClient;
import org.scoutline.support.ConsoleClient;
import org.scoutline.support.IntegrationTest;
import org.scoutline.support.LiveNow;
import org.scoutline.support.RedisTestSupport.TestKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The schedule drives the handover: outside sessions the bot says when scouts are next
 * and offers a reminder and a message for the scouts; a running session that cannot take
 * the chat says why; the start, the stop of new chats and the end reach the right users
 * once; the session report counts what happened. The lifecycle moments are published here
 * directly (their once-only firing is {@code SessionLifecycleTests}' and
 * {@code TwoInstancesTests}').
 */
@IntegrationTest
class LiveSessionFlowTests {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	@Autowired
	Accounts accounts;

	@Autowired
	LiveSessions sessions;

	@Autowired
	SessionReports reports;

	@Autowired
	Conversations conversations;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TestKeys keys;

	@LocalServerPort
	int port;

	private final List<AutoCloseable> open = new ArrayList<>();

	@BeforeEach
	void startClean() {
		keys.clear();
		accounts.run(null);
		for (String scout : List.of("sam", "kim", "lea")) {
			accounts.create(scout, Staff.PASSWORD, Staff.alias(scout), Role.SCOUT);
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
	void outsideSessionsTheBotSaysWhenScoutsAreNextAndOffersAReminder() {
		LocalDate tomorrow = LocalDate.now(BERLIN).plusDays(1);
		sessions
			.create(evening().startingAt(tomorrow + "T19:00").endingAt(tomorrow + "T21:00").withScouts("sam").build());

		ChatClient user = widgetUser();
		JsonNode answer = user.command("scout").next("bot");
		assertThat(texts(answer)).contains("no scout is on duty")
			.contains("day and night")
			.contains("Scouts are live next:")
			.contains("19:00–21:00 (Berlin time): Evening with scouts");
		assertThat(choiceIds(answer)).startsWith("remind_me", "leave_message");

		JsonNode reminder = user.choice("remind_me").next("bot");
		assertThat(texts(reminder)).contains("I'll send you one message here").contains("19:00–21:00");
		assertThat(keys.all()).anyMatch(key -> key.endsWith("{ho}:remind:WEB"));
		assertThat(redisTtl("{ho}:remind:WEB")).as("the reminder list expires like everything about a person")
			.isPositive();
	}

	@Test
	void aRunningSessionThatCannotTakeTheChatSaysWhyAndCountsTheRefusal() throws Exception {
		LiveSession live = sessions.create(aSession().startingMinutesFromNow(-30)
			.endingMinutesFromNow(120)
			.withScouts("sam")
			.withSupervisor("admin")
			.withMaxQueue(1)
			.build());
		ChatClient first = widgetUser();
		assertThat(texts(first.command("scout").next("bot"))).contains("no scout has joined yet");

		// checked in, but not on this session's roster
		ConsoleClient kim = login("kim").connect();
		assertThat(texts(widgetUser().command("scout").next("bot"))).contains("no scout has joined yet");

		ConsoleClient sam = login("sam").connect();
		assertThat(texts(first.command("scout").next("bot"))).contains("You're in the queue at number 1");
		ChatClient second = widgetUser();
		assertThat(texts(second.command("scout").next("bot"))).contains("the queue is full");

		SessionReport report = reports.report(current(live).key()).orElseThrow();
		assertThat(report.refused()).isEqualTo(3);
		assertThat(report.waited()).isEqualTo(1);
		assertThat(report.escalations()).isEqualTo(4);
		assertThat(kim.connected() && sam.connected()).isTrue();
	}

	@Test
	void aDisabledScoutStopsCountingAsOnDutyAtOnceEvenWithHerConsoleStillOpen() {
		sessions.create(aSession().startingMinutesFromNow(-30)
			.endingMinutesFromNow(120)
			.withScouts("sam")
			.withSupervisor("admin")
			.withMaxQueue(20)
			.build());
		ConsoleClient sam = login("sam").connect();
		assertThat(texts(widgetUser().command("scout").next("bot"))).contains("You're in the queue at number 1");

		assertThat(accounts.setEnabled("sam", false)).isTrue();
		// her socket is still open and still beats, but nobody may be promised a scout
		// who is gone
		assertThat(sam.connected()).isTrue();
		assertThat(texts(widgetUser().command("scout").next("bot"))).contains("no scout has joined yet")
			.doesNotContain("You're in the queue");
	}

	@Test
	void disablingAScoutClosesHerConsoleAndGivesHerChatsBackWithAnHonestNotice() throws Exception {
		sessions.create(aSession().startingMinutesFromNow(-30)
			.endingMinutesFromNow(120)
			.withScouts("sam", "kim")
			.withSupervisor("admin")
			.withMaxQueue(20)
			.build());
		ConsoleClient sam = login("sam").connect();
		ChatClient user = widgetUser();
		assertThat(texts(user.command("scout").next("bot"))).contains("You're in the queue at number 1");
		String id = sam.get("/console/api/queue").json().get(0).get("id").asText();
		assertThat(sam.post("/console/api/chats/" + id + "/claim", null).status()).isEqualTo(200);
		assertThat(texts(user.next("bot"))).contains("Sam is here for you");

		ConsoleClient coordinator = ConsoleClient.login(port, "admin", LiveNow.ADMIN_PASSWORD);
		open.add(coordinator);
		assertThat(coordinator.post("/console/api/accounts/sam/disable", null).status()).isEqualTo(200);

		assertThat(texts(user.next("bot"))).as("the user is told honestly and keeps a place at the front")
			.contains("the connection to your scout dropped");
		await().atMost(Duration.ofSeconds(1)).until(() -> !sam.connected());
		assertThat(sam.tryConnect(true)).as("her open session can't open another console").isFalse();
		assertThat(sam.get("/console/api/queue").status()).as("her login ended too").isEqualTo(401);
		ConsoleClient kim = login("kim").connect();
		assertThat(kim.get("/console/api/queue").json().findValuesAsText("id")).containsExactly(id);
	}

	@Test
	void disablingTheLastScoutOnDutyTellsTheWaitingUsersThatNobodyIsThereNow() {
		sessions.create(aSession().startingMinutesFromNow(-30)
			.endingMinutesFromNow(120)
			.withScouts("sam", "kim")
			.withSupervisor("admin")
			.withMaxQueue(20)
			.build());
		ConsoleClient sam = login("sam").connect();
		ChatClient waiting = widgetUser();
		assertThat(texts(waiting.command("scout").next("bot"))).contains("You're in the queue at number 1");

		ConsoleClient coordinator = ConsoleClient.login(port, "admin", LiveNow.ADMIN_PASSWORD);
		open.add(coordinator);
		assertThat(coordinator.post("/console/api/accounts/sam/disable", null).status()).isEqualTo(200);
		JsonNode told = waiting.next("bot");
		assertThat(texts(told)).as("no false promise of a human")
			.contains("no scout is online any more")
			.contains("You keep your place")
			.contains("112");
		assertThat(choiceIds(told)).contains("leave_queue");
		await().atMost(Duration.ofSeconds(1)).until(() -> !sam.connected());
	}

	@Test
	void inItsLastMinutesASessionTakesNoNewChatsAndSaysUntilWhen() {
		sessions.create(aSession().startingMinutesFromNow(-60)
			.endingMinutesFromNow(5)
			.withScouts("sam")
			.withSupervisor("admin")
			.withMaxQueue(20)
			.build());
		login("sam").connect();
		JsonNode answer = widgetUser().command("scout").next("bot");
		assertThat(texts(answer)).contains("This live session ends at").contains("day and night");
	}

	@Test
	void aMessageLeftForTheScoutsJoinsTheQueueWhenTheSessionOpens() {
		LocalDate tomorrow = LocalDate.now(BERLIN).plusDays(1);
		sessions
			.create(evening().startingAt(tomorrow + "T19:00").endingAt(tomorrow + "T21:00").withScouts("kim").build());
		ChatClient user = widgetUser();
		user.command("scout").next("bot");
		JsonNode ready = user.choice("leave_message").next("bot");
		assertThat(texts(ready)).contains("Write what you'd like the scouts to know").contains("19:00–21:00");
		JsonNode kept = user.text("he wants 200 euros by friday").next("bot");
		assertThat(texts(kept)).contains("Kept for the scouts");
		assertThat(choiceIds(kept)).containsExactly("take_back_message");

		ConsoleClient sam = login("sam").connect();
		assertThat(sam.get("/console/api/queue").json()).as("nobody reads it before the session").isEmpty();

		LiveSession live = sessions.create(aSession().startingMinutesFromNow(-1)
			.endingMinutesFromNow(120)
			.withScouts("sam")
			.withSupervisor("admin")
			.withMaxQueue(20)
			.build());
		events.publishEvent(new SessionOpened(current(live)));
		assertThat(texts(user.next("bot"))).contains("your message is now with the scouts")
			.contains("number 1 in the queue");
		JsonNode queue = sam.get("/console/api/queue").json();
		assertThat(queue).hasSize(1);
		String id = queue.get(0).path("id").asText();
		assertThat(sam.post("/console/api/chats/" + id + "/claim", null).status()).isEqualTo(200);
		assertThat(sam.get("/console/api/chats/" + id).body()).contains("he wants 200 euros by friday");

		events.publishEvent(new SessionOpened(current(live)));
		assertThat(texts(user.next("bot"))).as("the next frame is the scout joining, not a second queue notice")
			.contains("Sam is here for you");
	}

	@Test
	void aMessageCanBeTakenBackAndThenNeverReachesTheQueue() throws Exception {
		LocalDate tomorrow = LocalDate.now(BERLIN).plusDays(1);
		sessions
			.create(evening().startingAt(tomorrow + "T19:00").endingAt(tomorrow + "T21:00").withScouts("kim").build());
		ChatClient user = widgetUser();
		user.command("scout").next("bot");
		user.choice("leave_message").next("bot");
		user.text("hello").next("bot");
		JsonNode back = user.choice("take_back_message").next("bot");
		assertThat(texts(back)).contains("your message is taken back");

		LiveSession live = sessions.create(aSession().startingMinutesFromNow(-1)
			.endingMinutesFromNow(120)
			.withScouts("sam")
			.withSupervisor("admin")
			.withMaxQueue(20)
			.build());
		events.publishEvent(new SessionOpened(current(live)));
		assertThat(user.drain(500)).isEmpty();
		assertThat(login("sam").get("/console/api/queue").json()).isEmpty();
	}

	@Test
	void reminderSubscribersGetExactlyOneMessageWhenTheSessionOpens() throws Exception {
		LocalDate tomorrow = LocalDate.now(BERLIN).plusDays(1);
		sessions
			.create(evening().startingAt(tomorrow + "T19:00").endingAt(tomorrow + "T21:00").withScouts("kim").build());
		ChatClient user = widgetUser();
		user.command("scout").next("bot");
		user.choice("remind_me").next("bot");

		LiveSession live = sessions.create(aSession().startingMinutesFromNow(-1)
			.endingMinutesFromNow(120)
			.withScouts("sam")
			.withSupervisor("admin")
			.withMaxQueue(20)
			.build());
		events.publishEvent(new SessionOpened(current(live)));
		events.publishEvent(new SessionOpened(current(live)));
		JsonNode reminder = user.next("bot");
		assertThat(texts(reminder)).contains("A live session has just started");
		assertThat(choiceIds(reminder)).containsExactly("ask_scout");
		assertThat(user.drain(500)).as("one reminder, however often the moment is announced").isEmpty();

		login("sam").connect();
		assertThat(texts(user.choice("ask_scout").next("bot"))).contains("You're in the queue at number 1");
	}

	@Test
	void whenNewChatsStopWaitingUsersAreToldHonestlyWhetherAScoutWillReachThem() {
		// 20 minutes left, one scout taking 2 chats of 15 minutes: numbers 1 and 2 are
		// reached, number 3 is not
		LiveSession live = sessions.create(aSession().startingMinutesFromNow(-60)
			.endingMinutesFromNow(20)
			.withScouts("sam")
			.withSupervisor("admin")
			.withMaxQueue(20)
			.build());
		login("sam").connect();
		List<ChatClient> users = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			ChatClient user = widgetUser();
			user.command("scout").next("bot");
			users.add(user);
		}
		events.publishEvent(new EscalationsStopped(current(live)));
		assertThat(texts(users.get(0).next("bot"))).contains("a scout should reach you before the end");
		assertThat(texts(users.get(1).next("bot"))).contains("number 2").contains("should reach you");
		JsonNode third = users.get(2).next("bot");
		assertThat(texts(third)).contains("To be honest")
			.contains("may not get to you before it ends")
			.contains("day and night");
		assertThat(choiceIds(third)).containsExactly("leave_queue");
	}

	@Test
	void atTheEndUsersStillWaitingAreToldAndOfferedTheNextSessionWhileOpenChatsGoOn() throws Exception {
		LocalDate tomorrow = LocalDate.now(BERLIN).plusDays(1);
		sessions
			.create(evening().startingAt(tomorrow + "T19:00").endingAt(tomorrow + "T21:00").withScouts("kim").build());
		LiveSession live = sessions.create(aSession().startingMinutesFromNow(-60)
			.endingMinutesFromNow(20)
			.withScouts("sam")
			.withSupervisor("admin")
			.withMaxQueue(20)
			.build());
		ConsoleClient sam = login("sam").connect();
		ChatClient chatting = widgetUser();
		chatting.command("scout").next("bot");
		String id = sam.get("/console/api/queue").json().get(0).path("id").asText();
		sam.post("/console/api/chats/" + id + "/claim", null);
		chatting.next("bot");
		ChatClient waiting = widgetUser();
		waiting.command("scout").next("bot");

		events.publishEvent(new SessionEnded(current(live)));
		JsonNode ended = waiting.next("bot");
		assertThat(texts(ended)).contains("The live session has ended")
			.contains("day and night")
			.contains("Scouts are live next:")
			.contains("19:00–21:00");
		assertThat(choiceIds(ended)).startsWith("remind_me", "leave_message");
		assertThat(sam.get("/console/api/queue").json()).isEmpty();
		assertThat(conversations.get(new ConversationId(id)).orElseThrow().mode()).isEqualTo(Mode.WITH_SCOUT);
		assertThat(chatting.drain(300)).as("an open chat is not interrupted").isEmpty();

		SessionReport report = reports.report(current(live).key()).orElseThrow();
		assertThat(report.waited()).isEqualTo(2);
		assertThat(report.chats()).isEqualTo(1);
		assertThat(report.unreached()).isEqualTo(1);
	}

	@Test
	void theReportCountsWaitsChatsGiveUpsAndOutcomesWithoutPersonalData() {
		LiveSession live = sessions.create(aSession().startingMinutesFromNow(-60)
			.endingMinutesFromNow(120)
			.withScouts("sam")
			.withSupervisor("admin")
			.withMaxQueue(20)
			.build());
		ConsoleClient sam = login("sam").connect();
		ChatClient helped = widgetUser();
		helped.command("scout").next("bot");
		ChatClient leaving = widgetUser();
		leaving.command("scout").next("bot");
		leaving.choice("leave_queue").next("bot");

		String id = sam.get("/console/api/queue").json().get(0).path("id").asText();
		sam.post("/console/api/chats/" + id + "/claim", null);
		assertThat(sam.post("/console/api/chats/" + id + "/close", Map.of("outcome", "helped")).status())
			.isEqualTo(200);

		SessionReport report = reports.report(current(live).key()).orElseThrow();
		assertThat(report.title()).isEqualTo(LiveNow.TITLE);
		assertThat(report.waited()).isEqualTo(2);
		assertThat(report.gaveUp()).isEqualTo(1);
		assertThat(report.chats()).isEqualTo(1);
		assertThat(report.outcomes()).containsEntry("helped", 1L);
		assertThat(report.medianWaitSeconds()).isNotNull().isBetween(0L, 60L);
		assertThat(report.medianChatSeconds()).isNotNull().isBetween(0L, 60L);
		assertThat(reports.between(Instant.now().minusSeconds(7200), Instant.now()))
			.extracting(SessionReport::occurrence)
			.contains(current(live).key());
		assertThat(keys.all().stream().filter(key -> key.contains("schedule:report")).toList())
			.noneMatch(key -> key.contains(id));
	}

	// ---------- helpers ----------

	/**
	 * "Evening with scouts" (Sextortion) on the web, the coordinator supervising, a queue
	 * of 20
	 */
	private static SessionDraftTestData.Builder evening() {
		return aSession().titled("Evening with scouts")
			.about("Sextortion")
			.onChannels("WEB")
			.withSupervisor("admin")
			.withMaxQueue(20)
			.withEscalationStopMinutes(10);
	}

	private Occurrence current(LiveSession session) {
		Instant now = Instant.now();
		return sessions.occurrences(now.minusSeconds(86_400), now.plusSeconds(60))
			.stream()
			.filter(o -> o.session().id().equals(session.id()))
			.findFirst()
			.orElseThrow();
	}

	private ConsoleClient login(String username) {
		ConsoleClient client = ConsoleClient.login(port, username, Staff.PASSWORD);
		open.add(client);
		return client;
	}

	private ChatClient widgetUser() {
		ChatClient chat = ChatClient.connect(port);
		open.add(chat);
		chat.hello(null, "en").next("ready");
		chat.next("bot");
		chat.choice("en").next("bot");
		return chat;
	}

	private long redisTtl(String suffix) {
		String key = keys.all().stream().filter(k -> k.endsWith(suffix)).findFirst().orElseThrow();
		return keys.ttl(key);
	}

}
