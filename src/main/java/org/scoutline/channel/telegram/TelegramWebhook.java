package org.scoutline.channel.telegram;

import java.io.IOException;
import java.util.Map;

import org.scoutline.channel.common.ChannelWebhook;
import org.scoutline.channel.common.WebhookRequests;
import org.scoutline.platform.LogGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code POST /webhooks/telegram} in webhook mode. The secret header is checked (in
 * constant time) before the body is read; the body is read raw, bounded, and parsed with
 * Jackson 2 into the library's {@link org.telegram.telegrambots.meta.api.objects.Update}.
 * An update is answered {@code 200} only once it is stored ({@link TelegramArrivals}); a
 * Redis that does not answer gets {@code 503} at once, so that Telegram delivers it
 * again. An update the bot can't use gets {@code 200} and is dropped (Telegram would send
 * it forever); what isn't an update at all gets a precise 4xx.
 */
@RestController
@ChannelWebhook
@ConditionalOnExpression("${scoutline.telegram.enabled:false} "
		+ "and '${scoutline.telegram.mode:polling}'.equalsIgnoreCase('webhook')")
class TelegramWebhook {

	private static final Logger log = LoggerFactory.getLogger(TelegramWebhook.class);

	static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

	private final ObjectMapper json = new ObjectMapper();

	private final LogGate gate = new LogGate();

	private final TelegramSettings settings;

	private final TelegramArrivals arrivals;

	TelegramWebhook(TelegramSettings settings, TelegramArrivals arrivals) {
		this.settings = settings;
		this.arrivals = arrivals;
	}

	@PostMapping("/webhooks/telegram")
	ResponseEntity<Map<String, String>> receive(@RequestHeader(name = SECRET_HEADER, required = false) String secret,
			HttpServletRequest request) throws IOException {
		if (!WebhookRequests.sameSecret(settings.webhookSecret(), secret)) {
			log.warn("telegram webhook refused: wrong or missing secret");
			return WebhookRequests.error(HttpStatus.UNAUTHORIZED, "invalid_secret",
					"the " + SECRET_HEADER + " header is missing or wrong");
		}
		byte[] body;
		try {
			body = WebhookRequests.body(request, settings.maxBodyBytes());
		}
		catch (WebhookRequests.TooLarge ex) {
			return WebhookRequests.error(HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large",
					"an update may have at most " + settings.maxBodyBytes() + " bytes");
		}
		TelegramArrivals.Taken taken;
		try {
			JsonNode tree = json.readTree(body);
			if (tree == null || !tree.isObject() || !tree.path("update_id").canConvertToInt()
					|| !tree.path("update_id").isIntegralNumber()) {
				return WebhookRequests.error(HttpStatus.BAD_REQUEST, "invalid_update",
						"an update is a JSON object with a numeric update_id");
			}
			taken = arrivals.accept(tree);
		}
		catch (JsonProcessingException | IllegalArgumentException ex) {
			return WebhookRequests.error(HttpStatus.BAD_REQUEST, "malformed_json", "the body is not a valid update");
		}
		catch (DataAccessException ex) {
			if (gate.open("unavailable")) {
				log.warn("telegram webhook answered 503: storage unavailable cause={} (logged once a minute)",
						ex.getClass().getSimpleName());
			}
			return WebhookRequests.error(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
					"the update could not be stored; deliver it again");
		}
		return taken == TelegramArrivals.Taken.DROPPED ? WebhookRequests.dropped() : WebhookRequests.accepted();
	}

}
