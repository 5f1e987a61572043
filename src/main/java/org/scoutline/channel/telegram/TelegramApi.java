package org.scoutline.channel.telegram;

import java.io.Serializable;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.scoutline.channel.common.ChannelMeters;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Calls the Bot API through the telegrambots client and retries where retrying helps:
 * after {@code 429} it waits as long as Telegram says ({@code retry_after}), after a
 * server error or a network failure it backs off exponentially; other client errors are
 * not retried, nor is a request the client finds incomplete. {@code 403} means the user
 * blocked the bot (or left the chat). Logs name the method and the error code only.
 */
class TelegramApi {

	private static final Logger log = LoggerFactory.getLogger(TelegramApi.class);

	private static final long MAX_RETRY_AFTER_SECONDS = 120;

	private final TelegramClient client;

	private final int maxAttempts;

	private final Duration backoff;

	private final ChannelMeters meters;

	TelegramApi(TelegramClient client, TelegramSettings settings, ChannelMeters meters) {
		this.client = client;
		this.meters = meters;
		this.maxAttempts = settings.maxAttempts();
		this.backoff = settings.backoff();
	}

	/**
	 * The user cannot be reached any more: they blocked the bot or deleted their account.
	 * A failed call like any other, so that one type says what sending may throw; whoever
	 * catches {@link TelegramApiException} around a call lets this one through first.
	 */
	static final class Blocked extends TelegramApiException {

		private static final long serialVersionUID = 1L;

		Blocked() {
			super("the user blocked the bot", null, false, false);
		}

	}

	/**
	 * Calls {@code method}, retrying 429, 5xx and network failures.
	 * @throws Blocked when the user blocked the bot
	 */
	<T extends Serializable> T call(BotApiMethod<T> method) throws TelegramApiException {
		for (int attempt = 1;; attempt++) {
			try {
				T result = client.execute(method);
				meters.call(TelegramUpdates.CHANNEL, ChannelMeters.Call.OK);
				return result;
			}
			catch (TelegramApiValidationException ex) {
				// our own request is incomplete (a message id missing): trying again
				// can't help
				meters.call(TelegramUpdates.CHANNEL, ChannelMeters.Call.REFUSED);
				log.warn("telegram call not sent method={} cause=validation", method.getMethod());
				throw ex;
			}
			catch (TelegramApiRequestException ex) {
				Integer code = ex.getErrorCode();
				if (code != null && code == 403) {
					meters.call(TelegramUpdates.CHANNEL, ChannelMeters.Call.REFUSED);
					throw new Blocked();
				}
				if (attempt >= maxAttempts || !retryable(code)) {
					meters.call(TelegramUpdates.CHANNEL,
							retryable(code) ? ChannelMeters.Call.FAILED : ChannelMeters.Call.REFUSED);
					log.warn("telegram call failed method={} code={} attempt={}", method.getMethod(), code, attempt);
					throw ex;
				}
				meters.call(TelegramUpdates.CHANNEL, ChannelMeters.Call.RETRIED);
				sleep(code == 429 ? retryAfter(ex) : backoff(attempt));
			}
			catch (TelegramApiException ex) {
				if (attempt >= maxAttempts) {
					meters.call(TelegramUpdates.CHANNEL, ChannelMeters.Call.FAILED);
					log.warn("telegram call failed method={} cause={} attempt={}", method.getMethod(),
							ex.getClass().getSimpleName(), attempt);
					throw ex;
				}
				meters.call(TelegramUpdates.CHANNEL, ChannelMeters.Call.RETRIED);
				sleep(backoff(attempt));
			}
		}
	}

	/**
	 * Registers the webhook (a multipart call in the client; tried once, at start-up).
	 */
	void setWebhook(SetWebhook webhook) throws TelegramApiException {
		client.execute(webhook);
	}

	private static boolean retryable(Integer code) {
		return code == null || code == 429 || code >= 500;
	}

	private Duration retryAfter(TelegramApiRequestException ex) {
		Integer seconds = ex.getParameters() != null ? ex.getParameters().getRetryAfter() : null;
		long wait = seconds == null ? 1 : Math.max(0, Math.min(seconds, MAX_RETRY_AFTER_SECONDS));
		log.info("telegram asked to slow down retry_after={}s", wait);
		return Duration.ofSeconds(wait);
	}

	private Duration backoff(int attempt) {
		return backoff.multipliedBy(1L << Math.min(attempt - 1, 10));
	}

	private static void sleep(Duration duration) throws TelegramApiException {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TelegramApiException("interrupted while waiting to retry", ex);
		}
	}

}
