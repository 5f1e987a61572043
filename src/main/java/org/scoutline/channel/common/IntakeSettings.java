package org.scoutline.channel.common;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * How the channels' durable intake ({@link Intake}) works.
 *
 * @param claimAfter how long a chat's token may sit idle at one worker before another
 * instance takes it over (its instance is taken for dead)
 * @param poll how long a worker waits for new arrivals in one read (below Redis' command
 * timeout)
 * @param batch how many tokens one read or one claim takes at most
 * @param maxAttempts how often an arrival is tried before the user is asked to send it
 * again
 * @param retryBackoff the first wait before an arrival is tried again on this instance
 * (doubled each time)
 * @param keep how long an arrival waits at most: inboxes expire and the stream is trimmed
 * to this age
 * @param maxLength the stream's approximate length limit
 */
@Validated
@ConfigurationProperties("scoutline.intake")
public record IntakeSettings(@DefaultValue("10s") @NotNull Duration claimAfter,
		@DefaultValue("500ms") @NotNull Duration poll, @DefaultValue("32") @Min(1) @Max(1000) int batch,
		@DefaultValue("5") @Min(1) @Max(50) int maxAttempts, @DefaultValue("500ms") @NotNull Duration retryBackoff,
		@DefaultValue("P1D") @NotNull Duration keep, @DefaultValue("100000") @Min(100) long maxLength) {

	public IntakeSettings {
		if (claimAfter.toMillis() < 100 || poll.isNegative() || poll.isZero() || keep.toSeconds() < 60) {
			throw new IllegalArgumentException(
					"scoutline.intake: claim-after needs at least 100ms, poll must be positive, keep at least 1 minute");
		}
	}

}
