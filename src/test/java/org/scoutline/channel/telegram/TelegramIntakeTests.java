package org.scoutline.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scoutline.channel.telegram.FakeTelegramApi.Call;
import org.scoutline.support.IntegrationTest;
import org.scoutline.support.RedisTestSupport.TestKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the durable intake means for a Telegram user, through the webhook and the real Bot
 * API client against a fake Bot API: a reply the Bot API failed to take is not lost but
 * sent again from the intake; a message that can't be answered at all ends in one honest
 * "that didn't reach me", with the emergency number first for a crisis text; and a tap
 * without a message id does not hold up the chat.
 */
@IntegrationTest
@DirtiesContext
class TelegramIntakeTests {

	static final String SECRET = "intake-secret_42";

	static final FakeTelegramApi api = new FakeTelegramApi();

	static final AtomicInteger updateIds = new AtomicInteger(70_000);

	@DynamicPropertySource
	static void telegram(DynamicPropertyRegistry registry) {
		registry.add("scoutline.telegram.enabled", () -> "true");
		registry.add("scoutline.telegram.token", () -> "123456:TEST-token");
		registry.add("scoutline.telegram.api-url", api::url);
		registry.add("scoutline.telegram.mode", () -> "webhook");
		registry.add("scoutline.telegram.webhook-secret", () -> SECRET);
		registry.add("scoutline.telegram.max-attempts", () -> "2");
		registry.add("scoutline.telegram.backoff", () -> "10ms");
		registry.add("scoutline.intake.max-attempts", () -> "3");
		registry.add("scoutline.intake.retry-backoff", () -> "20ms");
	}

	final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	TestKeys keys;

	@MockitoSpyBean
	TelegramClient client;

	long chat;

	@BeforeEach
	void newChat() {
		api.clear();
		chat = ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000_000L);
	}

	@AfterEach
	void removeKeys() {
		keys.clearAllButAccounts();
	}

	@Test
	void aReplyTheBotApiFailedToTakeIsSentAgainFromTheIntake() throws Exception {
		// the client's own two attempts fail, then the intake's second attempt goes
		// through
		api.failFor(chat, "sendMessage", 2, 502);
		assertThat(post(FakeTelegramApi.text(updateIds.incrementAndGet(), chat, "/start"))).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10)).until(() -> delivered().stream().anyMatch(c -> !c.buttons().isEmpty()));
		List<Call> delivered = delivered();
		assertThat(delivered).extracting(Call::text).as("the whole welcome").anyMatch(text -> text.contains("112"));
		assertThat(delivered.get(delivered.size() - 1).buttons()).containsExactly("de", "en", "nl", "fr", "ko");
		assertThat(delivered).extracting(Call::text).doesNotHaveDuplicates();
		int before = api.sent(chat).size();
		post(FakeTelegramApi.callback(updateIds.incrementAndGet(), chat, 77, "de"));
		await().atMost(Duration.ofSeconds(10)).until(() -> api.sent(chat).size() > before);
		assertThat(api.sent(chat).get(before).text()).as("the triage went on: the turn was saved once")
			.doesNotContain("Hi, hier ist Scoutline");
	}

	@Test
	void aMessageThatCannotBeAnsweredEndsInOneHonestNoticeWithTheEmergencyNumberForACrisis() throws Exception {
		// 2 client attempts x 3 intake attempts fail; the notice then goes through
		api.failFor(chat, "sendMessage", 6, 503);
		assertThat(post(FakeTelegramApi.text(updateIds.incrementAndGet(), chat, "ich will nicht mehr leben")))
			.isEqualTo(200);
		await().atMost(Duration.ofSeconds(10)).until(() -> !delivered().isEmpty());
		await().during(Duration.ofMillis(300))
			.atMost(Duration.ofSeconds(3))
			.untilAsserted(() -> assertThat(delivered()).extracting(Call::text).hasSize(1));
		String notice = delivered().get(0).text();
		assertThat(notice).startsWith("Wenn du in Gefahr bist, ruf jetzt").contains("112").contains("noch mal");
		int before = api.sent(chat).size();
		post(FakeTelegramApi.text(updateIds.incrementAndGet(), chat, "ich will nicht mehr leben"));
		await().atMost(Duration.ofSeconds(10)).until(() -> api.sent(chat).size() > before);
		assertThat(api.sent(chat).get(before).text()).as("sent again, it is answered as any crisis message")
			.contains("112");
	}

	@Test
	void aTapWithoutAMessageIdDoesNotHoldUpTheChat() throws Exception {
		String update = FakeTelegramApi.callback(updateIds.incrementAndGet(), chat, 77, "de");
		ObjectNode tree = (ObjectNode) FakeTelegramApi.json.readTree(update);
		((ObjectNode) tree.path("callback_query").path("message")).putNull("message_id");
		post(FakeTelegramApi.text(updateIds.incrementAndGet(), chat, "/start"));
		await().atMost(Duration.ofSeconds(10)).until(() -> !api.sent(chat).isEmpty());
		assertThat(post(tree.toString())).isEqualTo(200);
		int before = api.sent(chat).size();
		post(FakeTelegramApi.text(updateIds.incrementAndGet(), chat, "/help"));
		// before: the client's validation error was retried with backoff, 7.6 s for the
		// lane
		await().atMost(Duration.ofSeconds(2)).until(() -> api.sent(chat).size() > before + 1);
		assertThat(api.calls("editMessageReplyMarkup"))
			.noneMatch(call -> call.body().path("message_id").isNull() && call.chatId().equals(String.valueOf(chat)));
	}

	/** what reached the chat: the calls that did not fail */
	private List<Call> delivered() {
		return api.delivered(chat);
	}

	private int post(String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/telegram"))
			.header("Content-Type", "application/json")
			.header("X-Telegram-Bot-Api-Secret-Token", SECRET)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
	}

}
