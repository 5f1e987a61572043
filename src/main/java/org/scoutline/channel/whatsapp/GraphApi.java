package org.scoutline.channel.whatsapp;

import java.time.Duration;

import org.scoutline.channel.common.ChannelMeters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Sends messages through the Cloud API ({@code POST
 * {api-url}/{api-version}/{phone-number-id}/messages} with the access token) and retries
 * where retrying helps: {@code 429} (after {@code Retry-After} when given), server errors
 * and network failures back off exponentially; other client errors (a wrong number, a
 * closed 24-hour window) are not retried. Logs carry the status and Meta's error code,
 * never the number or the text.
 */
class GraphApi {

	private static final Logger log = LoggerFactory.getLogger(GraphApi.class);

	private final RestClient rest;

	private final ObjectMapper json;

	private final int maxAttempts;

	private final Duration backoff;

	private final ChannelMeters meters;

	GraphApi(WhatsAppSettings settings, ObjectMapper json, ChannelMeters meters) {
		this.meters = meters;
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory();
		requests.setReadTimeout(Duration.ofSeconds(20));
		this.rest = RestClient.builder()
			.requestFactory(requests)
			.baseUrl(settings.messagesUrl())
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + settings.accessToken())
			.build();
		this.json = json;
		this.maxAttempts = settings.maxAttempts();
		this.backoff = settings.backoff();
	}

	/** What became of a message. */
	enum Sent {

		/** the Cloud API took it */
		ACCEPTED,
		/** refused for good (a wrong number, a closed window): trying again can't help */
		REFUSED,
		/** not taken after every attempt (server errors, the network): try again later */
		FAILED

	}

	/**
	 * @return what the Cloud API did with the message
	 */
	Sent send(ObjectNode message) {
		for (int attempt = 1;; attempt++) {
			try {
				rest.post()
					.contentType(MediaType.APPLICATION_JSON)
					.body(json.writeValueAsString(message))
					.retrieve()
					.toBodilessEntity();
				meters.call(WhatsAppMessages.CHANNEL, ChannelMeters.Call.OK);
				return Sent.ACCEPTED;
			}
			catch (RestClientResponseException ex) {
				int status = ex.getStatusCode().value();
				boolean retryable = status == 429 || status >= 500;
				if (!retryable || attempt >= maxAttempts) {
					meters.call(WhatsAppMessages.CHANNEL,
							retryable ? ChannelMeters.Call.FAILED : ChannelMeters.Call.REFUSED);
					log.warn("whatsapp send failed status={} code={} attempt={}", status, errorCode(ex), attempt);
					return retryable ? Sent.FAILED : Sent.REFUSED;
				}
				meters.call(WhatsAppMessages.CHANNEL, ChannelMeters.Call.RETRIED);
				sleep(status == 429 ? retryAfter(ex, attempt) : backoff(attempt));
			}
			catch (ResourceAccessException | com.fasterxml.jackson.core.JsonProcessingException ex) {
				if (attempt >= maxAttempts) {
					meters.call(WhatsAppMessages.CHANNEL, ChannelMeters.Call.FAILED);
					log.warn("whatsapp send failed cause={} attempt={}", ex.getClass().getSimpleName(), attempt);
					return Sent.FAILED;
				}
				meters.call(WhatsAppMessages.CHANNEL, ChannelMeters.Call.RETRIED);
				sleep(backoff(attempt));
			}
			if (Thread.currentThread().isInterrupted()) {
				return Sent.FAILED;
			}
		}
	}

	private Duration retryAfter(RestClientResponseException ex, int attempt) {
		String header = ex.getResponseHeaders() != null ? ex.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)
				: null;
		if (header != null && header.matches("\\d{1,3}")) {
			return Duration.ofSeconds(Long.parseLong(header));
		}
		return backoff(attempt);
	}

	private Duration backoff(int attempt) {
		return backoff.multipliedBy(1L << Math.min(attempt - 1, 10));
	}

	private String errorCode(RestClientResponseException ex) {
		try {
			JsonNode error = json.readTree(ex.getResponseBodyAsByteArray()).path("error");
			return error.path("code").asText("-");
		}
		catch (java.io.IOException | RuntimeException notJson) {
			return "-";
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
