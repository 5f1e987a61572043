package org.scoutline.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.scoutline.conversation.Bubble;
import org.scoutline.conversation.Choice;
import org.scoutline.directory.Directory;
import org.scoutline.directory.ShippedDirectory;
import org.springframework.core.io.ClassPathResource;

/**
 * The crisis card with the shipped script, texts and directory: the right country's lines
 * before the country is known (a guess named as that country's, with a one-tap change),
 * the country asked first when there is no guess, the chosen country always winning, and
 * the emergency sentence for imminent danger.
 */
class CrisisCardTests {

	static final DialogueSettings settings = new DialogueSettings(new ClassPathResource("config/triage.yml"),
			"classpath:config/texts/", ShippedTriage.LOCALES);

	static final Texts texts = new Texts(settings);

	static final Directory directory = ShippedDirectory.load();

	static final Triage triage = new Triage(settings, texts, directory, java.util.Optional.empty());

	static final CrisisCards cards = new CrisisCards(texts, directory);

	/** a German-speaking teen at the first question, before any country is known */
	static TriageState atSituation(String locale, String hint) {
		TriageTurn turn = triage.begin(locale);
		return triage.answer(turn.state(), locale, null).state().withCountryHint(hint);
	}

	@Test
	void aGuessedCountrysLinesAreNamedAsItsOwnAndCanBeChangedWithOneTap() {
		TriageTurn crisis = triage.crisis(atSituation("de", "DE"), false);
		Bubble card = crisis.bubbles().get(0);
		assertThat(card.kind()).isEqualTo(Bubble.Kind.CRISIS);
		assertThat(card.text()).contains("112")
			.contains("In Deutschland:")
			.contains("TelefonSeelsorge")
			.contains("0800 111 0 111")
			.contains("116 111")
			.contains("krisenchat");
		assertThat(card.text()).as("no other country's lines")
			.doesNotContain("Rat auf Draht")
			.doesNotContain("Pro Juventute")
			.doesNotContain("911");
		assertThat(crisis.state().node()).as("then the risk screen").isEqualTo("risk_thoughts");
		assertThat(crisis.choices()).extracting(Choice::id).contains("yes", "no", Triage.CHANGE_COUNTRY);
		assertThat(label(crisis, Triage.CHANGE_COUNTRY)).isEqualTo("Nicht in Deutschland?");
		assertThat(crisis.state().facts()).as("a guess is never a fact").doesNotContainKey("country");

		TriageTurn english = triage.crisis(atSituation("en", "DE"), false);
		assertThat(english.bubbles().get(0).text()).contains("In Germany:").contains("TelefonSeelsorge");
		assertThat(label(english, Triage.CHANGE_COUNTRY)).isEqualTo("Not in Germany?");
		assertThat(label(triage.crisis(atSituation("de", "CH"), false), Triage.CHANGE_COUNTRY))
			.isEqualTo("Nicht in der Schweiz?");
		assertThat(triage.crisis(atSituation("en", "US"), false).bubbles().get(0).text()).contains("911")
			.contains("In the US:")
			.contains("988");
	}

	@Test
	void theChangeAsksTheCountryRightThereShowsItsLinesAndGoesBackToWhereTheUserWas() {
		TriageTurn crisis = triage.crisis(atSituation("de", "DE"), false);
		TriageTurn asked = triage.answer(crisis.state(), Triage.CHANGE_COUNTRY, null);
		assertThat(asked.state().node()).isEqualTo("country");
		assertThat(text(asked)).contains(texts.get("de", "country.ask"));
		assertThat(asked.choices()).extracting(Choice::id).contains("de", "at", "ch", "int");

		TriageTurn swiss = triage.answer(asked.state(), "ch", null);
		Bubble card = swiss.bubbles().get(0);
		assertThat(card.kind()).isEqualTo(Bubble.Kind.CRISIS);
		assertThat(card.text()).contains("In der Schweiz:").contains("143").doesNotContain("TelefonSeelsorge");
		assertThat(swiss.state().node()).as("back at the question of the risk screen").isEqualTo("risk_thoughts");
		assertThat(text(swiss)).contains(texts.get("de", "risk.thoughts.ask"));
		assertThat(swiss.state().facts()).containsEntry("country", "CH")
			.containsEntry("resume_to", "situation")
			.doesNotContainKey("after_country");
		assertThat(swiss.choices()).extracting(Choice::id)
			.as("a chosen country needs no change")
			.doesNotContain(Triage.CHANGE_COUNTRY);

		TriageTurn resumed = triage.answer(triage.answer(swiss.state(), "no", null).state(), "no", null);
		assertThat(resumed.state().node()).as("and the triage goes on where the crisis interrupted it")
			.isEqualTo("situation");
	}

	@Test
	void withoutAGuessTheCountryIsAskedFirstInsideTheCardUnderTheEmergencyNumbers() {
		TriageTurn crisis = triage.crisis(atSituation("de", null), false);
		assertThat(crisis.bubbles()).hasSize(1);
		Bubble card = crisis.bubbles().get(0);
		assertThat(card.kind()).isEqualTo(Bubble.Kind.CRISIS);
		String text = card.text();
		assertThat(text).contains("112").contains("911").contains("999").contains("000");
		assertThat(text.indexOf("911")).as("the emergency numbers above the question")
			.isLessThan(text.indexOf("In welchem Land lebst du?"));
		assertThat(text).as("no country's lines shown as if they were local")
			.doesNotContain("TelefonSeelsorge")
			.doesNotContain("Rat auf Draht")
			.doesNotContain("Samaritans");
		assertThat(crisis.state().node()).isEqualTo("country");
		assertThat(crisis.choices()).extracting(Choice::id).contains("de", "at", "ch", "gb", "us", "int");

		TriageTurn austria = triage.answer(crisis.state(), "at", null);
		assertThat(austria.bubbles().get(0).text()).contains("In Österreich:")
			.contains("Rat auf Draht")
			.contains("142");
		assertThat(austria.state().node()).as("then the crisis path, as it would have gone").isEqualTo("risk_thoughts");
		assertThat(text(austria)).contains(texts.get("de", "risk.intro"));
		assertThat(austria.state().facts()).containsEntry("country", "AT")
			.containsEntry("resume_to", "situation")
			.doesNotContainKey("after_country")
			.doesNotContainKey("crisis_after_country");
	}

	@Test
	void aCountryTheUserChoseAlwaysWinsOverTheGuess() {
		TriageState chosen = new TriageState("situation", Map.of("country", "AT"), "de", "DE");
		TriageTurn crisis = triage.crisis(chosen, false);
		assertThat(crisis.bubbles().get(0).text()).contains("In Österreich:")
			.contains("Rat auf Draht")
			.doesNotContain("TelefonSeelsorge");
		assertThat(crisis.choices()).extracting(Choice::id).doesNotContain(Triage.CHANGE_COUNTRY);

		TriageState elsewhere = new TriageState("situation", Map.of("country", "INT"), "en", "DE");
		String card = cards.crisisCard(elsewhere).text();
		assertThat(card).as("another country: the lines that work across countries, never Germany's")
			.contains("In many countries:")
			.contains("116 111")
			.contains("911")
			.doesNotContain("TelefonSeelsorge");
	}

	@Test
	void aGuessTheDirectoryHasNoLinesForCountsAsNoGuess() {
		TriageTurn crisis = triage.crisis(atSituation("de", "ES"), false);
		assertThat(crisis.state().node()).isEqualTo("country");
		assertThat(crisis.bubbles().get(0).text()).contains("In welchem Land lebst du?");
		assertThat(triage.crisis(atSituation("de", "INT"), false).state().node()).isEqualTo("country");
	}

	@Test
	void imminentDangerGetsTheEmergencyNumberInOneShortSentence() {
		Bubble german = cards.emergency(atSituation("de", "DE"));
		assertThat(german.kind()).isEqualTo(Bubble.Kind.EMERGENCY);
		assertThat(german.text()).isEqualTo("Bitte ruf jetzt sofort den Notruf an: 112.");
		assertThat(cards.emergency(atSituation("en", "GB")).text()).contains("999");
		assertThat(cards.emergency(new TriageState("situation", Map.of("country", "US"), "en", "DE")).text())
			.as("the chosen country's number")
			.contains("911")
			.doesNotContain("112");
		assertThat(cards.emergency(atSituation("en", null)).text()).contains("112").contains("911").contains("000");
	}

	@Test
	void wordsThatSayTheLinesAreThereCarryThem() {
		TriageState guessed = atSituation("de", "DE");
		assertThat(cards.crisisLines(guessed)).startsWith("In Deutschland:").contains("TelefonSeelsorge");
		assertThat(cards.crisisLines(atSituation("de", null))).startsWith("In vielen Ländern:")
			.contains("Notruf:")
			.contains("116 111");
		TriageTurn low = walk(guessed, "a", "yes", "no");
		assertThat(low.state().facts()).containsEntry("risk", "low");
		assertThat(low.bubbles()).as("the outcome's words list the lines in the message itself")
			.anyMatch(b -> b.kind() == Bubble.Kind.TEXT && b.text().contains("In Deutschland:")
					&& b.text().contains("TelefonSeelsorge"));
		assertThat(low.choices()).extracting(Choice::id).contains(Triage.CHANGE_COUNTRY);
		for (String locale : texts.locales()) {
			// (plan steps may point at the resources of the steps below them)
			texts.all(locale)
				.entrySet()
				.stream()
				.filter(e -> !e.getKey().startsWith("plan."))
				.forEach(e -> assertThat(e.getValue().toLowerCase())
					.as(locale + ": " + e.getKey() + " points at lines it does not list")
					.doesNotContain("stellen unten")
					.doesNotContain("lines below"));
		}
	}

	@Test
	void everyCountryOfTheDirectoryHasItsNameForTheCardInEveryLanguage() {
		for (String code : directory.countryCodes()) {
			if (Directory.INTERNATIONAL.equals(code)) {
				continue;
			}
			for (String locale : texts.locales()) {
				assertThat(texts.has(locale, "crisis.place." + code.toLowerCase())).as(locale + " " + code).isTrue();
			}
		}
	}

	private static TriageTurn walk(TriageState from, String... choices) {
		TriageTurn turn = triage.answer(from, choices[0], null);
		for (int i = 1; i < choices.length; i++) {
			turn = triage.answer(turn.state(), choices[i], null);
		}
		return turn;
	}

	private static String label(TriageTurn turn, String id) {
		return turn.choices().stream().filter(c -> c.id().equals(id)).map(Choice::label).findFirst().orElse(null);
	}

	private static String text(TriageTurn turn) {
		return turn.bubbles().stream().map(Bubble::text).collect(Collectors.joining("\n"));
	}

}
