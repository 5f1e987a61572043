package org.scoutline.channel.telegram;

import org.scoutline.channel.common.ChatLanes;
import org.scoutline.channel.common.InboundTurns;
import org.scoutline.hotline.ChannelSignals;
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
	TelegramMessages telegramMessages(TelegramApi telegramApi, InboundTurns turns) {
		return new TelegramMessages(telegramApi, turns);
	}

	@Bean
	TelegramUpdates telegramUpdates(TelegramApi telegramApi, InboundTurns turns, TelegramMessages telegramMessages,
			ChannelSignals signals) {
		return new TelegramUpdates(telegramApi, turns, telegramMessages, signals);
	}

	@Bean
	TelegramGateway telegramGateway(TelegramApi telegramApi) {
		return new TelegramGateway(telegramApi);
	}

	@Bean
	TelegramBot telegramBot(TelegramSettings settings, TelegramApi telegramApi, TelegramUpdates telegramUpdates,
			ChatLanes telegramLanes, InboundTurns turns) {
		return new TelegramBot(settings, telegramApi, telegramUpdates, telegramLanes, turns);
	}

}
