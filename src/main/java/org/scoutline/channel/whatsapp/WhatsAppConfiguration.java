package org.scoutline.channel.whatsapp;

import java.time.Clock;

import org.scoutline.channel.common.InboundTurns;
import org.scoutline.channel.common.ChannelMeters;
import org.scoutline.channel.common.Intake;
import org.scoutline.channel.common.IntakeWorkers;
import org.scoutline.dialogue.Texts;
import org.scoutline.hotline.ChannelSignals;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The WhatsApp channel, when {@code scoutline.whatsapp.enabled} is true. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "scoutline.whatsapp.enabled", havingValue = "true")
class WhatsAppConfiguration {

	@Bean
	GraphApi graphApi(WhatsAppSettings settings, ObjectMapper json, ChannelMeters meters) {
		return new GraphApi(settings, json, meters);
	}

	@Bean
	WhatsAppSender whatsAppSender(GraphApi graphApi, Texts texts, Clock clock) {
		return new WhatsAppSender(graphApi, texts, clock);
	}

	/** outbound only (no hotline): the handover's notices use it */
	@Bean
	WhatsAppGateway whatsAppGateway(WhatsAppSender whatsAppSender, WhatsAppSettings settings) {
		return new WhatsAppGateway(whatsAppSender, settings.reminderTemplate());
	}

	@Bean
	WhatsAppMessages whatsAppMessages(InboundTurns turns, WhatsAppSender whatsAppSender, ChannelSignals signals,
			ObjectMapper json) {
		return new WhatsAppMessages(turns, whatsAppSender, signals, json);
	}

	/** the workers that answer the stored messages, on every instance */
	@Bean
	IntakeWorkers whatsAppIntake(Intake intake, WhatsAppSettings settings, WhatsAppMessages whatsAppMessages) {
		return intake.workers(WhatsAppMessages.CHANNEL, settings.lanes(), whatsAppMessages);
	}

}
