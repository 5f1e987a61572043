package org.scoutline.channel.telegram;

import java.io.IOException;
import java.util.Map;

import org.scoutline.channel.common.ChannelWebhook;
import org.scoutline.channel.common.WebhookRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.telegram.telegrambots.meta.api.objects.Update;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code POST /webhooks/telegram} in webhook mode. The secret header is checked (in
 * constant time) before the body is read; the body is read raw, bounded, and parsed with
 * Jackson 2 into the library's {@link Update}. Valid updates are queued on their chat's
 * lane and answered {@code 200} at once; bad ones get a precise 4xx and nothing is
 * stored.
 */
@RestController
@ChannelWebhook
@ConditionalOnExpression("${scoutline.telegram.enabled:false} "
		+ "and '${scoutline.telegram.mode:polling}'.equalsIgnoreCase('webhook')")
class TelegramWebhook {

	private static final Logger log = LoggerFactory.getLogger(TelegramWebhook.class);

	static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

	private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
			false);

	private final TelegramSettings settings;

	private final TelegramBot bot;

	TelegramWebhook(TelegramSettings settings, TelegramBot bot) {
		this.settings = settings;
		this.bot = bot;
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
		Update update;
		try {
			JsonNode tree = json.readTree(body);
			if (tree == null || !tree.isObject() || !tree.path("update_id").canConvertToInt()
					|| !tree.path("update_id").isIntegralNumber()) {
				return WebhookRequests.error(HttpStatus.BAD_REQUEST, "invalid_update",
						"an update is a JSON object with a numeric update_id");
			}
			update = json.treeToValue(tree, Update.class);
		}
		catch (JsonProcessingException | IllegalArgumentException ex) {
			return WebhookRequests.error(HttpStatus.BAD_REQUEST, "malformed_json", "the body is not a valid update");
		}
		if (TelegramUpdates.typeOf(update) == null) {
			log.info("telegram webhook refused: unsupported update type update={}", update.getUpdateId());
			return WebhookRequests.error(HttpStatus.UNPROCESSABLE_ENTITY, "unsupported_update",
					"this bot handles message, edited_message, callback_query, my_chat_member and channel_post");
		}
		bot.dispatch(update);
		return WebhookRequests.accepted();
	}

}
