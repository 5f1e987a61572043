package org.scoutline.channel.webchat;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * @param allowedOrigins the pages that may embed the widget: the {@code frame-ancestors}
 * of its frame ({@code *}: any page, for an embeddable widget; see
 * {@link FrameAncestors})
 * @param socketOrigins other origins than Scoutline's own that may open the widget's
 * socket (default none: only the widget's frame, served from this origin, talks to it;
 * name Scoutline's public origin here when a proxy in front hides it from the app)
 * @param burst how many messages a connection may send at once
 * @param perSecond how many messages a connection may send per second in the long run
 * @param maxFrameChars the largest text frame accepted, in characters; larger frames
 * close the connection (code 1009). The widget sends at most 8,192 bytes a frame, never
 * more characters than bytes, so 8,192 takes every frame it sends: a text of 2,000
 * characters in any script (Korean: 6,000 bytes) or full of quotes and line breaks, which
 * JSON doubles. No socket keeps a buffer of this size: a frame longer than the socket's
 * small one ({@code scoutline.sockets.text-buffer-chars}) is put together only while it
 * arrives ({@link WholeFrames}).
 * @param scheduleRefresh how often this instance asks whether a live session runs, for
 * the widget's live line ({@code schedule} frame); open widgets get a new frame only when
 * the answer changed
 * @param idleTimeout how long a widget socket may send no frame before the server closes
 * it with code 4000 "idle" ({@link IdleSockets}); the widget then connects again when it
 * needs to, and resumes. At least a second and below the 30 minutes after which the
 * server container itself closes a silent socket (with 1001, like a shutdown).
 */
@Validated
@ConfigurationProperties("scoutline.webchat")
record WebChatSettings(@DefaultValue("*") @NotEmpty List<String> allowedOrigins,
		@DefaultValue List<String> socketOrigins, @DefaultValue("20") @Min(1) int burst,
		@DefaultValue("3") @Min(1) int perSecond, @DefaultValue("8192") @Min(4096) @Max(65536) int maxFrameChars,
		@DefaultValue("15s") @NotNull Duration scheduleRefresh, @DefaultValue("5m") @NotNull Duration idleTimeout) {

	/** the server container's own idle timeout ({@link WebChatConfiguration}) */
	static final Duration CONTAINER_IDLE_TIMEOUT = Duration.ofMinutes(30);

	WebChatSettings {
		if (scheduleRefresh != null && (scheduleRefresh.isNegative() || scheduleRefresh.toMillis() < 100)) {
			throw new IllegalArgumentException(
					"scoutline.webchat.schedule-refresh must be at least 100ms, was " + scheduleRefresh);
		}
		if (idleTimeout != null && (idleTimeout.compareTo(Duration.ofSeconds(1)) < 0
				|| idleTimeout.compareTo(CONTAINER_IDLE_TIMEOUT) >= 0)) {
			throw new IllegalArgumentException(
					"scoutline.webchat.idle-timeout must be at least 1s and below 30m, was " + idleTimeout);
		}
	}

}
