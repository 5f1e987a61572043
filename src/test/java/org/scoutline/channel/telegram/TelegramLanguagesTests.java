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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scoutline.channel.telegram.FakeTelegramApi.Call;
import org.scoutline.support.IntegrationTest;
import org.scoutline.support.RedisTestSupport.TestKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Dutch, French and Korean on Telegram, through the fake Bot API: the app's language
 * ({@code language_code}) picks the welcome's language, the first question offers every
 * configured language, and the journey reaches the plan and, on a crisis line, the crisis
 * card with the lines of the user's country in the user's language. The command menu is
 * registered per language.
 */
@IntegrationTest
@DirtiesContext
class TelegramLanguagesTests {

	static final String SECRET = "l4ngs_Secret-7";

	static final FakeTelegramApi api = new FakeTelegramApi();

	static final AtomicInteger updateIds = new AtomicInteger(9000);

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
	void theCommandMenuIsRegisteredInEveryConfiguredLanguage() {
		assertThat(api.calls("setMyCommands")).extracting(call -> call.body().path("language_code").asText(""))
			.contains("", "de", "en", "nl", "fr", "ko");
		assertThat(menu("nl")).contains("Opnieuw beginnen", "Met een scout praten", "Taal wisselen");
		assertThat(menu("fr")).contains("Recommencer", "Changer de langue");
		assertThat(menu("ko")).contains("처음부터 다시", "언어 바꾸기");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"nl-BE | nl | anoniem | Wat is er aan de hand? | be | Goed dat je er vroeg naar vraagt | ik wil niet meer leven | Jij telt. | In België: | Zelfmoordlijn 1813",
			"fr-BE | fr | anonyme | Qu'est-ce qui se passe ? | be | Bien de t'y prendre tôt | je veux mourir | Tu comptes. | En Belgique: | Zelfmoordlijn 1813",
			"ko | ko | 익명 | 무슨 일이 있나요? | kr | 미리 물어봐 줘서 좋아요 | 죽고 싶어요ㅠㅠ | 당신은 소중해요. | 대한민국: | 109" })
	void aJourneyInTheUsersLanguageReachesThePlanAndTheCrisisCard(String languageCode, String locale, String anonymous,
			String situation, String country, String planIntro, String crisisLine, String card, String place,
			String line) throws Exception {
		post(FakeTelegramApi.text(updateIds.incrementAndGet(), chat, "/start", languageCode));
		List<Call> welcome = awaitKeyboard(0);
		assertThat(texts(welcome)).contains(anonymous).contains("112");
		assertThat(last(welcome).buttons()).containsExactly("de", "en", "nl", "fr", "ko");

		assertThat(texts(tap(locale))).contains(situation);
		tap("f");
		tap("16_17");
		List<Call> plan = tap(country);
		assertThat(texts(plan)).contains(planIntro).doesNotContain("[plan.").doesNotContain("[system.");

		int before = api.sent(chat).size();
		post(FakeTelegramApi.text(updateIds.incrementAndGet(), chat, crisisLine, languageCode));
		List<Call> crisis = awaitKeyboard(before);
		assertThat(texts(crisis)).contains(card).contains(place).contains(line).contains("112");
	}

	private List<String> menu(String languageCode) {
		return api.calls("setMyCommands")
			.stream()
			.filter(call -> languageCode.equals(call.body().path("language_code").asText()))
			.findFirst()
			.orElseThrow()
			.body()
			.path("commands")
			.findValuesAsText("description");
	}

	private List<Call> tap(String choice) throws Exception {
		int before = api.sent(chat).size();
		post(FakeTelegramApi.callback(updateIds.incrementAndGet(), chat, 100 + before, choice));
		return awaitKeyboard(before);
	}

	/**
	 * @return the messages sent after the first {@code before}, once one of them asks
	 * with buttons
	 */
	private List<Call> awaitKeyboard(int before) {
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			List<Call> sent = api.sent(chat);
			return sent.size() > before && !last(sent).buttons().isEmpty();
		});
		List<Call> sent = api.sent(chat);
		return sent.subList(before, sent.size());
	}

	private void post(String body) throws Exception {
		HttpResponse<String> response = http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/telegram"))
				.header("Content-Type", "application/json")
				.header("X-Telegram-Bot-Api-Secret-Token", SECRET)
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
	}

	private static String texts(List<Call> calls) {
		return String.join("\n", calls.stream().map(Call::text).toList());
	}

	private static Call last(List<Call> calls) {
		return calls.get(calls.size() - 1);
	}

}
