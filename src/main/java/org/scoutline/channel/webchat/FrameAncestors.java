package org.scoutline.channel.webchat;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The CSP {@code frame-ancestors} sources of the widget's frame, from
 * {@code scoutline.webchat.allowed-origins} (the pages that may embed the widget). The
 * setting takes what Spring's origin patterns take and CSP understands: {@code *}, or
 * {@code scheme://host[:port]} with an optional {@code *.} before the host and
 * {@code [*]} or {@code *} as the port. Anything else stops the start-up with the entry
 * named, so that no header is ever built from a value it could break.
 */
final class FrameAncestors {

	private static final Pattern ORIGIN = Pattern
		.compile("https?://(\\*\\.)?[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:(\\d{1,5}|\\*|\\[\\*\\]))?");

	private FrameAncestors() {
	}

	/**
	 * @return the source list for {@code frame-ancestors}, e.g.
	 * {@code https://www.example.org http://localhost:*}
	 * @throws IllegalArgumentException for an entry that is not an origin pattern
	 */
	static String of(List<String> allowedOrigins) {
		if (allowedOrigins.contains("*")) {
			return "*";
		}
		return allowedOrigins.stream().map(FrameAncestors::source).collect(Collectors.joining(" "));
	}

	private static String source(String origin) {
		String value = origin == null ? "" : origin.strip();
		if (!ORIGIN.matcher(value).matches()) {
			throw new IllegalArgumentException("scoutline.webchat.allowed-origins: '" + origin
					+ "' is not an origin (scheme://host[:port], optionally *.host, [*] or * as the port)");
		}
		return value.replace(":[*]", ":*");
	}

}
