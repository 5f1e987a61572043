package org.scoutline.channel.whatsapp;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * @param enabled whether the WhatsApp channel runs
 * @param apiUrl the Graph API ({@code https://graph.facebook.com}; a test server in
 * tests)
 * @param apiVersion the Graph API version, e.g. {@code v21.0}
 * @param phoneNumberId the id of the business phone number (Meta app, WhatsApp, API
 * setup)
 * @param accessToken the (system user) access token that may send for that number
 * @param appSecret the Meta app's secret; webhook payloads are signed with it
 * @param verifyToken the token Meta sends once to verify the webhook URL
 * @param lanes how many chats are handled at the same time at most
 * @param maxAttempts how often a send is tried before it is given up
 * @param backoff the first wait before a retry (doubled each time)
 * @param maxBodyBytes the largest webhook request accepted
 * @param reminderTemplate the name of an approved message template (without parameters,
 * in each conversation language) that announces a live session to users who opted in when
 * the 24-hour window has closed; without it such users are told at opt-in that a reminder
 * comes only within 24 hours of their last message
 */
@Validated
@ConfigurationProperties("scoutline.whatsapp")
record WhatsAppSettings(@DefaultValue("false") boolean enabled,
		@DefaultValue("https://graph.facebook.com") @NotNull URI apiUrl,
		@DefaultValue("v21.0") @NotBlank String apiVersion, String phoneNumberId, String accessToken, String appSecret,
		String verifyToken, @DefaultValue("8") @Min(1) @Max(256) int lanes,
		@DefaultValue("5") @Min(1) @Max(20) int maxAttempts, @DefaultValue("500ms") @NotNull Duration backoff,
		@DefaultValue("1048576") @Min(1024) int maxBodyBytes, String reminderTemplate) {

	WhatsAppSettings {
		if (enabled) {
			require(phoneNumberId, "phone-number-id");
			require(accessToken, "access-token");
			require(appSecret, "app-secret");
			require(verifyToken, "verify-token");
		}
	}

	private static void require(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("scoutline.whatsapp." + name + " is required when WhatsApp is enabled");
		}
	}

	/**
	 * @return where messages are sent:
	 * {@code {api-url}/{api-version}/{phone-number-id}/messages}
	 */
	String messagesUrl() {
		String base = apiUrl.toString().replaceAll("/+$", "");
		return base + "/" + apiVersion + "/" + phoneNumberId + "/messages";
	}

}
