package org.scoutline.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * Every text the bot says, checked against the banned phrasing of content.md §4 and the
 * wording rules of §5.
 */
class TextsTests {

	static final Texts texts = new Texts(new DialogueSettings(new ClassPathResource("config/triage.yml"),
			"classpath:config/texts/", ShippedTriage.LOCALES));

	/** content.md §4 rule 7 and its German equivalents, and rule 8's "hack back". */
	static final List<String> BANNED = List.of("why did you send", "you shouldn't have", "you should not have",
			"revenge porn", "child porn", "committed suicide", "warum hast du", "hättest du nicht", "haettest du nicht",
			"rachepornos", "racheporno", "kinderporno", "selbstmord begangen", "hack back", "zurückhacken",
			// nl, fr, ko
			"waarom heb je", "had je maar", "wraakporno", "kinderporno", "zelfmoord gepleegd", "pourquoi tu as envoyé",
			"pourquoi as-tu envoyé", "tu n'aurais pas dû", "porno de vengeance", "pédopornographie", "s'est suicidé",
			"왜 보냈", "보내지 말았어야", "리벤지 포르노", "자살을 저지", "아동 포르노");

	/** §4 rule 8: deleting the account may only ever be advised against. */
	static final Pattern DELETE_ACCOUNT = Pattern
		.compile("(delete|lösch\\w*)\\s+(your|deinen|dein)\\s+(account|konto)");

	static final Pattern NEGATED = Pattern.compile("(don't|do not|never|nicht|weder|kein\\w*)\\W+$");

	@Test
	void noTextUsesBannedPhrasing() {
		for (String locale : texts.locales()) {
			for (Map.Entry<String, String> text : texts.all(locale).entrySet()) {
				String lower = text.getValue().toLowerCase(Locale.ROOT);
				for (String banned : BANNED) {
					assertThat(lower).as(locale + ": " + text.getKey()).doesNotContain(banned);
				}
				Matcher deletion = DELETE_ACCOUNT.matcher(lower);
				while (deletion.find()) {
					String before = lower.substring(Math.max(0, deletion.start() - 12), deletion.start());
					assertThat(before).as(locale + ": " + text.getKey() + " advises deleting the account")
						.containsPattern(NEGATED);
				}
			}
		}
	}

	/**
	 * Every text the engine may show is there in every language: the keys of the script,
	 * the app's own keys, the labels of every language on offer, the country places; and
	 * none of them is the key in brackets that {@link Texts#get} shows for a missing one,
	 * or a copy of the English text in another language (service names excepted).
	 */
	@Test
	void noLocaleFallsBackToAKeyOrToAnotherLanguage() {
		for (String locale : texts.locales()) {
			for (String key : Texts.SYSTEM_KEYS) {
				assertThat(texts.has(locale, key)).as(locale + " has " + key).isTrue();
			}
			for (String other : texts.locales()) {
				assertThat(texts.has(locale, "lang." + other)).as(locale + " names " + other).isTrue();
			}
			texts.all(locale)
				.forEach((key, text) -> assertThat(texts.get(locale, key)).as(locale + ": " + key)
					.isEqualTo(text)
					.doesNotStartWith("[" + key));
			if (!locale.equals("en")) {
				long copied = texts.all(locale)
					.entrySet()
					.stream()
					.filter(e -> !e.getKey().startsWith("lang.") && !e.getKey().startsWith("platform."))
					.filter(e -> e.getValue().length() > 12 && e.getValue().equals(texts.get("en", e.getKey())))
					.count();
				assertThat(copied).as(locale + ": texts left in English").isZero();
			}
		}
	}

	@Test
	void theCheckItselfCatchesABannedPhrase() {
		assertThat("Warum hast du das Bild geschickt?".toLowerCase(Locale.ROOT)).contains(BANNED.get(6));
	}

	@Test
	void everyLocaleHasTheSameKeysAndGermanSaysDu() {
		assertThat(texts.locales()).containsExactlyElementsOf(ShippedTriage.LOCALES);
		for (String locale : texts.locales()) {
			assertThat(texts.all(locale).keySet()).as(locale + " has exactly the keys of de")
				.isEqualTo(texts.all("de").keySet());
		}
		assertThat(texts.all("de").values()).noneMatch(t -> t.matches("(?s).*\\b(Sie haben|Ihr Kind|Ihnen)\\b.*"));
	}

	@Test
	void bubblesAreShortAndButtonLabelsFitMessengers() {
		for (String locale : texts.locales()) {
			texts.all(locale).forEach((key, text) -> {
				if (key.startsWith("plan.") || key.startsWith("system.help") || key.startsWith("risk.")) {
					return;
				}
				assertThat(text.split("(?<=[.!?])\\s+")).as(locale + ": " + key + " has at most 4 sentences")
					.hasSizeLessThanOrEqualTo(4);
			});
		}
	}

}
