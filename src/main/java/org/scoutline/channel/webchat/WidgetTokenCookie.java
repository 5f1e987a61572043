package org.scoutline.channel.webchat;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;

import org.scoutline.platform.ScoutlineSettings;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the widget's frame keeps its token when the browser denies it its storage (a
 * frame on another site, with third-party storage blocked): a partitioned cookie (CHIPS),
 * which the browser keeps per host site and sends only to this origin. The frame reads,
 * writes and deletes it at {@code /widget/token}; only the frame itself may
 * ({@code Sec-Fetch-Site: same-origin}, set by the browser, so that no other page can
 * plant a token of its own there), and the cookie is {@code HttpOnly}.
 */
@RestController
class WidgetTokenCookie {

	static final String PATH = "/widget/token";

	static final String NAME = "scoutline_token";

	private final Duration retention;

	WidgetTokenCookie(ScoutlineSettings settings) {
		this.retention = settings.retention();
	}

	record Kept(String token) {
	}

	@GetMapping(PATH)
	ResponseEntity<Map<String, String>> read(@CookieValue(name = NAME, required = false) String token,
			@RequestHeader(name = "Sec-Fetch-Site", required = false) String site) {
		if (!"same-origin".equals(site)) {
			return refused();
		}
		String valid = token != null && WidgetFrame.Hello.TOKEN.matcher(token).matches() ? token : null;
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Collections.singletonMap("token", valid));
	}

	@PutMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, String>> keep(@RequestBody(required = false) Kept body,
			@RequestHeader(name = "Sec-Fetch-Site", required = false) String site) {
		if (!"same-origin".equals(site)) {
			return refused();
		}
		if (body == null || body.token() == null || !WidgetFrame.Hello.TOKEN.matcher(body.token()).matches()) {
			return ResponseEntity.badRequest()
				.body(Map.of("error", "bad_token", "message", "That is not a token this server handed out."));
		}
		return cookie(body.token(), retention);
	}

	@DeleteMapping(PATH)
	ResponseEntity<Map<String, String>> forget(@RequestHeader(name = "Sec-Fetch-Site", required = false) String site) {
		if (!"same-origin".equals(site)) {
			return refused();
		}
		return cookie("", Duration.ZERO);
	}

	private static ResponseEntity<Map<String, String>> cookie(String value, Duration maxAge) {
		ResponseCookie cookie = ResponseCookie.from(NAME, value)
			.path(PATH)
			.httpOnly(true)
			.secure(true)
			.sameSite("None")
			.partitioned(true)
			.maxAge(maxAge)
			.build();
		return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, cookie.toString()).build();
	}

	private static ResponseEntity<Map<String, String>> refused() {
		return ResponseEntity.status(HttpStatus.FORBIDDEN)
			.body(Map.of("error", "not_the_frame", "message", "Only the widget's own frame may use this."));
	}

}
