package org.scoutline.channel.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scoutline.support.ChatClient.choiceIds;
import static org.scoutline.support.ChatClient.texts;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scoutline.support.ChatClient;
import org.scoutline.support.IntegrationTest;
import org.scoutline.support.RedisTestSupport.TestKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The widget's protocol through a real WebSocket client against the whole app and the
 * real Redis.
 */
@IntegrationTest
class WebChatEndToEndTests {

	@LocalServerPort
	int port;

	@Autowired
	TestKeys keys;

	@Autowired
	StringRedisTemplate redis;

	@BeforeEach
	void startClean() {
		keys.clear();
	}

	@Test
	void aFifteenYearOldBlackmailedInGermanyGetsTheRightPlanByTappingButtons() {
		try (ChatClient chat = ChatClient.connect(port)) {
			JsonNode ready = chat.hello(null, "de").next("ready");
			assertThat(ready.path("token").asText()).hasSize(43);
			assertThat(ready.path("history")).isEmpty();
			JsonNode welcome = chat.next("bot");
			assertThat(choiceIds(welcome)).containsExactly("de", "en", "nl", "fr", "ko");
			assertThat(texts(welcome)).containsIgnoringCase("anonym").contains("112");
			assertThat(choiceIds(chat.choice("de").next("bot"))).contains("a", "b", "c", "d", "e", "f", "unsure");
			assertThat(choiceIds(chat.choice("a").next("bot"))).contains("yes", "no", "unsure");
			chat.choice("no").next("bot");
			assertThat(choiceIds(chat.choice("no").next("bot"))).contains("u13", "13_15", "16_17");
			assertThat(choiceIds(chat.choice("13_15").next("bot"))).contains("money", "images");
			chat.choice("money").next("bot");
			chat.choice("no").next("bot");
			chat.choice("yes").next("bot");
			assertThat(choiceIds(chat.choice("instagram").next("bot"))).contains("de", "at", "int");
			JsonNode plan = chat.choice("de").next("bot");
			String text = texts(plan);
			assertThat(text).contains("• Take It Down").doesNotContain("• StopNCII");
			assertThat(text).contains("110").contains("116 111");
			assertThat(plan.path("messages").findValuesAsText("kind")).contains("plan", "section");
			assertThat(plan.path("messages").findValuesAsText("kind").stream().filter("plan"::equals)).hasSize(5);
			assertThat(choiceIds(plan)).as("the widget shows the sections folded and copies the plan itself")
				.contains("again", "scout", "restart", "delete")
				.noneMatch(id -> id.startsWith("plan_"));
		}
	}

	@Test
	void aCrisisSignalBringsCrisisLinesFirstInAnyStateAndTheConversationGoesOn() {
		try (ChatClient chat = ChatClient.connect(port)) {
			chat.hello(null, "de", "Europe/Berlin", "de-DE", null).next("ready");
			chat.next("bot");
			chat.choice("de").next("bot");
			chat.choice("f").next("bot");
			chat.choice("16_17").next("bot");
			JsonNode crisis = chat.text("ich will nich mehr lebn").next("bot");
			JsonNode first = crisis.path("messages").get(0);
			assertThat(first.path("kind").asText()).isEqualTo("crisis");
			assertThat(first.path("text").asText()).contains("112").contains("In Deutschland:");
			assertThat(choiceIds(crisis)).contains("yes", "no", "change_country");
			chat.choice("no").next("bot");
			JsonNode back = chat.choice("no").next("bot");
			assertThat(choiceIds(back)).as("back at the country question").contains("de", "at", "int");
		}
	}

	@Test
	void aBerlinBrowserWritingACrisisLineBeforeAnyTriageGetsGermanLinesAndCanChangeTheCountry() {
		try (ChatClient chat = ChatClient.connect(port)) {
			chat.hello(null, "de", "Europe/Berlin", "de-DE", null).next("ready");
			chat.next("bot");
			JsonNode crisis = chat.text("ich will nicht mehr leben").next("bot");
			JsonNode card = crisis.path("messages").get(0);
			assertThat(card.path("kind").asText()).isEqualTo("crisis");
			assertThat(card.path("text").asText()).contains("112")
				.contains("In Deutschland:")
				.contains("TelefonSeelsorge")
				.contains("116 111")
				.doesNotContain("Rat auf Draht")
				.doesNotContain("Pro Juventute");
			assertThat(choiceIds(crisis)).contains("yes", "no", "change_country");
			assertThat(crisis.path("choices").findValuesAsText("label")).contains("Nicht in Deutschland?");

			JsonNode asked = chat.choice("change_country").next("bot");
			assertThat(texts(asked)).contains("In welchem Land lebst du?");
			assertThat(choiceIds(asked)).contains("de", "at", "ch", "int");
			JsonNode austria = chat.choice("at").next("bot");
			assertThat(austria.path("messages").get(0).path("text").asText()).contains("In Österreich:")
				.contains("Rat auf Draht")
				.doesNotContain("TelefonSeelsorge");
			assertThat(choiceIds(austria)).as("back where the user was: the risk screen")
				.contains("yes", "no")
				.doesNotContain("change_country");
		}
	}

	@Test
	void writtenTextThatAnswersNothingGetsTheCrisisLinesAndTheEmergencyNumberAndAShortWordDoesNot() {
		try (ChatClient chat = ChatClient.connect(port)) {
			chat.hello(null, "de", "Europe/Berlin", "de-DE", null).next("ready");
			chat.next("bot");
			JsonNode written = chat.text("irgendwie ist gerade alles zu viel für mich").next("bot");
			assertThat(written.path("messages").get(0).path("kind").asText()).as("not the crisis card")
				.isNotEqualTo("crisis");
			assertThat(texts(written)).as("the Berlin browser's guess, named as Germany's, with a one-tap change")
				.contains("Das habe ich nicht ganz", "Tag und Nacht", "In Deutschland:", "TelefonSeelsorge",
						"den Notruf an: 112")
				.doesNotContain("Rat auf Draht");
			assertThat(written.path("choices").findValuesAsText("label")).contains("Nicht in Deutschland?");
			JsonNode shortWord = chat.text("hmm").next("bot");
			assertThat(texts(shortWord)).contains("Das habe ich nicht ganz").doesNotContain("112");
		}
	}

	@Test
	void aFirstCrisisMessageInEnglishOnAGermanPageIsAnsweredInEnglish() {
		try (ChatClient chat = ChatClient.connect(port)) {
			chat.hello(null, "de", "Europe/London", "en-GB", null).next("ready");
			chat.next("bot");
			JsonNode crisis = chat.text("i want to die, i cant do this anymore").next("bot");
			assertThat(crisis.path("locale").asText()).isEqualTo("en");
			assertThat(crisis.path("messages").get(0).path("text").asText()).contains("999")
				.contains("In the UK")
				.contains("Samaritans")
				.doesNotContain("Du bist");
			JsonNode imminent = chat.text("i just took all my pills").next("bot");
			assertThat(imminent.path("messages").get(0).path("kind").asText()).isEqualTo("emergency");
			assertThat(texts(imminent)).as("no questions about a plan after an act")
				.doesNotContain("thought about how")
				.contains("Please call the emergency number now: 999");
			assertThat(texts(imminent).split("Samaritans", -1)).as("the crisis card once").hasSize(2);
		}
	}

	@Test
	void thePagesCountryWinsOverTheBrowsersTimeZone() {
		try (ChatClient chat = ChatClient.connect(port)) {
			chat.hello(null, "de", "Europe/Berlin", "de-DE", "CH").next("ready");
			chat.next("bot");
			JsonNode crisis = chat.text("ich will nicht mehr leben").next("bot");
			assertThat(crisis.path("messages").get(0).path("text").asText()).contains("In der Schweiz:")
				.contains("143")
				.doesNotContain("TelefonSeelsorge");
		}
	}

	@Test
	void withoutAnyHintTheCardAsksTheCountryUnderEveryRegionsEmergencyNumber() {
		try (ChatClient chat = ChatClient.connect(port)) {
			chat.hello(null, "en").next("ready");
			chat.next("bot");
			chat.choice("en").next("bot");
			JsonNode crisis = chat.text("i want to kill myself").next("bot");
			String card = crisis.path("messages").get(0).path("text").asText();
			assertThat(card).contains("112").contains("911").contains("999").contains("Which country do you live in?");
			assertThat(card.indexOf("911")).isLessThan(card.indexOf("Which country"));
			assertThat(card).doesNotContain("Samaritans").doesNotContain("TelefonSeelsorge").doesNotContain("988");
			assertThat(choiceIds(crisis)).contains("de", "gb", "us", "int");
			JsonNode uk = chat.choice("gb").next("bot");
			assertThat(uk.path("messages").get(0).path("text").asText()).contains("In the UK:")
				.contains("Samaritans")
				.contains("999");
			assertThat(choiceIds(uk)).as("then the risk screen").contains("yes", "no");
		}
	}

	@Test
	void aReloadContinuesTheConversationAndAnotherBrowserNeverSeesIt() {
		String token;
		try (ChatClient chat = ChatClient.connect(port)) {
			token = chat.hello(null, "en").next("ready").path("token").asText();
			chat.next("bot");
			chat.choice("en").next("bot");
			chat.choice("b").next("bot");
		}
		try (ChatClient again = ChatClient.connect(port)) {
			JsonNode ready = again.hello(token, "en").next("ready");
			assertThat(ready.path("history").findValuesAsText("text")).anyMatch(t -> t.contains("English"));
			assertThat(ready.path("history").findValuesAsText("from")).contains("user", "bot");
			assertThat(choiceIds(ready)).contains("yes", "no");
		}
		try (ChatClient stranger = ChatClient.connect(port)) {
			JsonNode ready = stranger.hello(null, "en").next("ready");
			assertThat(ready.path("token").asText()).isNotEqualTo(token);
			assertThat(ready.path("history")).isEmpty();
		}
	}

	@Test
	void commandsWorkAtAnyPoint() {
		try (ChatClient chat = ChatClient.connect(port)) {
			chat.hello(null, "en").next("ready");
			chat.next("bot");
			chat.choice("en").next("bot");
			JsonNode scout = chat.command("scout").next("bot");
			assertThat(scout.path("messages").get(0).path("text").asText())
				.as("the words that say the lines are there list them, here every region's emergency number too")
				.contains("These lines are there day and night:\nIn many countries:")
				.contains("116 111")
				.contains("911");
			assertThat(choiceIds(scout)).as("the question is asked again").contains("a", "f");
			// the language command goes on to the next configured language (de, en, nl,
			// fr, ko)
			JsonNode switched = chat.command("language").next("bot");
			assertThat(switched.path("locale").asText()).isEqualTo("nl");
			assertThat(texts(switched)).contains("vanaf nu schrijf ik in het Nederlands");
			JsonNode help = chat.command("help").next("bot");
			assertThat(choiceIds(help)).contains("a", "f");
			JsonNode restarted = chat.command("restart").next("bot");
			assertThat(choiceIds(restarted)).containsExactly("de", "en", "nl", "fr", "ko");
			JsonNode unknown = chat.sendRaw("{\"type\":\"command\",\"id\":\"x1\",\"command\":\"dance\"}").next("bot");
			assertThat(unknown.path("messages").size()).isGreaterThan(1);
		}
	}

	@Test
	void deleteErasesEveryKeyAboutTheUserAndConfirms() {
		try (ChatClient chat = ChatClient.connect(port)) {
			String token = chat.hello(null, "de").next("ready").path("token").asText();
			chat.next("bot");
			chat.choice("de").next("bot");
			chat.choice("c").next("bot");
			assertThat(conversationKeys()).hasSize(4);
			JsonNode deleted = chat.command("delete").next("deleted");
			assertThat(deleted.path("message").asText()).isNotBlank();
			assertThat(conversationKeys()).isEmpty();
			JsonNode fresh = chat.hello(token, "de").next("ready");
			assertThat(fresh.path("history")).isEmpty();
		}
	}

	@Test
	void everyKeyAboutAPersonExpires() {
		try (ChatClient chat = ChatClient.connect(port)) {
			chat.hello(null, "de").next("ready");
			chat.next("bot");
			chat.choice("de").next("bot");
			chat.choice("a").next("bot");
		}
		List<String> keys = conversationKeys();
		assertThat(keys).hasSize(4);
		for (String key : keys) {
			assertThat(redis.getExpire(key)).as(key).isPositive().isLessThanOrEqualTo(30L * 24 * 3600);
		}
		List<String> limits = this.keys.all().stream().filter(k -> k.contains(":limit:")).toList();
		assertThat(limits).as("the address's limits were counted").isNotEmpty();
		for (String key : limits) {
			assertThat(redis.getExpire(key)).as(key).isPositive().isLessThanOrEqualTo(120);
		}
	}

	@Test
	void badInputGetsAPreciseErrorAndTheConnectionStaysUsable() {
		try (ChatClient chat = ChatClient.connect(port)) {
			assertThat(chat.text("hello").next("error").path("code").asText()).isEqualTo("no_hello");
			chat.hello(null, "en").next("ready");
			chat.next("bot");
			assertThat(chat.sendRaw("{not json").next("error").path("code").asText()).isEqualTo("bad_frame");
			assertThat(chat.sendRaw("[1,2]").next("error").path("code").asText()).isEqualTo("bad_frame");
			assertThat(chat.sendRaw("{\"type\":\"upload\"}").next("error").path("code").asText())
				.isEqualTo("unknown_type");
			assertThat(chat.sendRaw("{\"type\":\"text\",\"text\":42}").next("error").path("code").asText())
				.isEqualTo("bad_frame");
			JsonNode tooLong = chat.text("x".repeat(2001)).next("error");
			assertThat(tooLong.path("code").asText()).isEqualTo("too_long");
			assertThat(tooLong.path("message").asText()).contains("2");
			assertThat(conversationKeys()).as("nothing stored from refused input").isEmpty();
			JsonNode longCrisis = chat.text("ich will mich umbringen " + "x".repeat(2000)).next("bot");
			assertThat(longCrisis.path("messages").get(0).path("kind").asText()).isEqualTo("crisis");
			assertThat(texts(longCrisis)).as("crisis lines even in a refused text").contains("116 111").contains("112");
			assertThat(chat.next("error").path("code").asText()).isEqualTo("too_long");
			assertThat(chat.sendRaw("{\"type\":\"choice\",\"id\":\"c1\",\"choice\":\"" + "A".repeat(5000) + "\"}")
				.next("error")
				.path("code")
				.asText()).isEqualTo("bad_frame");
			assertThat(conversationKeys()).isEmpty();
			JsonNode media = chat.sendBinary(new byte[] { (byte) 0xFF, (byte) 0xD8, 0 }).next("bot");
			assertThat(media.path("messages").get(0).path("kind").asText()).isEqualTo("notice");
			JsonNode file = chat.sendRaw("{\"type\":\"file\",\"id\":\"f1\"}").next("bot");
			assertThat(texts(file)).isEqualTo(texts(media));
			assertThat(choiceIds(chat.choice("en").next("bot"))).contains("a", "b");
			assertThat(chat.isOpen()).isTrue();
		}
	}

	@Test
	void aReplayedMessageIsHandledOnce() throws Exception {
		try (ChatClient chat = ChatClient.connect(port)) {
			chat.hello(null, "en").next("ready");
			chat.next("bot");
			String frame = "{\"type\":\"choice\",\"id\":\"same-id-1\",\"choice\":\"en\"}";
			chat.sendRaw(frame).next("bot");
			chat.sendRaw(frame);
			assertThat(chat.drain(500)).isEmpty();
			String log = conversationKeys().stream().filter(k -> k.endsWith(":log")).findFirst().orElseThrow();
			long lines = redis.opsForList().size(log);
			chat.sendRaw(frame);
			chat.drain(300);
			assertThat(redis.opsForList().size(log)).isEqualTo(lines);
			String seen = conversationKeys().stream().filter(k -> k.endsWith(":seen")).findFirst().orElseThrow();
			assertThat(redis.opsForSet().members(seen)).as("message ids are stored only as pseudonyms")
				.hasSize(1)
				.doesNotContain("same-id-1");
		}
	}

	private List<String> conversationKeys() {
		// the limits per client address are counted under limit:, not about the
		// conversation
		return keys.all().stream().filter(k -> !k.endsWith("dev-secrets") && !k.contains(":limit:")).toList();
	}

}
