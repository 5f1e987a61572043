package org.scoutline.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;

class CrisisDetectorTests {

	static final CrisisDetector detector = new CrisisDetector(
			new SafetySettings(new FileSystemResource("config/crisis-lexicon.yml"), 2000));

	@ParameterizedTest
	@ValueSource(strings = { "ich will nicht mehr leben", "Ich will nich mehr lebn", "ICH WILL NICHT MEHR LEBEN!!!",
			"ich will mich umbringen", "ich bring mich um", "hab suizidgedanken", "ich denk an 5u1z1d",
			"ich ritze mich wieder", "am liebsten wäre ich tot", "ich will einfach nur noch sterben",
			"I want to kill myself", "i wanna kil myself", "i want to die", "im going to end it all tonight",
			"i dont want to be alive anymore", "thinking about suicide", "i'm suicidal", "kms",
			"i've been cutting myself", "he said he will come to my house", "er will zu mir nach hause kommen",
			"iwanttodie", "willnichtmehrleben", "i wnat to die", "ich wlil sterben",
			"everyone would be better off without me", "ohne mich wären alle besser dran", "kein bock mehr auf leben",
			"hab keine kraft mehr zu leben", "if he posts it ill kill myself", "wenn das rauskommt bring ich mich um",
			"i just took all my pills", "er weiß wo ich wohne", "he knows where i live",
			"ich will schluss machen mit allem" })
	void findsCrisisSignals(String text) {
		assertThat(detector.screen(text).isCrisis()).as(text).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "ich sterbe vor Lachen", "ich lach mich tot", "hahaha ich lach mich tot 😂",
			"I'm dying of laughter", "He posted my picture on Instagram", "Er will 500 Euro von mir",
			"they want money in gift cards", "wie kann ich das melden?", "ich bin 15 und komme aus Deutschland",
			"was ist take it down", "my friend needs help", "", "this maths test is killing me",
			"I could kill for a pizza", "mein Akku stirbt", "i died three times in that level lol",
			"ich will die Bilder löschen", "ich hab mit meinem Freund Schluss gemacht", "i want to deal with it",
			"i dont want to lie anymore", "ich will nicht mehr lesen, ich bin müde", "kein bock mehr auf mathe" })
	void leavesOrdinaryAndFigurativeTextAlone(String text) {
		assertThat(detector.screen(text).isCrisis()).as(text).isFalse();
	}

	@Test
	void namesTheKind() {
		assertThat(detector.screen("ich will mich umbringen").kinds()).containsExactly(CrisisKind.SUICIDE);
		assertThat(detector.screen("ich ritze mich").kinds()).containsExactly(CrisisKind.SELF_HARM);
		assertThat(detector.screen("he said he will come to my house").kinds()).containsExactly(CrisisKind.DANGER);
		assertThat(detector.screen("er will mich umbringen").kinds()).containsExactly(CrisisKind.DANGER);
		assertThat(detector.screen("he says he will hurt me and i want to die").primaryKind())
			.isEqualTo(CrisisKind.DANGER);
	}

	@Test
	void anActOrIntentWithAMethodPlaceOrTimeIsImminent() {
		assertThat(detector.screen("i took all the pills").severity()).isEqualTo(Severity.IMMINENT);
		assertThat(detector.screen("ich stehe auf dem dach").severity()).isEqualTo(Severity.IMMINENT);
		assertThat(detector.screen("i want to die tonight").severity()).isEqualTo(Severity.IMMINENT);
		assertThat(detector.screen("ich spring heute von der brücke").severity()).isEqualTo(Severity.IMMINENT);
		assertThat(detector.screen("er kommt heute nacht zu mir nach hause").severity()).isEqualTo(Severity.IMMINENT);
		assertThat(detector.screen("i want to die").severity()).isEqualTo(Severity.CONCERN);
		assertThat(detector.screen("everyone would be better off without me").severity()).isEqualTo(Severity.CONCERN);
		assertThat(detector.screen("ich ritze mich manchmal").severity()).isEqualTo(Severity.CONCERN);
	}

	@Test
	void tellsTheLanguageOfAMessageOnlyWhenItIsClear() {
		assertThat(detector.languageOf("i want to die, i cant do this anymore")).contains("en");
		assertThat(detector.languageOf("ich will nicht mehr leben, ich kann nicht mehr")).contains("de");
		assertThat(detector.languageOf("kms")).isEmpty();
		assertThat(detector.languageOf("")).isEmpty();
	}

	@Test
	void aNegationTakesBackAWishButNotARefusalToLive() {
		assertThat(detector.screen("i dont want to die").isCrisis()).isFalse();
		assertThat(detector.screen("ich will nicht sterben").isCrisis()).isFalse();
		assertThat(detector.screen("i dont want to live").isCrisis()).isTrue();
	}

	@Test
	void aRealSignalNextToAFigurativePhraseStillCounts() {
		assertThat(detector.screen("lach mich tot, aber ehrlich: ich will nicht mehr leben").isCrisis()).isTrue();
		assertThat(detector.screen("ich sterbe vor lachen. nein ehrlich, ich will sterben").isCrisis()).isTrue();
		assertThat(detector.screen("dying of laughter lol. but really i want to die").isCrisis()).isTrue();
	}

	@Test
	void slipsAreCountedAsOptimalStringAlignment() {
		assertThat(Vocabulary.slips("umbrigen", "umbringen", 2)).isEqualTo(1);
		assertThat(Vocabulary.slips("suizit", "suizid", 1)).isEqualTo(1);
		assertThat(Vocabulary.distance("wnat", "want", 2)).as("a swap is one edit, not two").isEqualTo(1);
		assertThat(Vocabulary.slips("lbeen", "leben", 1)).isEqualTo(1);
		assertThat(Vocabulary.slips("leben", "lesen", 1)).as("a wrong letter in a short word is no slip")
			.isGreaterThan(1);
		assertThat(Vocabulary.slips("deal", "dead", 1)).isGreaterThan(1);
		assertThat(Vocabulary.slips("letter", "better", 1)).as("b is not typed for l").isGreaterThan(1);
		assertThat(Vocabulary.slips("sterbrn", "sterben", 1)).as("r is typed for e").isEqualTo(1);
		assertThat(Vocabulary.slips("umbauen", "umbringen", 2)).isGreaterThan(2);
	}

	@Test
	void normalisesUmlautsDigitsRepeatedLettersAndApostrophes() {
		assertThat(TextNormalizer.words("Ich wäre lieber TOT!!! 5u1z1d leeeeben")).containsExactly("ich", "waere",
				"lieber", "tot", TextNormalizer.BREAK, "suizid", "leeben");
		assertThat(TextNormalizer.words("116 111")).containsExactly("116", "111");
		assertThat(TextNormalizer.words("I don't want to")).containsExactly("i", "dont", "want", "to");
		assertThat(TextNormalizer.words("k!ll mys3lf")).containsExactly("kill", "myself");
		assertThat(TextNormalizer.words("죽고 싶어")).containsExactly("죽고", "싶어");
	}

	/**
	 * Korean chat: syllables stay whole, jamo noise goes, ㅈㅅ reads 자살, digits stay digits
	 */
	@Test
	void normalisesKoreanChatWithoutBreakingSyllables() {
		String decomposed = java.text.Normalizer.normalize("죽고싶어", java.text.Normalizer.Form.NFD);
		assertThat(decomposed).hasSizeGreaterThan(4);
		assertThat(TextNormalizer.words(decomposed)).containsExactly("죽고싶어");
		assertThat(TextNormalizer.words("죽고싶어ㅠㅠㅠ 진짜ㅜㅜ")).containsExactly("죽고싶어", "진짜");
		assertThat(TextNormalizer.words("웃겨 죽겠다ㅋㅋㅋ")).containsExactly("웃겨", "죽겠다", TextNormalizer.LAUGHING);
		assertThat(TextNormalizer.words("ㅈㅅ하고싶다")).containsExactly("자살하고싶다");
		assertThat(TextNormalizer.words("늦어서 ㅈㅅ합니다")).containsExactly("늦어서", "ㅈㅅ합니다");
		assertThat(TextNormalizer.words("10분 전에 약 30알")).containsExactly("10분", "전에", "약", "30알");
		assertThat(TextNormalizer.words("Ä ß").get(0)).isEqualTo("ae");
	}

	@Test
	void findsCrisisInKoreanWrittenWithAndWithoutSpacesAndLetsTheJokeGo() {
		assertThat(detector.screen("죽고 싶어요").isCrisis()).isTrue();
		assertThat(detector.screen("죽고싶어요ㅠㅠ").isCrisis()).isTrue();
		assertThat(detector.screen("나죽고싶어").isCrisis()).isTrue();
		assertThat(detector.screen("ㅈㅅ할래").isCrisis()).isTrue();
		assertThat(detector.screen("자살").isCrisis()).as("a stem matches the bare stem too").isTrue();
		assertThat(detector.screen("웃겨 죽겠다ㅋㅋ").isCrisis()).isFalse();
		assertThat(detector.screen("배고파 죽겠어요").isCrisis()).isFalse();
		assertThat(detector.screen("지금 옥상에 서 있어요").isImminent()).isTrue();
	}

	@Test
	void aLexiconThatNamesAnUnknownConceptDoesNotLoad() {
		String yaml = """
				languages:
				  en:
				    concepts:
				      want: [want]
				    rules:
				      - kind: suicide
				        severity: concern
				        match: ["@want @die"]
				""";
		ByteArrayResource lexicon = new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8), "test lexicon");
		assertThatThrownBy(() -> new CrisisDetector(new SafetySettings(lexicon, 2000)))
			.hasMessageContaining("languages.en")
			.hasMessageContaining("@die");
	}

}
