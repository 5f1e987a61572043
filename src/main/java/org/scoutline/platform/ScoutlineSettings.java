package org.scoutline.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Settings every module shares.
 *
 * @param retention how long data about a person lives after their last activity
 * (ISO-8601, default P30D)
 * @param pseudonymKey secret for the keyed pseudonyms of channel user ids; required when
 * {@code requireSecrets}
 * @param dataKey secret for data at rest (transcripts, reply addresses); required when
 * {@code requireSecrets}
 * @param requireSecrets refuse to start without both secrets (production); otherwise
 * development secrets are made
 * @param keyPrefix prefix of every Redis key this instance writes; without braces, which
 * would change the keys' Redis Cluster hash tags
 */
@Validated
@ConfigurationProperties("scoutline")
public record ScoutlineSettings(@DefaultValue("P30D") @NotNull Duration retention, String pseudonymKey, String dataKey,
		@DefaultValue("false") boolean requireSecrets, @DefaultValue("scoutline:") @NotBlank String keyPrefix) {

	public ScoutlineSettings {
		if (retention.isNegative() || retention.isZero()) {
			throw new IllegalArgumentException("scoutline.retention must be positive, was " + retention);
		}
		if (keyPrefix != null && (keyPrefix.contains("{") || keyPrefix.contains("}"))) {
			throw new IllegalArgumentException("scoutline.key-prefix must not contain braces (Redis hash tags)");
		}
	}

	/**
	 * @return the retention in whole seconds, for Redis expiry
	 */
	public long retentionSeconds() {
		return retention.toSeconds();
	}

}
