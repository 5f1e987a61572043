package org.scoutline.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.scoutline.console.ChatWording.Fact;
import org.scoutline.directory.ShippedDirectory;

/**
 * The triage's facts in words for a scout, in German and English: the queue's line and
 * the labelled lines of the chat, never the codes.
 */
class ChatWordingTests {

	final ChatWording wording = new ChatWording(new ConsoleTexts(), ShippedDirectory.load());

	static final Map<String, String> SEXTORTION = Map.of("locale", "de", "situation", "A", "extortion", "yes", "age",
			"13_15", "demand", "money", "paid", "no", "platform", "instagram", "country", "DE", "risk_thoughts", "no",
			"danger", "no");

	@Test
	void theQueueLineSaysAgeTopicAppAndCountryInTheScoutsLanguage() {
		assertThat(wording.line(SEXTORTION, "de")).isEqualTo("13–15 J. · Erpressung um Geld · Instagram · DE");
		assertThat(wording.line(SEXTORTION, "en")).isEqualTo("13–15 y. · Sextortion for money · Instagram · DE");
		assertThat(wording.line(Map.of("situation", "C", "c_threat", "yes", "country", "INT"), "de"))
			.isEqualTo("Fake-Nacktbild, mit Drohung · anderes Land");
		assertThat(wording.line(Map.of(), "de")).isEmpty();
	}

	@Test
	void theChatShowsEachFactAsALabelledLineInWords() {
		assertThat(wording.facts(SEXTORTION, "low", "de")).containsExactly(
				new Fact("Worum es geht", "Erpressung um Geld"), new Fact("Alter", "13 bis 15"),
				new Fact("Was die erpressende Person will", "Geld, Gutscheine oder Krypto"),
				new Fact("Schon bezahlt oder etwas geschickt", "nein"), new Fact("App", "Instagram"),
				new Fact("Land", "Deutschland"), new Fact("Gedanken, sich etwas anzutun", "nein"),
				new Fact("Bedroht oder zu einem Treffen gedrängt", "nein"),
				new Fact("Fragen zur Sicherheit", "geringes Risiko"));
		assertThat(wording.facts(SEXTORTION, "imminent", "en")).contains(
				new Fact("What it is about", "Sextortion for money"), new Fact("Country", "Germany"),
				new Fact("Thoughts of self-harm or suicide", "no"),
				new Fact("Risk questions", "imminent danger: told to call the emergency number"));
	}

	@Test
	void aHelperAndAnUnknownAnswerAreSaidInWordsAndNoCodeIsShown() {
		Map<String, String> helper = Map.of("situation", "E", "helper_role", "parent", "helper_situation", "A",
				"age_skipped", "yes", "platform", "other", "online", "links", "risk_soon", "unsure", "resume_to", "q7");
		assertThat(wording.facts(helper, null, "de")).containsExactly(
				new Fact("Worum es geht", "Hilft jemandem: wird erpresst"), new Fact("Wer schreibt", "ein Elternteil"),
				new Fact("Was der Person passiert", "wird erpresst"), new Fact("App", "eine andere App"),
				new Fact("Das Bild ist online", "ja, mit Links"),
				new Fact("Denkt daran, es in den nächsten zwei Tagen zu tun", "weiß nicht"),
				new Fact("Alter", "nicht angegeben"));
		assertThat(wording.facts(Map.of("situation", "Z", "demand", "bitcoin"), "xx", "en")).isEmpty();
	}

}
