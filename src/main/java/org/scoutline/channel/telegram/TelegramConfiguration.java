package org.scoutline.channel.telegram;

import org.scoutline.channel.common.InboundTurns;
import org.scoutline.channel.common.ChannelMeters;
import org.scoutline.channel.common.Intake;
import org.scoutline.channel.common.IntakeWorkers;
import org.scoutline.hotline.ChannelSignals;
import org.scoutline.platform.ScoutlineSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import io.micrometer.core.instrument.MeterRegistry;

/** The Telegram bot, when {@code scoutline.telegram.enabled} is true. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "scoutline.telegram.enabled", havingValue = "true")
class TelegramConfiguration {

	@Bean
	TelegramClient telegramClient(TelegramSettings settings) {
		return new OkHttpTelegramClient(settings.token(), settings.telegramUrl());
	}

	@Bean
	TelegramApi telegramApi(TelegramClient telegramClient, TelegramSettings settings, ChannelMeters meters) {
		return new TelegramApi(telegramClient, settings, meters);
	}

	@Bean
	TelegramArrivals telegramArrivals(Intake intake, MeterRegistry meters) {
		return new TelegramArrivals(intake, meters);
	}

	@Bean
	TelegramMessages telegramMessages(TelegramApi telegramApi, InboundTurns turns) {
		return new TelegramMessages(telegramApi, turns);
	}

	@Bean
	TelegramUpdates telegramUpdates(TelegramApi telegramApi, InboundTurns turns, TelegramMessages telegramMessages,
			ChannelSignals signals, TelegramArrivals telegramArrivals) {
		return new TelegramUpdates(telegramApi, turns, telegramMessages, signals, telegramArrivals);
	}

	/** the workers that answer the stored updates, on every instance */
	@Bean
	IntakeWorkers telegramIntake(Intake intake, TelegramSettings settings, TelegramUpdates telegramUpdates) {
		return intake.workers(TelegramUpdates.CHANNEL, settings.lanes(), telegramUpdates);
	}

	@Bean
	@ConditionalOnProperty(name = "scoutline.telegram.mode", havingValue = "polling", matchIfMissing = true)
	TelegramPoller telegramPoller(TelegramApi telegramApi, TelegramArrivals telegramArrivals, StringRedisTemplate redis,
			TelegramSettings settings, ScoutlineSettings scoutline) {
		return new TelegramPoller(telegramApi, telegramArrivals, redis, settings, scoutline);
	}

	@Bean
	TelegramGateway telegramGateway(TelegramApi telegramApi) {
		return new TelegramGateway(telegramApi);
	}

	@Bean
	TelegramBot telegramBot(TelegramSettings settings, TelegramApi telegramApi, InboundTurns turns) {
		return new TelegramBot(settings, telegramApi, turns);
	}

}
