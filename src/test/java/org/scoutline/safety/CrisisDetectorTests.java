package org.scoutline.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;

class CrisisDetectorTests {

	static final CrisisDetector detector = new CrisisDetector(
			new SafetySettings(new ClassPathResource("config/crisis-lexicon.yml"), 2000));

	@ParameterizedTest
	@ValueSource(strings = { "ich will nicht mehr leben", "Ich will nich mehr lebn", "ICH WILL NICHT MEHR LEBEN!!!",
			"ich will mich umbringen", "ich bring mich um", "hab suizidgedanken", "ich denk an 5u1z1d",
			"ich ritze mich wieder", "am liebsten wäre ich tot", "ich will einfach nur noch sterben",
			"I want to kill myself", "i wanna kil myself", "i want to die", "im going to end it all tonight",
			"i dont want to be alive anymore", "thinking about suicide", "i'm suicidal", "kms",
			"i've been cutting myself", "he said he will come to my house", "er will zu mir nach hause kommen" })
	void findsCrisisSignals(String text) {
		assertThat(detector.screen(text).isCrisis()).as(text).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "ich sterbe vor Lachen", "ich lach mich tot", "hahaha ich lach mich tot 😂",
			"I'm dying of laughter", "He posted my picture on Instagram", "Er will 500 Euro von mir",
			"they want money in gift cards", "wie kann ich das melden?", "ich bin 15 und komme aus Deutschland",
			"was ist take it down", "my friend needs help", "" })
	void leavesOrdinaryAndFigurativeTextAlone(String text) {
		assertThat(detector.screen(text).isCrisis()).as(text).isFalse();
	}

	@Test
	void namesTheKindOfSignal() {
		assertThat(detector.screen("ich will mich umbringen").signals()).contains("self_harm");
		assertThat(detector.screen("he said he will come to my house").signals()).contains("danger");
	}

	@Test
	void aRealSignalNextToAFigurativePhraseStillCounts() {
		assertThat(detector.screen("lach mich tot, aber ehrlich: ich will nicht mehr leben").isCrisis()).isTrue();
		assertThat(detector.screen("ich sterbe vor lachen. nein ehrlich, ich will sterben").isCrisis()).isTrue();
		assertThat(detector.screen("dying of laughter lol. but really i want to die").isCrisis()).isTrue();
	}

	@Test
	void misspellingsWithinOneLetterMatchAndFarOffWordsDoNot() {
		assertThat(PhraseMatcher.similar("umbrigen", "umbringen", false)).isTrue();
		assertThat(PhraseMatcher.similar("suizit", "suizid", false)).isTrue();
		assertThat(PhraseMatcher.similar("leben", "lesen", false)).isTrue();
		assertThat(PhraseMatcher.similar("kms", "kmx", false)).isFalse();
		assertThat(PhraseMatcher.similar("umbauen", "umbringen", false)).isFalse();
	}

	@Test
	void normalisesUmlautsDigitsAndRepeatedLetters() {
		assertThat(TextNormalizer.words("Ich wäre lieber TOT!!! 5u1z1d leeeeben"))
			.containsExactly("ich", "waere", "lieber", "tot", "suizid", "leeben");
		assertThat(TextNormalizer.words("116 111")).containsExactly("116", "111");
	}

}
