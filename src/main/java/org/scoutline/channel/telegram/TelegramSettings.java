package org.scoutline.channel.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import org.telegram.telegrambots.meta.TelegramUrl;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * @param enabled whether the Telegram bot runs
 * @param token the bot token from BotFather
 * @param apiUrl the Bot API server (scheme, host and port); a self-hosted Bot API server
 * or a test server
 * @param mode {@code polling} (the app asks Telegram for updates) or {@code webhook}
 * (Telegram posts them to {@code /webhooks/telegram})
 * @param webhookSecret the secret Telegram sends in
 * {@code X-Telegram-Bot-Api-Secret-Token} (webhook mode)
 * @param webhookUrl the public address of {@code /webhooks/telegram}; when set, the app
 * registers it at start-up
 * @param lanes how many chats are handled at the same time at most
 * @param maxAttempts how often a call to the Bot API is tried before it is given up
 * @param backoff the first wait before a retry after a server error (doubled each time)
 * @param maxBodyBytes the largest webhook request accepted
 * @param pollerLease how long the polling instance's lease lasts without renewal: another
 * instance takes over polling this long after the poller died
 */
@Validated
@ConfigurationProperties("scoutline.telegram")
record TelegramSettings(@DefaultValue("false") boolean enabled, String token,
		@DefaultValue("https://api.telegram.org") @NotNull URI apiUrl, @DefaultValue("polling") @NotNull Mode mode,
		String webhookSecret, URI webhookUrl, @DefaultValue("8") @Min(1) @Max(256) int lanes,
		@DefaultValue("5") @Min(1) @Max(20) int maxAttempts, @DefaultValue("500ms") @NotNull Duration backoff,
		@DefaultValue("1048576") @Min(1024) int maxBodyBytes, @DefaultValue("10s") @NotNull Duration pollerLease) {

	/** Telegram allows 1-256 characters A-Z, a-z, 0-9, _ and - in a webhook secret. */
	private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");

	enum Mode {

		POLLING, WEBHOOK

	}

	TelegramSettings {
		if (enabled && (token == null || token.isBlank())) {
			throw new IllegalArgumentException("scoutline.telegram.token is required when Telegram is enabled");
		}
		if (enabled && mode == Mode.WEBHOOK && (webhookSecret == null || !SECRET.matcher(webhookSecret).matches())) {
			throw new IllegalArgumentException("scoutline.telegram.webhook-secret is required in webhook mode "
					+ "(1-256 characters: A-Z, a-z, 0-9, _ and -)");
		}
	}

	/**
	 * @return the Bot API address as the telegrambots client wants it
	 */
	TelegramUrl telegramUrl() {
		boolean https = "https".equalsIgnoreCase(apiUrl.getScheme());
		int port = apiUrl.getPort() != -1 ? apiUrl.getPort() : https ? 443 : 80;
		return new TelegramUrl(https ? "https" : "http", apiUrl.getHost(), port, false);
	}

}
