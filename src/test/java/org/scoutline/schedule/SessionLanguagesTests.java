package org.scoutline.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A session's languages are named in words in the reader's language, never as codes. */
class SessionLanguagesTests {

	@Test
	void inEnglish() {
		assertThat(SessionTimes.languages(List.of("de"), "en")).isEqualTo("German");
		assertThat(SessionTimes.languages(List.of("de", "en"), "en")).isEqualTo("German and English");
		assertThat(SessionTimes.languages(List.of("de", "en", "tr"), "en")).isEqualTo("German, English and Turkish");
	}

	@Test
	void inGerman() {
		assertThat(SessionTimes.languages(List.of("en"), "de")).isEqualTo("Englisch");
		assertThat(SessionTimes.languages(List.of("de", "en"), "de")).isEqualTo("Deutsch und Englisch");
	}

}
