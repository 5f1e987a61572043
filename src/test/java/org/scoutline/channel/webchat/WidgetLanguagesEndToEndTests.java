package org.scoutline.channel.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.scoutline.support.ChatClient.choiceIds;
import static org.scoutline.support.ChatClient.texts;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scoutline.support.ChatClient;
import org.scoutline.support.IntegrationTest;
import org.scoutline.support.RedisTestSupport.TestKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Dutch, French and Korean on the widget's protocol, through a real WebSocket against the
 * whole app: the page's language opens the chat in it, the first question offers every
 * configured language, the plan comes in that language, and a crisis line brings the
 * crisis card first with the lines of the user's country.
 */
@IntegrationTest
class WidgetLanguagesEndToEndTests {

	@LocalServerPort
	int port;

	@Autowired
	TestKeys keys;

	@BeforeEach
	void startClean() {
		keys.clear();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"nl | Europe/Brussels | nl-BE | anoniem | Wat is er aan de hand? | be | Goed dat je er vroeg naar vraagt | ik wil niet meer leven | In België: | Zelfmoordlijn 1813 | Awel",
			"fr | Europe/Brussels | fr-BE | anonyme | Qu'est-ce qui se passe ? | be | Bien de t'y prendre tôt | je veux mourir | En Belgique: | Zelfmoordlijn 1813 | Child Focus",
			"ko | Asia/Seoul | ko-KR | 익명 | 무슨 일이 있나요? | kr | 미리 물어봐 줘서 좋아요 | 죽고싶어ㅠㅠ | 대한민국: | 109 | 1388" })
	void aJourneyInTheUsersLanguageReachesThePlanAndTheCrisisCard(String locale, String zone, String language,
			String anonymous, String situation, String country, String planIntro, String crisisLine, String place,
			String line, String inPlan) {
		try (ChatClient chat = ChatClient.connect(port)) {
			JsonNode ready = chat.hello(null, locale, zone, language, null).next("ready");
			assertThat(ready.path("locale").asText()).isEqualTo(locale);
			JsonNode welcome = chat.next("bot");
			assertThat(texts(welcome)).contains(anonymous).contains("112");
			assertThat(choiceIds(welcome)).containsExactly("de", "en", "nl", "fr", "ko");
			assertThat(texts(chat.choice(locale).next("bot"))).contains(situation);
			chat.choice("f").next("bot");
			assertThat(choiceIds(chat.choice("16_17").next("bot"))).contains(country, "int");
			JsonNode plan = chat.choice(country).next("bot");
			assertThat(plan.path("locale").asText()).isEqualTo(locale);
			assertThat(texts(plan)).contains(planIntro).contains(inPlan).doesNotContain("[plan.");

			JsonNode crisis = chat.text(crisisLine).next("bot");
			JsonNode card = crisis.path("messages").get(0);
			assertThat(card.path("kind").asText()).isEqualTo("crisis");
			assertThat(card.path("text").asText()).contains("112").contains(place).contains(line);
		}
	}

}
