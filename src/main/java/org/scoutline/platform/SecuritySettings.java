package org.scoutline.platform;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The safe defaults of every HTTP response (README: "Configuration").
 *
 * @param frameAncestors who may frame a page, by path pattern (Spring's
 * {@code PathPattern}, the most specific match wins): a CSP source list such as
 * {@code 'none'}, {@code 'self'} or {@code https://partner.example}, or
 * {@value FrameAncestors#WIDGET_ORIGINS} for the origins in
 * {@code scoutline.webchat.allowed-origins}. Entries given in the configuration are added
 * to (or replace) the defaults in {@link #DEFAULT_FRAME_ANCESTORS}.
 */
@ConfigurationProperties("scoutline.security")
record SecuritySettings(Map<String, String> frameAncestors) {

	/**
	 * everything {@code 'none'} (the console and the login page included), the demo page
	 * {@code 'self'}, the widget's own pages under {@code /widget/} the widget's origins
	 */
	static final Map<String, String> DEFAULT_FRAME_ANCESTORS = Map.of("/**", "'none'", "/", "'self'", "/index.html",
			"'self'", "/neutral.html", "'self'", "/widget/**", FrameAncestors.WIDGET_ORIGINS);

	SecuritySettings {
		Map<String, String> merged = new LinkedHashMap<>(DEFAULT_FRAME_ANCESTORS);
		if (frameAncestors != null) {
			merged.putAll(frameAncestors);
		}
		frameAncestors = Map.copyOf(merged);
	}

}
