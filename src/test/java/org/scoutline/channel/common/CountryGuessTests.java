package org.scoutline.channel.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The guess of a user's country from what each channel tells us anyway; no guess where
 * the signal is weak.
 */
class CountryGuessTests {

	@ParameterizedTest(name = "page {0}, zone {1}, language {2} -> {3}")
	@CsvSource(nullValues = "-", value = {
			// the embedding page's data-country wins
			"at, Europe/Berlin, de-DE, AT", "CH, -, -, CH",
			// else the browser's time zone, when it is a real place
			"-, Europe/Berlin, de, DE", "-, Europe/Berlin, en-US, DE", "-, Europe/Vienna, de-DE, AT",
			"-, Europe/Zurich, fr-CH, CH", "-, Europe/London, en-GB, GB", "-, Europe/Dublin, en, IE",
			"-, America/Chicago, en-US, US", "-, America/Toronto, en-CA, CA", "-, Australia/Sydney, en-AU, AU",
			"-, Asia/Seoul, ko, KR",
			// a zone of a country without lines: no guess, even for German (never
			// Germany's lines in Spain)
			"-, Europe/Madrid, de-DE, -", "-, America/Mexico_City, en-US, -",
			// no real zone (absent, UTC, Etc): the language, where it names a place
			"-, UTC, de-AT, AT", "-, Etc/GMT+1, de, DE", "-, -, en-GB, GB", "-, -, en-US, -", "-, -, en, -",
			"-, -, fr, -", "-, -, -, -",
			// bad input is no guess, never an error
			"Deutschland, -, -, -", "-, ../../etc/passwd, -, -" })
	void theWidgetGuessesFromThePageTheTimeZoneAndTheLanguage(String page, String zone, String language,
			String expected) {
		assertThat(CountryGuess.browser(page, zone, language)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "language_code {0} -> {1}")
	@CsvSource(nullValues = "-", value = { "de, DE", "DE, DE", "de-AT, AT", "de-ch, CH", "de_LU, -", "ko, KR", "en, -",
			"en-US, -", "en-GB, GB", "en-ie, IE", "nl, -", "fr-BE, BE", "pt-br, -", "zh-hans, -", "'', -", "-, -" })
	void telegramGuessesFromTheLanguageCodeOnlyWhereItIsASensibleGuess(String code, String expected) {
		assertThat(CountryGuess.language(code)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "+{0} -> {1}")
	@CsvSource(nullValues = "-",
			value = { "4915112345678, DE", "436641234567, AT", "41791234567, CH", "32470123456, BE", "31612345678, NL",
					"33612345678, FR", "447911123456, GB", "353851234567, IE", "61412345678, AU", "821012345678, KR",
					"+4915112345678, DE",
					// +1 is shared by the US, Canada and the Caribbean: no guess
					"12025550123, -", "16135550123, -",
					// a country without lines, and what no number looks like
					"34612345678, -", "351912345678, -", "4420, -", "49abc, -", "'', -", "-, -" })
	void whatsAppGuessesFromTheCallingCodeOfOurCountries(String number, String expected) {
		assertThat(CountryGuess.phoneNumber(number)).isEqualTo(expected);
	}

}
