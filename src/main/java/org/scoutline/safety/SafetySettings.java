package org.scoutline.safety;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * @param crisisLexicon the crisis signals and figurative phrases per language
 * @param maxTextLength the longest text a user may send, in characters
 */
@Validated
@ConfigurationProperties("scoutline.safety")
record SafetySettings(@DefaultValue("classpath:config/crisis-lexicon.yml") @NotNull Resource crisisLexicon,
		@DefaultValue("2000") @Min(100) @Max(20_000) int maxTextLength) {

}
