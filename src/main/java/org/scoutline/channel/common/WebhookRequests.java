package org.scoutline.channel.common;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What every webhook needs: a bounded raw body, constant-time secret checks and precise
 * JSON errors.
 */
public final class WebhookRequests {

	private WebhookRequests() {
	}

	/** The body is larger than the webhook accepts. */
	public static final class TooLarge extends Exception {

		private static final long serialVersionUID = 1L;

		TooLarge() {
			super("payload too large", null, false, false);
		}

	}

	/**
	 * Reads the raw body, refusing it (before reading, when the length is declared) when
	 * it is larger than {@code maxBytes}.
	 */
	public static byte[] body(HttpServletRequest request, int maxBytes) throws IOException, TooLarge {
		if (request.getContentLengthLong() > maxBytes) {
			throw new TooLarge();
		}
		try (InputStream in = request.getInputStream()) {
			byte[] body = in.readNBytes(maxBytes + 1);
			if (body.length > maxBytes) {
				throw new TooLarge();
			}
			return body;
		}
	}

	/**
	 * @return whether {@code given} equals {@code expected}, in time that does not depend
	 * on where they differ
	 */
	public static boolean sameSecret(String expected, String given) {
		if (expected == null || expected.isEmpty() || given == null) {
			return false;
		}
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * @return a JSON error: {@code {"error": code, "message": message}}
	 */
	public static ResponseEntity<Map<String, String>> error(HttpStatus status, String code, String message) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("error", code, "message", message));
	}

	/**
	 * @return the answer to a well-formed notification the bot can't use: {@code 200}, so
	 * that the platform does not deliver it again, {@code {"status": "dropped"}}
	 */
	public static ResponseEntity<Map<String, String>> dropped() {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Map.of("status", "dropped"));
	}

	/**
	 * @return the answer to an accepted webhook: {@code {"status": "accepted"}}
	 */
	public static ResponseEntity<Map<String, String>> accepted() {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Map.of("status", "accepted"));
	}

}
