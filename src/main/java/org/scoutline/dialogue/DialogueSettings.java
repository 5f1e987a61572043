package org.scoutline.dialogue;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * @param script the triage flow
 * @param texts the folder with one {@code <locale>.yml} per locale
 * @param locales the languages offered; the first is the default
 * @param crisisFallbackCountries per locale, the countries whose crisis lines are shown when the user's country is
 * not known yet
 */
@Validated
@ConfigurationProperties("scoutline.dialogue")
record DialogueSettings(@DefaultValue("classpath:config/triage.yml") @NotNull Resource script,
		@DefaultValue("classpath:config/texts/") @NotNull String texts,
		@DefaultValue({ "de", "en" }) @NotEmpty List<String> locales,
		@DefaultValue({ "de=DE,AT,CH", "en=GB,US,IE" }) @NotEmpty List<String> crisisFallbackCountries) {

	String defaultLocale() {
		return locales.get(0);
	}

	List<String> fallbackCountries(String locale) {
		return crisisFallbackCountries.stream()
			.filter(entry -> entry.startsWith(locale + "="))
			.findFirst()
			.map(entry -> List.of(entry.substring(locale.length() + 1).split(",")))
			.orElse(List.of());
	}

}
