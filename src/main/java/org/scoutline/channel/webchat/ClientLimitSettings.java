package org.scoutline.channel.webchat;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;

/**
 * Limits per client address (behind a proxy the address {@code X-Forwarded-For} names,
 * when {@code server.forward-headers-strategy} says to trust it), so that one script
 * can't fill the hotline. A crisis message is never refused by them.
 *
 * @param newChatsPerMinute new conversations one address may start per minute, on all
 * instances together
 * @param socketsPerMinute widget connections one address may open per minute, on all
 * instances together
 * @param socketsPerClient widget connections one address may hold open at once on one
 * instance
 * @param socketsPerToken widget connections one conversation (its token) may hold open at
 * once on one instance: more windows get an error frame instead of the chat
 */
@Validated
@ConfigurationProperties("scoutline.webchat.limits")
record ClientLimitSettings(@DefaultValue("10") @Min(1) int newChatsPerMinute,
		@DefaultValue("60") @Min(1) int socketsPerMinute, @DefaultValue("20") @Min(1) int socketsPerClient,
		@DefaultValue("10") @Min(1) int socketsPerToken) {
}
