package org.scoutline.channel.telegram;

import org.scoutline.channel.common.ChatLanes;
import org.scoutline.channel.common.Replays;
import org.scoutline.hotline.ChannelSignals;
import org.scoutline.hotline.Hotline;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** The Telegram bot, when {@code scoutline.telegram.enabled} is true. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "scoutline.telegram.enabled", havingValue = "true")
class TelegramConfiguration {

	@Bean
	TelegramClient telegramClient(TelegramSettings settings) {
		return new OkHttpTelegramClient(settings.token(), settings.telegramUrl());
	}

	@Bean
	TelegramApi telegramApi(TelegramClient telegramClient, TelegramSettings settings) {
		return new TelegramApi(telegramClient, settings);
	}

	@Bean(destroyMethod = "close")
	ChatLanes telegramLanes(TelegramSettings settings) {
		return new ChatLanes("telegram", settings.lanes());
	}

	@Bean
	TelegramUpdates telegramUpdates(TelegramApi telegramApi, Hotline hotline, ChannelSignals signals,
			Replays replays) {
		return new TelegramUpdates(telegramApi, hotline, signals, replays);
	}

	@Bean
	TelegramGateway telegramGateway(TelegramApi telegramApi) {
		return new TelegramGateway(telegramApi);
	}

	@Bean
	TelegramBot telegramBot(TelegramSettings settings, TelegramApi telegramApi, TelegramUpdates telegramUpdates,
			ChatLanes telegramLanes, Hotline hotline) {
		return new TelegramBot(settings, telegramApi, telegramUpdates, telegramLanes, hotline);
	}

}
