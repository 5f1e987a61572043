package org.scoutline.channel.whatsapp;

import java.time.Clock;

import org.scoutline.channel.common.ChatLanes;
import org.scoutline.channel.common.Replays;
import org.scoutline.hotline.ChannelSignals;
import org.scoutline.hotline.Hotline;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The WhatsApp channel, when {@code scoutline.whatsapp.enabled} is true. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "scoutline.whatsapp.enabled", havingValue = "true")
class WhatsAppConfiguration {

	@Bean
	GraphApi graphApi(WhatsAppSettings settings, ObjectMapper json) {
		return new GraphApi(settings, json);
	}

	@Bean(destroyMethod = "close")
	ChatLanes whatsAppLanes(WhatsAppSettings settings) {
		return new ChatLanes("whatsapp", settings.lanes());
	}

	@Bean
	WhatsAppGateway whatsAppGateway(WhatsAppMessages whatsAppMessages, WhatsAppSettings settings) {
		return new WhatsAppGateway(whatsAppMessages, settings.reminderTemplate());
	}

	@Bean
	WhatsAppMessages whatsAppMessages(GraphApi graphApi, Hotline hotline, ChannelSignals signals, Replays replays,
			Clock clock) {
		return new WhatsAppMessages(graphApi, hotline, signals, replays, clock);
	}

}
