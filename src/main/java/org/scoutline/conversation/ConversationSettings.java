package org.scoutline.conversation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * @param transcriptLimit the most transcript lines kept per conversation (older ones are
 * dropped)
 */
@Validated
@ConfigurationProperties("scoutline.conversation")
record ConversationSettings(@DefaultValue("2000") @Min(50) @Max(100_000) int transcriptLimit) {

}
