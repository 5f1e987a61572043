package org.scoutline.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scoutline.channel.telegram.FakeTelegramApi.Call;
import org.scoutline.conversation.Conversation;
import org.scoutline.conversation.ConversationId;
import org.scoutline.conversation.Conversations;
import org.scoutline.conversation.Mode;
import org.scoutline.conversation.TranscriptEntry;
import org.scoutline.safety.Pseudonyms;
import org.scoutline.handover.ClaimOutcome;
import org.scoutline.handover.ScoutSide;
import org.scoutline.handover.SupervisorSide;
import org.scoutline.handover.Presence;
import org.scoutline.support.LiveNow;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.scoutline.support.IntegrationTest;
import org.scoutline.support.RedisTestSupport.TestKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Telegram bot in long-polling mode: the real telegrambots client and polling loop
 * against a fake Bot API server, the whole app and the real Redis.
 */
@IntegrationTest
@DirtiesContext
class TelegramPollingTests {

	static final FakeTelegramApi api = new FakeTelegramApi();

	/** update ids grow across the tests: the polling loop drops ids it has seen */
	static final AtomicInteger updateIds = new AtomicInteger(100);

	@DynamicPropertySource
	static void telegram(DynamicPropertyRegistry registry) {
		registry.add("scoutline.telegram.enabled", () -> "true");
		registry.add("scoutline.telegram.token", () -> "123456:TEST-token");
		registry.add("scoutline.telegram.api-url", api::url);
		registry.add("scoutline.telegram.mode", () -> "polling");
		registry.add("scoutline.telegram.backoff", () -> "20ms");
		registry.add("scoutline.telegram.max-attempts", () -> "4");
	}

	@AfterEach
	void removeKeys() {
		keys.clearAllButAccounts();
	}

	@Autowired
	TestKeys keys;

	@Autowired
	Conversations conversations;

	@Autowired
	Pseudonyms pseudonyms;

	@Autowired
	Presence presence;

	@LocalServerPort
	int port;

	@Autowired
	ScoutSide handover;

	@Autowired
	SupervisorSide supervisors;

	long chat;

	@BeforeEach
	void newChat() {
		keys.clearAllButAccounts();
		chat = ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000_000L);
	}

	@Test
	void commandsAreRegisteredInBothLanguagesAndPollingReplacesAnyWebhook() {
		List<Call> registered = api.calls("setMyCommands");
		assertThat(registered).extracting(call -> call.body().path("language_code").asText(""))
			.contains("", "de", "en");
		assertThat(registered.get(0).body().path("commands").findValuesAsText("command")).containsExactly("start",
				"help", "language", "scout", "delete", "exit");
		assertThat(api.calls("deleteWebhook")).isNotEmpty();
	}

	@Test
	void aFifteenYearOldBlackmailedInGermanyGetsThePlanByTappingButtons() {
		List<Call> welcome = send(FakeTelegramApi.text(nextId(), chat, "/start"));
		assertThat(text(welcome)).containsIgnoringCase("anonym").contains("112");
		assertThat(last(welcome).buttons()).containsExactly("de", "en", "nl", "fr", "ko");
		assertThat(last(tap("de")).buttons()).contains("a", "b", "c", "d", "e", "f", "unsure");
		tap("a");
		tap("no");
		assertThat(last(tap("no")).buttons()).contains("u13", "13_15", "16_17");
		tap("13_15");
		tap("money");
		tap("no");
		tap("yes");
		assertThat(last(tap("instagram")).buttons()).contains("de", "at", "int");
		List<Call> plan = tap("de");
		assertThat(plan).as("the plan's line, its five steps in one message, the More line").hasSize(3);
		assertThat(plan.get(0).text()).startsWith("Schuld hat die Person, die dich erpresst");
		assertThat(plan.get(1).text()).startsWith("1. Zahl nichts")
			.contains("\n\n5. ")
			.contains("Instagram")
			.doesNotContain("6. ");
		assertThat(last(plan).text()).startsWith("Mehr: wie Löschen funktioniert, die Polizei");
		assertThat(last(plan).buttons()).startsWith("plan_removal", "plan_police", "plan_parents", "plan_text")
			.contains("again", "scout", "restart", "delete");
		assertThat(api.calls("answerCallbackQuery")).hasSizeGreaterThanOrEqualTo(10);
		assertThat(api.calls("editMessageReplyMarkup")).isNotEmpty()
			.allMatch(call -> call.body().path("reply_markup").isMissingNode());
		assertThat(plan).allMatch(call -> call.body().path("parse_mode").isMissingNode());

		// "More": each button sends its section on its own, the keyboard comes again with
		// it
		List<Call> removal = tap("plan_removal");
		assertThat(removal).singleElement().satisfies(call -> {
			assertThat(call.text()).startsWith("Löschen: so geht's\n")
				.contains("Take It Down")
				.doesNotContain("StopNCII");
			assertThat(call.buttons()).isEqualTo(last(plan).buttons());
		});
		assertThat(text(tap("plan_police"))).startsWith("Polizei\n").contains("110");
		assertThat(text(tap("plan_parents"))).startsWith("Mit Eltern reden\n").contains("116 111");
		List<Call> whole = tap("plan_text");
		assertThat(whole).as("the whole plan as one plain message").singleElement().satisfies(call -> {
			assertThat(call.text()).startsWith("Dein Plan von Scoutline")
				.contains("1. Zahl nichts")
				.contains("Löschen: so geht's")
				.contains("Take It Down")
				.contains("Polizei")
				.contains("116 111")
				.doesNotContain(String.valueOf(chat))
				.doesNotContain("plan_");
			assertThat(call.text().length()).isLessThanOrEqualTo(TelegramReplies.MAX_TEXT);
		});
		assertThat(transcript()).as("only what the user was sent is kept")
			.noneMatch(line -> line.kind() == org.scoutline.conversation.Bubble.Kind.SECTION)
			.anyMatch(line -> line.text().startsWith("Löschen: so geht's"));
		List<Call> again = tap("again");
		assertThat(text(again)).contains("1. Zahl nichts").contains("Mehr: wie Löschen funktioniert");
	}

	@Test
	void everyKindOfMediaIsDeletedAtOnceRefusedCalmlyAndNeverDownloaded() {
		send(FakeTelegramApi.text(nextId(), chat, "/start"));
		tap("de");
		for (String kind : List.of("photo", "video", "document", "voice", "video_note", "animation", "sticker",
				"audio")) {
			int id = nextId();
			List<Call> refusal = send(FakeTelegramApi.media(id, chat, kind, null));
			assertThat(text(refusal)).as(kind).contains("gelöscht").contains("nichts falsch");
			assertThat(api.calls("deleteMessage")).as(kind)
				.anyMatch(call -> call.chatId().equals(String.valueOf(chat))
						&& call.body().path("message_id").asInt() == id);
			assertThat(last(refusal).buttons()).as("the question stays answerable").contains("a", "f");
		}
		assertThat(api.calls()).noneMatch(call -> call.method().equals("getfile"));
		assertThat(transcript()).filteredOn(line -> line.author() == TranscriptEntry.Author.USER)
			.extracting(TranscriptEntry::text)
			.contains(TranscriptEntry.MEDIA_REMOVED)
			.noneMatch(text -> text.contains("F1") || text.contains("file"));
	}

	@Test
	void aCrisisSignalInACaptionOrTextBringsCrisisLinesFirst() {
		send(FakeTelegramApi.text(nextId(), chat, "/start"));
		tap("de");
		tap("f");
		List<Call> crisis = send(FakeTelegramApi.text(nextId(), chat, "ich will nicht mehr leben"));
		assertThat(crisis.get(0).text()).contains("112");
		List<Call> captioned = sendUntil(FakeTelegramApi.media(nextId(), chat, "photo", "ich will nicht mehr leben"),
				calls -> calls.stream().anyMatch(call -> call.text().contains("112")));
		assertThat(captioned.get(0).text()).contains("gelöscht");
	}

	@Test
	void anEditedMessageIsAnsweredOnlyWhenItHoldsACrisisSignal() {
		send(FakeTelegramApi.text(nextId(), chat, "/start"));
		tap("de");
		api.queue(FakeTelegramApi.edited(nextId(), chat, "doch lieber b"));
		List<Call> crisis = send(FakeTelegramApi.edited(nextId(), chat, "ich will nicht mehr leben"));
		assertThat(crisis.get(0).text()).contains("112")
			.as("the sender's language_code de")
			.contains("In Deutschland:");
		assertThat(crisis).hasSizeLessThan(6);
	}

	@Test
	void aGermanSpeakerWritingACrisisLineBeforeAnyTriageGetsGermanLinesNamedAsGermanyAndCanChangeTheCountry() {
		List<Call> crisis = send(FakeTelegramApi.text(nextId(), chat, "ich will nicht mehr leben"));
		assertThat(crisis.get(0).text()).as("language_code de: Germany's lines, named as Germany's")
			.contains("112")
			.contains("In Deutschland:")
			.contains("TelefonSeelsorge")
			.contains("116 111")
			.doesNotContain("Rat auf Draht");
		assertThat(last(crisis).buttons()).contains("yes", "no", "change_country");
		assertThat(last(crisis).body().path("reply_markup").toString()).contains("Nicht in Deutschland?");
		assertThat(conversation().facts()).as("a guess is never stored")
			.doesNotContainKey("country")
			.containsKey("crisis_kind")
			.containsEntry("crisis_severity", "concern");

		List<Call> asked = tap("change_country");
		assertThat(last(asked).buttons()).contains("de", "at", "ch", "int");
		List<Call> austria = tap("at");
		assertThat(austria.get(0).text()).contains("In Österreich:")
			.contains("Rat auf Draht")
			.contains("142")
			.doesNotContain("TelefonSeelsorge");
		assertThat(last(austria).buttons()).as("back at the risk screen").contains("yes", "no");
		assertThat(conversation().facts()).containsEntry("country", "AT");
	}

	@Test
	void deleteErasesEveryKeyAboutThePerson() {
		send(FakeTelegramApi.text(nextId(), chat, "/start"));
		tap("de");
		assertThat(keys.all()).anyMatch(key -> key.contains("conv:"));
		List<Call> deleted = sendUntil(FakeTelegramApi.text(nextId(), chat, "/delete@ScoutBot"),
				calls -> calls.stream().anyMatch(call -> call.text().contains("gelöscht")));
		assertThat(deleted).allMatch(call -> call.buttons().isEmpty());
		assertThat(keys.all()).noneMatch(key -> key.contains("conv:") || key.contains("key:"));
	}

	@Test
	void exitExplainsHowToDeleteTheChatWithoutStoringAnything() {
		List<Call> hint = sendUntil(FakeTelegramApi.text(nextId(), chat, "/exit"),
				calls -> calls.stream().anyMatch(call -> call.text().contains("/delete")));
		assertThat(hint.get(0).text()).contains("Löschen");
		assertThat(keys.all()).noneMatch(key -> key.contains("conv:"));
	}

	@Test
	void aRateLimitIsWaitedOutForAsLongAsTelegramSays() {
		api.fail("sendMessage", 1, 429, 1);
		long started = System.nanoTime();
		List<Call> welcome = send(FakeTelegramApi.text(nextId(), chat, "/start"));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
		assertThat(text(welcome)).contains("112");
		List<Call> attempts = api.sent(chat);
		assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at()))
			.isGreaterThanOrEqualTo(Duration.ofMillis(950));
	}

	@Test
	void serverErrorsAreRetriedWithBackoffAndClientErrorsAreNot() {
		api.fail("sendMessage", 2, 502, null);
		List<Call> welcome = send(FakeTelegramApi.text(nextId(), chat, "/start"));
		assertThat(welcome.subList(0, 3)).as("two failed attempts, then the first bubble")
			.extracting(Call::text)
			.containsOnly(welcome.get(0).text());
		assertThat(Duration.between(welcome.get(0).at(), welcome.get(2).at())).as("backoff 20 ms, then 40 ms")
			.isGreaterThanOrEqualTo(Duration.ofMillis(55));
		assertThat(text(welcome)).contains("112");
		api.fail("sendMessage", 1, 400, null);
		int before = api.sent(chat).size();
		api.queue(FakeTelegramApi.text(nextId(), chat, "hallo"));
		await().atMost(Duration.ofSeconds(10)).until(() -> api.sent(chat).size() > before);
		List<Call> help = send(FakeTelegramApi.text(nextId(), chat, "/help"));
		assertThat(api.sent(chat).size() - before).as("one try for the 400, then the help").isEqualTo(1 + help.size());
	}

	@Test
	void aUserWhoBlockedTheBotHasTheirConversationClosed() {
		send(FakeTelegramApi.text(nextId(), chat, "/start"));
		api.fail("sendMessage", 1, 403, null);
		api.queue(FakeTelegramApi.callback(nextId(), chat, 7, "de"));
		await().atMost(Duration.ofSeconds(10)).until(() -> conversation().mode() == Mode.CLOSED);
		List<Call> again = send(FakeTelegramApi.text(nextId(), chat, "/help"));
		assertThat(again).isNotEmpty();
		assertThat(conversation().mode()).isEqualTo(Mode.BOT);
		api.queue(FakeTelegramApi.blocked(nextId(), chat));
		await().atMost(Duration.ofSeconds(10)).until(() -> conversation().mode() == Mode.CLOSED);
	}

	@Test
	void messagesOfOneChatAreHandledInOrderWhileChatsRunInParallel() {
		List<Long> chats = IntStream.range(0, 6).mapToObj(i -> chat + i).toList();
		int perChat = 15;
		for (int n = 1; n <= perChat; n++) {
			for (long each : chats) {
				api.queue(FakeTelegramApi.text(nextId(), each, "nachricht " + n));
			}
		}
		await().atMost(Duration.ofSeconds(30))
			.until(() -> chats.stream().allMatch(each -> userLines(each).size() == perChat));
		List<String> expected = IntStream.rangeClosed(1, perChat).mapToObj(n -> "nachricht " + n).toList();
		for (long each : chats) {
			assertThat(userLines(each)).containsExactlyElementsOf(expected);
		}
	}

	@Test
	void aRepeatedUpdateIdIsHandledOnce() {
		int id = nextId();
		api.queue(FakeTelegramApi.text(id, chat, "/start"));
		api.queue(FakeTelegramApi.text(id, chat, "/start"));
		List<Call> welcome = send(FakeTelegramApi.text(nextId(), chat, "/help"));
		List<Call> all = api.sent(chat);
		assertThat(all.stream().filter(call -> call.text().contains("112")).count()).isEqualTo(1);
		assertThat(welcome).isNotEmpty();
	}

	@Test
	void groupsGetAPoliteRefusalAndUnknownUpdatesAreSkipped() {
		api.queue(FakeTelegramApi.unknown(nextId()));
		long group = -chat;
		api.queue(FakeTelegramApi.group(nextId(), group, "/start"));
		await().atMost(Duration.ofSeconds(10)).until(() -> !api.sent(group).isEmpty());
		assertThat(api.sent(group).get(0).text()).contains("privaten Chat");
		assertThat(api.sent(group).get(0).buttons()).isEmpty();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> api.calls("leaveChat").stream().anyMatch(call -> call.chatId().equals(String.valueOf(group))));
		assertThat(keys.all()).noneMatch(key -> key.contains("conv:"));
		List<Call> still = send(FakeTelegramApi.text(nextId(), chat, "/start"));
		assertThat(text(still)).contains("112");
	}

	@Test
	void aTelegramUserTalksWithAScoutWhoseWordsArriveInTelegram() {
		LiveNow.roster(port, "tina", "scout");
		presence.beat("tina");
		send(FakeTelegramApi.text(nextId(), chat, "/start"));
		tap("en");
		List<Call> queued = sendUntil(FakeTelegramApi.text(nextId(), chat, "/scout"),
				calls -> text(calls).contains("queue"));
		assertThat(last(queued).buttons()).containsExactly("leave_queue");
		ConversationId id = conversation().id();
		assertThat(handover.claim(id, "tina", "Tina", false)).isEqualTo(ClaimOutcome.OK);
		awaitSent("Tina is here for you");
		int sentBefore = api.sent(chat).size();
		assertThat(handover.scoutTyping(id, "Tina")).isTrue();
		await().atMost(Duration.ofSeconds(10)).until(() -> !chatActions().isEmpty());
		assertThat(chatActions()).singleElement()
			.satisfies(typing -> assertThat(typing.body().path("action").asText()).isEqualTo("typing"));
		assertThat(api.sent(chat)).as("no message, only the chat action").hasSize(sentBefore);
		assertThat(transcript()).noneMatch(line -> line.text().contains("typing"));
		assertThat(handover.scoutWrites(id, "tina", "Tina", "What happened?")).isTrue();
		awaitSent("Tina: What happened?");
		int before = api.sent(chat).size();
		api.queue(FakeTelegramApi.text(nextId(), chat, "they want money"));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> transcript().stream().anyMatch(line -> line.text().equals("they want money")));
		assertThat(newSince(before)).as("the bot stays silent").isEmpty();
		assertThat(handover.close(id, "tina", "Tina", "helped")).isTrue();
		List<Call> closed = awaitSent("did the chat help you?");
		assertThat(last(closed).buttons()).containsExactly("feedback_yes", "feedback_partly", "feedback_no",
				"show_plan");
	}

	@Test
	void aSupervisorsPrivateLineNeverReachesTelegramButTheStepInDoes() {
		LiveNow.roster(port, "tina", "scout");
		presence.beat("tina");
		send(FakeTelegramApi.text(nextId(), chat, "/start"));
		tap("en");
		sendUntil(FakeTelegramApi.text(nextId(), chat, "/scout"), calls -> text(calls).contains("queue"));
		ConversationId id = conversation().id();
		assertThat(handover.claim(id, "tina", "Tina", false)).isEqualTo(ClaimOutcome.OK);
		awaitSent("Tina is here for you");
		int before = api.sent(chat).size();

		assertThat(supervisors.whisper(id, "sue", "Sue", "ask whether they paid")).isEqualTo(SupervisorSide.Outcome.OK);
		assertThat(supervisors.stepIn(id, "sue", "Sue")).isEqualTo(SupervisorSide.Outcome.OK);
		// the step-in's line arrives, and nothing before it: the private line went
		// nowhere
		List<Call> sent = awaitSent("Sue from the team has joined");
		assertThat(newSince(before)).singleElement()
			.satisfies(call -> assertThat(call.text()).contains("Sue from the team has joined"));
		assertThat(text(sent)).doesNotContain("paid");
		assertThat(transcript()).noneMatch(line -> line.text().contains("paid"));
		assertThat(supervisors.helperWrites(id, "sue", "Sue", "Hi, I'm Sue from the team.")).isTrue();
		awaitSent("Sue: Hi, I'm Sue from the team.");
	}

	// ---------------------------------------------------------------- helpers

	private List<Call> chatActions() {
		return api.calls("sendChatAction").stream().filter(call -> call.chatId().equals(String.valueOf(chat))).toList();
	}

	private List<Call> awaitSent(String text) {
		await().atMost(Duration.ofSeconds(10)).until(() -> text(api.sent(chat)).contains(text));
		return api.sent(chat);
	}

	private List<Call> tap(String choice) {
		List<Call> sent = api.sent(chat);
		Call keyboard = sent.get(sent.size() - 1);
		assertThat(keyboard.buttons()).as("buttons offered").contains(choice);
		return send(FakeTelegramApi.callback(nextId(), chat, 500 + sent.size(), choice));
	}

	/** Queues an update and waits for the reply that ends with a keyboard. */
	private List<Call> send(String update) {
		return sendUntil(update, calls -> !calls.isEmpty() && !last(calls).buttons().isEmpty());
	}

	private List<Call> sendUntil(String update, Predicate<List<Call>> done) {
		int before = api.sent(chat).size();
		api.queue(update);
		await().atMost(Duration.ofSeconds(10)).until(() -> done.test(newSince(before)));
		return newSince(before);
	}

	private List<Call> newSince(int before) {
		List<Call> sent = api.sent(chat);
		return new ArrayList<>(sent.subList(Math.min(before, sent.size()), sent.size()));
	}

	private static Call last(List<Call> calls) {
		return calls.get(calls.size() - 1);
	}

	private static String text(List<Call> calls) {
		return String.join("\n", calls.stream().map(Call::text).toList());
	}

	private static int nextId() {
		return updateIds.incrementAndGet();
	}

	private Conversation conversation() {
		return conversations.find(pseudonyms.of("TELEGRAM", String.valueOf(chat)), null).conversation();
	}

	private List<TranscriptEntry> transcript() {
		return conversations.transcript(conversation().id(), 500);
	}

	private List<String> userLines(long each) {
		Conversation conversation = conversations.find(pseudonyms.of("TELEGRAM", String.valueOf(each)), null)
			.conversation();
		if (conversation == null) {
			return List.of();
		}
		return conversations.transcript(conversation.id(), 500)
			.stream()
			.filter(line -> line.author() == TranscriptEntry.Author.USER)
			.map(TranscriptEntry::text)
			.toList();
	}

}
