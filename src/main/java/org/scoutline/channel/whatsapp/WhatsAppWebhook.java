package org.scoutline.channel.whatsapp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.scoutline.channel.common.ChannelWebhook;
import org.scoutline.channel.common.Intake;
import org.scoutline.channel.common.WebhookRequests;
import org.scoutline.platform.LogGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code GET /webhooks/whatsapp} answers Meta's verification handshake; {@code POST}
 * takes notifications. The signature ({@code X-Hub-Signature-256}, HMAC-SHA256 of the raw
 * body with the app secret) is checked in constant time before anything is parsed. A
 * payload is checked whole before any of it is handled: one bad message makes a precise
 * 4xx and nothing is stored. Valid messages are answered {@code 200} once they are stored
 * in the {@link Intake} (each message id once, however often Meta delivers it); a Redis
 * that does not answer gets {@code 503} at once, so that Meta delivers the notification
 * again. Status callbacks are accepted and ignored.
 */
@RestController
@ChannelWebhook
@ConditionalOnProperty(name = "scoutline.whatsapp.enabled", havingValue = "true")
class WhatsAppWebhook {

	private static final Logger log = LoggerFactory.getLogger(WhatsAppWebhook.class);

	static final String SIGNATURE_HEADER = "X-Hub-Signature-256";

	private static final Pattern PHONE = Pattern.compile("\\d{6,20}");

	private final WhatsAppSettings settings;

	private final WhatsAppMessages messages;

	private final Intake intake;

	private final ObjectMapper json;

	private final SecretKeySpec appSecret;

	private final LogGate gate = new LogGate();

	WhatsAppWebhook(WhatsAppSettings settings, WhatsAppMessages messages, Intake intake, ObjectMapper json) {
		this.settings = settings;
		this.messages = messages;
		this.intake = intake;
		this.json = json;
		this.appSecret = new SecretKeySpec(settings.appSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

	/** The payload is not what Meta sends. */
	static final class Invalid extends Exception {

		private static final long serialVersionUID = 1L;

		private final HttpStatus status;

		private final String code;

		Invalid(HttpStatus status, String code, String message) {
			super(message, null, false, false);
			this.status = status;
			this.code = code;
		}

	}

	@GetMapping("/webhooks/whatsapp")
	ResponseEntity<?> verify(@RequestParam(name = "hub.mode", required = false) String mode,
			@RequestParam(name = "hub.verify_token", required = false) String token,
			@RequestParam(name = "hub.challenge", required = false) String challenge) {
		if (!"subscribe".equals(mode) || challenge == null || challenge.isBlank() || challenge.length() > 200) {
			return WebhookRequests.error(HttpStatus.BAD_REQUEST, "invalid_handshake",
					"expected hub.mode=subscribe, hub.verify_token and hub.challenge");
		}
		if (!WebhookRequests.sameSecret(settings.verifyToken(), token)) {
			log.warn("whatsapp webhook verification refused: wrong verify token");
			return WebhookRequests.error(HttpStatus.FORBIDDEN, "invalid_verify_token", "hub.verify_token is wrong");
		}
		log.info("whatsapp webhook verified");
		return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(challenge);
	}

	@PostMapping("/webhooks/whatsapp")
	ResponseEntity<Map<String, String>> receive(
			@RequestHeader(name = SIGNATURE_HEADER, required = false) String signature, HttpServletRequest request)
			throws IOException {
		byte[] body;
		try {
			body = WebhookRequests.body(request, settings.maxBodyBytes());
		}
		catch (WebhookRequests.TooLarge ex) {
			return WebhookRequests.error(HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large",
					"a notification may have at most " + settings.maxBodyBytes() + " bytes");
		}
		if (!signedByMeta(body, signature)) {
			log.warn("whatsapp webhook refused: invalid signature");
			return WebhookRequests.error(HttpStatus.UNAUTHORIZED, "invalid_signature",
					"the " + SIGNATURE_HEADER + " header is missing or does not match the body");
		}
		List<WhatsAppMessages.Incoming> incoming;
		try {
			incoming = parse(body);
		}
		catch (Invalid ex) {
			log.info("whatsapp webhook refused: {}", ex.code);
			return WebhookRequests.error(ex.status, ex.code, ex.getMessage());
		}
		try {
			for (WhatsAppMessages.Incoming message : incoming) {
				intake.offer(WhatsAppMessages.CHANNEL, message.id(), message.from(), messages.payload(message));
			}
		}
		catch (DataAccessException ex) {
			if (gate.open("unavailable")) {
				log.warn("whatsapp webhook answered 503: storage unavailable cause={} (logged once a minute)",
						ex.getClass().getSimpleName());
			}
			return WebhookRequests.error(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
					"the notification could not be stored; deliver it again");
		}
		return WebhookRequests.accepted();
	}

	boolean signedByMeta(byte[] body, String signature) {
		if (signature == null || !signature.startsWith("sha256=")) {
			return false;
		}
		byte[] expected;
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(appSecret);
			expected = mac.doFinal(body);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
		byte[] given;
		try {
			given = HexFormat.of().parseHex(signature.substring(7).toLowerCase());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return MessageDigest.isEqual(expected, given);
	}

	/**
	 * @return the messages for our phone number; statuses and other numbers' messages are
	 * left out
	 */
	private List<WhatsAppMessages.Incoming> parse(byte[] body) throws Invalid {
		JsonNode root;
		try {
			root = json.readTree(body);
		}
		catch (JsonProcessingException ex) {
			throw new Invalid(HttpStatus.BAD_REQUEST, "malformed_json", "the body is not valid JSON");
		}
		catch (IOException ex) {
			throw new Invalid(HttpStatus.BAD_REQUEST, "malformed_json", "the body could not be read");
		}
		if (root == null || !root.isObject() || !root.path("entry").isArray()) {
			throw new Invalid(HttpStatus.BAD_REQUEST, "invalid_payload", "expected an object with an entry array");
		}
		if (!"whatsapp_business_account".equals(root.path("object").asText())) {
			throw new Invalid(HttpStatus.UNPROCESSABLE_ENTITY, "unsupported_object",
					"only whatsapp_business_account notifications are handled");
		}
		List<WhatsAppMessages.Incoming> found = new ArrayList<>();
		for (JsonNode entry : root.path("entry")) {
			JsonNode changes = entry.path("changes");
			if (!changes.isArray()) {
				throw new Invalid(HttpStatus.BAD_REQUEST, "invalid_payload", "every entry needs a changes array");
			}
			for (JsonNode change : changes) {
				value(change.path("value"), found);
			}
		}
		return found;
	}

	private void value(JsonNode value, List<WhatsAppMessages.Incoming> found) throws Invalid {
		if (!value.isObject()) {
			throw new Invalid(HttpStatus.BAD_REQUEST, "invalid_payload", "every change needs a value object");
		}
		String phoneNumberId = value.path("metadata").path("phone_number_id").asText("");
		boolean ours = phoneNumberId.isEmpty() || phoneNumberId.equals(settings.phoneNumberId());
		JsonNode list = value.path("messages");
		if (list.isMissingNode()) {
			return;
		}
		if (!list.isArray()) {
			throw new Invalid(HttpStatus.BAD_REQUEST, "invalid_payload", "messages must be an array");
		}
		for (JsonNode message : list) {
			WhatsAppMessages.Incoming incoming = message(message);
			if (ours) {
				found.add(incoming);
			}
		}
	}

	private static WhatsAppMessages.Incoming message(JsonNode message) throws Invalid {
		String from = message.path("from").asText("");
		String id = message.path("id").asText("");
		String type = message.path("type").asText("");
		String timestamp = message.path("timestamp").asText("");
		if (!PHONE.matcher(from).matches() || id.isBlank() || id.length() > 256 || !timestamp.matches("\\d{1,12}")) {
			throw new Invalid(HttpStatus.BAD_REQUEST, "invalid_message",
					"every message needs from (digits), id, type and timestamp");
		}
		if (!WhatsAppMessages.KNOWN.contains(type)) {
			throw new Invalid(HttpStatus.UNPROCESSABLE_ENTITY, "unsupported_message_type",
					"message type '" + type.replaceAll("[^a-z_]", "") + "' is not a WhatsApp message type");
		}
		return new WhatsAppMessages.Incoming(from, id, Instant.ofEpochSecond(Long.parseLong(timestamp)), type, message);
	}

}
