package org.scoutline.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.scoutline.channel.telegram.FakeTelegramApi.Call;
import org.scoutline.support.IntegrationTest;
import org.scoutline.support.RedisTestSupport.TestKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Telegram bot in webhook mode: {@code POST /webhooks/telegram} as Telegram calls it,
 * replies at a fake.
 */
@IntegrationTest
@DirtiesContext
class TelegramWebhookTests {

	static final String SECRET = "s3cret_Token-42";

	static final FakeTelegramApi api = new FakeTelegramApi();

	static final AtomicInteger updateIds = new AtomicInteger(5000);

	@DynamicPropertySource
	static void telegram(DynamicPropertyRegistry registry) {
		registry.add("scoutline.telegram.enabled", () -> "true");
		registry.add("scoutline.telegram.token", () -> "123456:TEST-token");
		registry.add("scoutline.telegram.api-url", api::url);
		registry.add("scoutline.telegram.mode", () -> "webhook");
		registry.add("scoutline.telegram.webhook-secret", () -> SECRET);
		registry.add("scoutline.telegram.webhook-url", () -> "https://hotline.example/webhooks/telegram");
	}

	final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	TestKeys keys;

	@Autowired
	MeterRegistry meters;

	private double dropped(String reason) {
		Counter counter = meters.find("scoutline.intake.dropped")
			.tag("channel", "telegram")
			.tag("reason", reason)
			.counter();
		return counter == null ? 0 : counter.count();
	}

	long chat;

	@BeforeEach
	void newChat() {
		keys.clear();
		chat = ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000_000L);
	}

	@AfterEach
	void removeKeys() {
		keys.clear();
	}

	@Test
	void theWebhookIsRegisteredWithItsSecretAndNoPollingRuns() throws Exception {
		assertThat(api.calls("setWebhook")).singleElement().satisfies(call -> {
			assertThat(call.body().path("url").asText()).isEqualTo("https://hotline.example/webhooks/telegram");
			assertThat(call.body().path("secret_token").asText()).isEqualTo(SECRET);
			assertThat(call.body().path("allowed_updates").asText()).contains("callback_query");
		});
		HttpResponse<String> response = post(FakeTelegramApi.text(updateIds.incrementAndGet(), chat, "/start"), SECRET);
		assertThat(response.statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10)).until(() -> !api.sent(chat).isEmpty());
		assertThat(api.calls("getUpdates")).isEmpty();
		assertThat(api.calls("deleteWebhook")).isEmpty();
	}

	@Test
	void aConversationRunsThroughTheWebhookWithKeyboards() throws Exception {
		assertThat(post(FakeTelegramApi.text(updateIds.incrementAndGet(), chat, "/start"), SECRET).statusCode())
			.isEqualTo(200);
		await().atMost(Duration.ofSeconds(10)).until(() -> hasKeyboard(api.sent(chat)));
		assertThat(last(api.sent(chat)).buttons()).containsExactly("de", "en", "nl", "fr", "ko");
		int before = api.sent(chat).size();
		post(FakeTelegramApi.callback(updateIds.incrementAndGet(), chat, 77, "en"), SECRET);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> api.sent(chat).size() > before && hasKeyboard(api.sent(chat)));
		assertThat(last(api.sent(chat)).buttons()).contains("a", "f");
		assertThat(api.calls("answerCallbackQuery")).extracting(call -> call.body().path("callback_query_id").asText())
			.isNotEmpty();
		assertThat(api.calls("editMessageReplyMarkup")).anyMatch(call -> call.body().path("message_id").asInt() == 77);
	}

	@Test
	void aMissingOrWrongSecretIsRefusedAndNothingIsProcessed() throws Exception {
		String update = FakeTelegramApi.text(updateIds.incrementAndGet(), chat, "/start");
		for (String secret : new String[] { null, "", "wrong", SECRET + "x", SECRET.substring(1) }) {
			HttpResponse<String> response = post(update, secret);
			assertThat(response.statusCode()).as(String.valueOf(secret)).isEqualTo(401);
			assertThat(json(response).path("error").asText()).isEqualTo("invalid_secret");
		}
		await("nothing sent, nothing stored").during(Duration.ofMillis(300))
			.atMost(Duration.ofSeconds(2))
			.untilAsserted(() -> {
				assertThat(api.sent(chat)).isEmpty();
				assertThat(keys.all()).isEmpty();
			});
	}

	@Test
	void badBodiesGetAPreciseClientErrorNeverA500() throws Exception {
		int sent = api.calls("sendMessage").size();
		assertError(post("{\"update_id\": 1, \"message\": {", SECRET), 400, "malformed_json");
		assertError(post("[1,2,3]", SECRET), 400, "invalid_update");
		assertError(post("{\"message\": {}}", SECRET), 400, "invalid_update");
		assertError(post("{\"update_id\": \"x\"}", SECRET), 400, "invalid_update");
		assertError(post("{\"update_id\": 7, \"message\": {\"message_id\": \"not a number\", \"chat\": 5}}", SECRET),
				400, "malformed_json");
		double unknownBefore = dropped("unsupported_type");
		double chatlessBefore = dropped("no_chat");
		for (String unusable : List.of(FakeTelegramApi.unknown(updateIds.incrementAndGet()),
				"{\"update_id\": 1, \"message\": {}}")) {
			HttpResponse<String> response = post(unusable, SECRET);
			assertThat(response.statusCode()).as("Telegram would deliver it forever otherwise").isEqualTo(200);
			assertThat(json(response).path("status").asText()).isEqualTo("dropped");
		}
		assertThat(dropped("unsupported_type")).isEqualTo(unknownBefore + 1);
		assertThat(dropped("no_chat")).isEqualTo(chatlessBefore + 1);
		assertError(post("{\"update_id\": 8, \"message\": {\"text\": \"" + "x".repeat(1_100_000) + "\"}}", SECRET), 413,
				"payload_too_large");
		await("nothing sent, nothing stored").during(Duration.ofMillis(300))
			.atMost(Duration.ofSeconds(2))
			.untilAsserted(() -> {
				assertThat(keys.all()).isEmpty();
				assertThat(api.sent(5)).isEmpty();
				assertThat(api.calls("sendMessage").subList(sent, api.calls("sendMessage").size()))
					.noneMatch(call -> call.text().contains("xxxx"));
			});
	}

	@Test
	void aReplayedUpdateIsAcceptedButHandledOnce() throws Exception {
		String update = FakeTelegramApi.text(updateIds.incrementAndGet(), chat, "/start");
		assertThat(post(update, SECRET).statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10)).until(() -> hasKeyboard(api.sent(chat)));
		int sent = api.sent(chat).size();
		assertThat(post(update, SECRET).statusCode()).isEqualTo(200);
		post(FakeTelegramApi.text(updateIds.incrementAndGet(), chat, "/help"), SECRET);
		await().atMost(Duration.ofSeconds(10)).until(() -> api.sent(chat).size() > sent);
		assertThat(api.sent(chat).stream().filter(call -> call.text().contains("112")).count()).isEqualTo(1);
	}

	private void assertError(HttpResponse<String> response, int status, String code) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
		assertThat(json(response).path("error").asText()).isEqualTo(code);
	}

	private HttpResponse<String> post(String body, String secret) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/telegram"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (secret != null) {
			request.header("X-Telegram-Bot-Api-Secret-Token", secret);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode json(HttpResponse<String> response) throws Exception {
		return FakeTelegramApi.json.readTree(response.body());
	}

	private static boolean hasKeyboard(List<Call> calls) {
		return !calls.isEmpty() && !last(calls).buttons().isEmpty();
	}

	private static Call last(List<Call> calls) {
		return calls.get(calls.size() - 1);
	}

}
