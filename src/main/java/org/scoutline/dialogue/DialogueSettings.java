package org.scoutline.dialogue;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * While a user's country is not known, the crisis card shows the lines of the channel's
 * guess of it (named as that country's, with a one-tap change), or asks for the country;
 * it never falls back to other countries' lines.
 *
 * @param script the triage flow
 * @param texts the folder with one {@code <locale>.yml} per locale
 * @param locales the languages offered; the first is the default
 */
@Validated
@ConfigurationProperties("scoutline.dialogue")
record DialogueSettings(@DefaultValue("classpath:config/triage.yml") @NotNull Resource script,
		@DefaultValue("classpath:config/texts/") @NotNull String texts, @DefaultValue( {
				"de", "en", "nl", "fr", "ko" }) @NotEmpty List<String> locales){

	String defaultLocale() {
		return locales.get(0);
	}

}
